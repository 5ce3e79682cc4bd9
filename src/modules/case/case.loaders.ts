import { loader, tenantScope, type RequestContext } from '../../core/graphql/context';
import { groupLoader, readGroupLoader, readIdLoader } from '../../core/graphql/loaders';
import type { CaseSettingsEntity } from './case.entity';

/** The tenant's case settings, read once per request (masking decisions for a whole page use them). */
export function caseSettingsFor(ctx: RequestContext): Promise<CaseSettingsEntity> {
  return loader(ctx, 'caseSettings', async () => ctx.services.caseSettings.read(await tenantScope(ctx)));
}

/** The settings a page's own statement brought along: the parties' masking reads them, not the database. */
export function primeCaseSettings(ctx: RequestContext, settings: CaseSettingsEntity): void {
  if (ctx.loaders.has('caseSettings')) return;
  ctx.loaders.set('caseSettings', Promise.resolve(settings));
  ctx.loaders.set('caseSettings.primed', settings);
}

/** The settings a page's statement brought along, if one did: for answering without a promise. */
export function primedCaseSettings(ctx: RequestContext): CaseSettingsEntity | undefined {
  return ctx.loaders.get('caseSettings.primed') as CaseSettingsEntity | undefined;
}

/** Relations of a page of cases: one query per relation per page. */
export const caseLoaders = (ctx: RequestContext) => {
  const s = ctx.services;
  return loader(ctx, 'case', () => ({
    byId: readIdLoader(ctx, 'case.byId', (scope, ids) => s.cases.findRows(scope, ids)),
    parties: readGroupLoader(
      ctx,
      'case.parties',
      (scope, ids) => s.cases.partyRows(scope, ids),
      (p) => p.caseId,
    ),
    assignees: readGroupLoader(
      ctx,
      'case.assignees',
      (scope, ids) => s.cases.assigneeRows(scope, ids),
      (a) => a.caseId,
    ),
    duplicates: groupLoader(
      ctx,
      'case.duplicates',
      (em, t, ids) => s.cases.duplicatesOf(em, t, ids),
      (d) => d.caseId,
    ),
    escalations: groupLoader(
      ctx,
      'case.escalations',
      (em, t, ids) => s.cases.escalationsOf(em, t, ids),
      (e) => e.caseId,
    ),
    merged: readGroupLoader(
      ctx,
      'case.merged',
      (scope, ids) => s.cases.mergedRows(scope, ids),
      (c) => c.mergedIntoId!,
    ),
    sessions: groupLoader(
      ctx,
      'case.sessions',
      (em, t, ids) => s.mediation.sessionsOf(em, t, ids),
      (x) => x.caseId,
    ),
    agreements: groupLoader(
      ctx,
      'case.agreements',
      (em, t, ids) => s.mediation.agreementsOf(em, t, ids),
      (x) => x.caseId,
    ),
    referrals: groupLoader(
      ctx,
      'case.referrals',
      (em, t, ids) => s.referrals.listFor(em, t, ids),
      (x) => x.caseId,
    ),
    followUps: groupLoader(
      ctx,
      'case.followUps',
      (em, t, ids) => s.followUps.listFor(em, t, ids),
      (x) => x.caseId,
    ),
  }));
};
