import { Args, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { tenantReadScope, tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { categoryLoaders } from '../category/category.loaders';
import { CategoryType } from '../category/category.type';
import { orgUnitLoaders } from '../org-unit/org-unit.loaders';
import { OrgUnitType } from '../org-unit/org-unit.type';
import { departmentById } from '../department/department.loaders';
import { DepartmentType } from '../department/department.type';
import { staffById } from '../staff/staff.loaders';
import { StaffMemberType } from '../staff/staff.type';
import type { StaffFields } from '../staff/staff.rows';
import { MediationSessionType, AgreementType } from '../mediation/mediation.type';
import { ReferralType } from '../referral/referral.type';
import { FollowUpType } from '../follow-up/follow-up.type';
import { caseLoaders, caseSettingsFor, primedCaseSettings } from './case.loaders';
import type { PartyFields } from './case-rows';
import type { CaseSettingsEntity } from './case.entity';
import { reporterOnly } from './case-access';
import { allowedActions, type AllowedAction } from './case-actions';
import { groupLoader } from '../../core/graphql/loaders';
import {
  AllowedActionEnum,
  CaseEscalationType,
  CaseEventConnection,
  CaseEventType,
  CaseType,
  LinkedParentCaseType,
  PartyType,
  PossibleDuplicateType,
} from './case.type';

@ObjectType('CaseAssignee', { simpleResolvers: true })
export class CaseAssigneeType {
  staffId!: string;
  /** the staff row the page's statement brought along (undefined: the loader reads it) */
  joinedStaff?: StaffFields | null;
  @Field(() => Boolean, { description: 'The lead handler' }) isLead!: boolean;
  @Field(() => Date) assignedAt!: Date;
}

const unit = async (ctx: RequestContext, id: string | null) => {
  const u = id ? await orgUnitLoaders(ctx).byId.load(id) : null;
  return u && OrgUnitType.from(u);
};
const kase = async (ctx: RequestContext, id: string | null) => {
  const c = id ? await caseLoaders(ctx).byId.load(id) : null;
  return c && CaseType.from(c);
};

/** Which of these other cases the reader may read (all of them, but for a feed: its own reports). */
async function readableOthers(ctx: RequestContext, ids: string[]): Promise<(id: string) => boolean> {
  if (!reporterOnly(ctx.viewer) || !ids.length) return () => true;
  const found = await caseLoaders(ctx).byId.loadMany(ids);
  const ok = new Set(found.flatMap((c) => (c && !(c instanceof Error) ? [c.id] : [])));
  return (id) => ok.has(id);
}

/** Relations of a case, each through a per-request loader: a page of 100 costs one query per relation. */
@Resolver(() => CaseType)
export class CaseFieldsResolver {
  @FieldResolver(() => CategoryType, { nullable: true })
  category(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    // Joined into the page's statement: answered without a promise, so the page's rows complete
    // synchronously (a promise per row is most of graphql-js' cost on a list).
    if (c.joinedCategory !== undefined) return c.joinedCategory && CategoryType.from(c.joinedCategory);
    if (!c.categoryId) return null;
    return categoryLoaders(ctx)
      .byId.load(c.categoryId)
      .then((cat) => cat && CategoryType.from(cat));
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit handling it now' })
  orgUnit(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    return unit(ctx, c.orgUnitId);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'Where it was reported (unit or grid)' })
  reportedOrgUnit(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    return unit(ctx, c.reportedOrgUnitId);
  }

  @FieldResolver(() => DepartmentType, { nullable: true, description: 'The department handling it now' })
  async department(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    const d = c.departmentId ? await departmentById(ctx).load(c.departmentId) : null;
    return d && DepartmentType.from(d);
  }

  @FieldResolver(() => [PartyType])
  parties(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    const shown = (rows: PartyFields[], settings: CaseSettingsEntity) => {
      const visible = ctx.services.personalData.seesUnmasked(ctx.viewer.roles, settings);
      return rows.map((p) => PartyType.from(p, visible));
    };
    // Joined into the page's statement with the settings that mask them: no promise per case.
    const primed = primedCaseSettings(ctx);
    if (c.joinedParties && primed) return shown(c.joinedParties, primed);
    return Promise.all([c.joinedParties ?? caseLoaders(ctx).parties.load(c.id), caseSettingsFor(ctx)]).then(
      ([rows, settings]) => shown(rows, settings),
    );
  }

  @FieldResolver(() => [AllowedActionEnum], {
    description: 'What the signed-in person may do on this case now; the mutations apply the same rule',
  })
  async allowedActions(@Root() c: CaseType, @Ctx() ctx: RequestContext): Promise<AllowedAction[]> {
    const s = ctx.services;
    const [parties, settings, extensions, notices] = await Promise.all([
      c.joinedParties ?? caseLoaders(ctx).parties.load(c.id),
      caseSettingsFor(ctx),
      groupLoader(
        ctx,
        'case.extensions',
        (em, t, ids) => s.sla.extensions.listFor(em, t, ids),
        (r) => r.caseId,
      ).load(c.id),
      groupLoader(
        ctx,
        'case.supervision',
        (em, t, ids) => s.sla.supervision.listFor(em, t, ids),
        (n) => n.caseId,
      ).load(c.id),
    ]);
    const roles: ReadonlySet<string> = ctx.viewer.roles;
    const seesAll = s.personalData.seesUnmasked(roles, settings);
    return allowedActions({
      status: c.status,
      roles,
      mayRevealPersonalData: !seesAll && settings.revealRoles.some((r) => roles.has(r)),
      hasMaskedParties: !seesAll && parties.some((p) => p.idNumber || p.phone || p.address),
      hasPendingExtension: extensions.some((e) => e.status === 'PENDING'),
      hasOpenSupervision: notices.some((n) => !n.repliedAt),
    });
  }

  @FieldResolver(() => [CaseAssigneeType], { description: 'Lead first' })
  assignees(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    if (c.joinedAssignees)
      return c.joinedAssignees.map((a) =>
        Object.assign(new CaseAssigneeType(), {
          staffId: a.staffId,
          isLead: a.isLead,
          assignedAt: a.assignedAt,
          joinedStaff: a.staff,
        }),
      );
    return caseLoaders(ctx)
      .assignees.load(c.id)
      .then((rows) =>
        rows.map((a) =>
          Object.assign(new CaseAssigneeType(), { staffId: a.staffId, isLead: a.isLead, assignedAt: a.assignedAt }),
        ),
      );
  }

  @FieldResolver(() => [PossibleDuplicateType], { description: 'Likely duplicates flagged at intake' })
  async possibleDuplicates(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    const by = new Map<string, PossibleDuplicateType>();
    const readable = await readableOthers(
      ctx,
      (await caseLoaders(ctx).duplicates.load(c.id)).map((d) => d.otherCaseId),
    );
    for (const d of await caseLoaders(ctx).duplicates.load(c.id)) {
      if (!readable(d.otherCaseId)) continue;
      const e =
        by.get(d.otherCaseId) ??
        Object.assign(new PossibleDuplicateType(), { otherCaseId: d.otherCaseId, reasons: [] });
      e.reasons.push(d.reason);
      by.set(d.otherCaseId, e);
    }
    return [...by.values()];
  }

  @FieldResolver(() => [CaseEscalationType])
  async escalations(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    return (await caseLoaders(ctx).escalations.load(c.id)).map(CaseEscalationType.from);
  }

  @FieldResolver(() => LinkedParentCaseType, {
    nullable: true,
    description: "After escalation to the parent tenant: the parent's progress and outcome",
  })
  async parentCase(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    if (c.status !== 'ESCALATED' && !(await caseLoaders(ctx).escalations.load(c.id)).some((e) => e.toTenantId !== null))
      return null;
    return ctx.services.escalations.linkedParent(await tenantScope(ctx), c.id);
  }

  @FieldResolver(() => CaseType, { nullable: true, description: 'The case this one is a recurrence of (backflow)' })
  recurrenceOf(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    return kase(ctx, c.recurrenceOfId);
  }

  @FieldResolver(() => CaseType, { nullable: true, description: 'The surviving case, when this one was merged' })
  mergedInto(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    return kase(ctx, c.mergedIntoId);
  }

  @FieldResolver(() => [CaseType], { description: 'Duplicates folded into this case' })
  async mergedCases(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    return (await caseLoaders(ctx).merged.load(c.id)).map(CaseType.from);
  }

  @FieldResolver(() => [MediationSessionType])
  async mediationSessions(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    return (await caseLoaders(ctx).sessions.load(c.id)).map(MediationSessionType.from);
  }

  @FieldResolver(() => [AgreementType])
  async agreements(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    return (await caseLoaders(ctx).agreements.load(c.id)).map(AgreementType.from);
  }

  @FieldResolver(() => [ReferralType])
  async referrals(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    return (await caseLoaders(ctx).referrals.load(c.id)).map(ReferralType.from);
  }

  @FieldResolver(() => [FollowUpType])
  async followUps(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    return (await caseLoaders(ctx).followUps.load(c.id)).map(FollowUpType.from);
  }

  @FieldResolver(() => CaseEventConnection, {
    description: 'The digital file, oldest first, including cases merged into this one',
  })
  async timeline(@Root() c: CaseType, @Ctx() ctx: RequestContext, @Args(() => PageArgs) page: PageArgs) {
    const req = pageRequest(page, ['timestamp', 'uuid']);
    const events = await ctx.services.timeline.listFile(tenantReadScope(ctx), c.id, req);
    if (!reporterOnly(ctx.viewer)) return connectionFrom(events, CaseEventType.from);
    // A feed sees its own reports only: a duplicate flag keeps just the cases it may read.
    const listed = (data: Record<string, unknown>) => (data['cases'] as { caseId: string }[] | undefined) ?? [];
    const flags = events.nodes.filter((e) => e.type === 'DUPLICATES_FLAGGED');
    const readable = await readableOthers(
      ctx,
      flags.flatMap((e) => listed(e.data).map((x) => x.caseId)),
    );
    return connectionFrom(events, (e) => {
      const t = CaseEventType.from(e);
      if (e.type === 'DUPLICATES_FLAGGED')
        t.data = { ...e.data, cases: listed(e.data).filter((x) => readable(x.caseId)) };
      return t;
    });
  }
}

@Resolver(() => CaseAssigneeType)
export class CaseAssigneeResolver {
  @FieldResolver(() => StaffMemberType, { nullable: true })
  staff(@Root() a: CaseAssigneeType, @Ctx() ctx: RequestContext) {
    if (a.joinedStaff !== undefined) return a.joinedStaff && StaffMemberType.from(a.joinedStaff);
    return staffById(ctx)
      .load(a.staffId)
      .then((p) => p && StaffMemberType.from(p));
  }
}

@Resolver(() => PossibleDuplicateType)
export class PossibleDuplicateResolver {
  @FieldResolver(() => CaseType, { nullable: true })
  case(@Root() d: PossibleDuplicateType, @Ctx() ctx: RequestContext) {
    return kase(ctx, d.otherCaseId);
  }
}

@Resolver(() => CaseEscalationType)
export class CaseEscalationResolver {
  @FieldResolver(() => OrgUnitType, { nullable: true })
  fromOrgUnit(@Root() e: CaseEscalationType, @Ctx() ctx: RequestContext) {
    return unit(ctx, e.fromOrgUnitId);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true })
  toOrgUnit(@Root() e: CaseEscalationType, @Ctx() ctx: RequestContext) {
    return unit(ctx, e.toOrgUnitId);
  }
}
