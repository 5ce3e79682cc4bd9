import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { selectedFields } from '../../core/graphql/look-ahead';
import { caseColumnsFor } from './case-rows';
import { tenantReadScope, tenantScope, type RequestContext, type TenantScope } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { toPayload } from '../../core/graphql/payload';
import type { Result } from '../../shared/result';
import type { CaseEntity } from './case.entity';
import { CASE_ACTIONS, READ_ROLES, REPORT_ROLES, type CaseAction } from './case.states';
import {
  AcceptCaseInput,
  AddCaseNoteInput,
  AssignCaseInput,
  CaseFilter,
  CaseOrderEnum,
  CaseReasonInput,
  CloseCaseInput,
  DispatchCaseInput,
  MergeCasesInput,
  ReportCaseInput,
  ResolveCaseInput,
  RevealPartyInput,
  UpdateCaseSettingsInput,
} from './case.inputs';
import {
  CaseConnection,
  CasePayload,
  CaseSettingsPayload,
  CaseSettingsType,
  CaseType,
  ReportCasePayload,
  RevealPartyPayload,
} from './case.type';
import { caseSettingsFor, primeCaseSettings } from './case.loaders';

/** Every case mutation: the action's roles, then the service, then the payload. */
async function act(ctx: RequestContext, action: CaseAction, run: (scope: TenantScope) => Promise<Result<CaseEntity>>) {
  const scope = await tenantScope(ctx, ...CASE_ACTIONS[action].roles);
  return toPayload(ctx, await run(scope), 'case', CaseType.from);
}

@Resolver()
export class CaseResolver {
  @Query(() => CaseType, { nullable: true })
  async case(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Info() info?: GraphQLResolveInfo) {
    const columns = info && caseColumnsFor(selectedFields(info, []));
    const c = await ctx.services.cases.findRow(tenantReadScope(ctx, ...READ_ROLES), { id }, columns);
    return c && CaseType.from(c);
  }

  @Query(() => CaseType, { nullable: true, description: 'e.g. ZL-2026-000123' })
  async caseByNumber(
    @Ctx() ctx: RequestContext,
    @Arg('number', () => String) number: string,
    @Info() info?: GraphQLResolveInfo,
  ) {
    const columns = info && caseColumnsFor(selectedFields(info, []));
    const c = await ctx.services.cases.findRow(tenantReadScope(ctx, ...READ_ROLES), { number }, columns);
    return c && CaseType.from(c);
  }

  @Query(() => CaseConnection, {
    description: 'Newest first unless ordered otherwise; merged cases are left out unless asked for by status',
  })
  async cases(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter,
    @Arg('orderBy', () => CaseOrderEnum, { nullable: true, defaultValue: CaseOrderEnum.REPORTED_AT_DESC })
    orderBy?: CaseOrderEnum,
    @Info() info?: GraphQLResolveInfo,
  ) {
    const req = pageRequest(page, ['timestamp', 'uuid']);
    const scope = tenantReadScope(ctx, ...READ_ROLES);
    // The reader's rights shape only the text search (masked text for those without): no text, no read.
    const sees = filter?.text?.trim()
      ? await ctx.services.personalData.readerSees(await tenantScope(ctx, ...READ_ROLES))
      : true;
    // The page's category, parties and assignees come in its own statement when the query shows them.
    const fields = info ? selectedFields(info, ['edges', 'node']) : null;
    const node = (field: string) => !!fields?.has(field);
    const joins = {
      withCategory: node('category'),
      withParties: node('parties'),
      withAssignees: node('assignees'),
      withSettings: node('parties') || node('allowedActions'),
      columns: caseColumnsFor(fields),
    };
    const rows = await ctx.services.cases.listRows(
      scope,
      filter ?? {},
      orderBy ?? CaseOrderEnum.REPORTED_AT_DESC,
      req,
      joins,
      sees,
    );
    if (rows.settings) primeCaseSettings(ctx, rows.settings);
    return connectionFrom(rows, CaseType.from);
  }

  @Query(() => CaseSettingsType)
  async caseSettings(@Ctx() ctx: RequestContext) {
    await tenantScope(ctx, ...READ_ROLES);
    return CaseSettingsType.from(await caseSettingsFor(ctx));
  }

  @Mutation(() => ReportCasePayload, {
    description: 'Intake from any channel; machine feeds send externalRef and idempotencyKey',
  })
  async reportCase(@Ctx() ctx: RequestContext, @Arg('input', () => ReportCaseInput) input: ReportCaseInput) {
    const scope = await tenantScope(ctx, ...REPORT_ROLES);
    const r = await ctx.services.intake.report(scope, input, { machine: ctx.viewer.roles.has('intake-system') });
    const p = toPayload(ctx, r, 'case', (v) => CaseType.from(v.case));
    return { ...p, replayed: r.ok && r.value.replayed };
  }

  @Mutation(() => CasePayload)
  acceptCase(@Ctx() ctx: RequestContext, @Arg('input', () => AcceptCaseInput) input: AcceptCaseInput) {
    return act(ctx, 'accept', (s) => ctx.services.handling.accept(s, input));
  }

  @Mutation(() => CasePayload)
  rejectCase(@Ctx() ctx: RequestContext, @Arg('input', () => CaseReasonInput) input: CaseReasonInput) {
    return act(ctx, 'reject', (s) => ctx.services.handling.reject(s, input));
  }

  @Mutation(() => CasePayload, {
    description: 'To a unit and/or department, or by the routing rules when no target is given',
  })
  dispatchCase(@Ctx() ctx: RequestContext, @Arg('input', () => DispatchCaseInput) input: DispatchCaseInput) {
    return act(ctx, 'dispatch', (s) => ctx.services.handling.dispatch(s, input));
  }

  @Mutation(() => CasePayload, {
    description: 'The receiving unit sends the case back to the dispatcher, with a reason',
  })
  returnCase(@Ctx() ctx: RequestContext, @Arg('input', () => CaseReasonInput) input: CaseReasonInput) {
    return act(ctx, 'return', (s) => ctx.services.handling.return(s, input));
  }

  @Mutation(() => CasePayload)
  assignCase(@Ctx() ctx: RequestContext, @Arg('input', () => AssignCaseInput) input: AssignCaseInput) {
    return act(ctx, 'assign', (s) => ctx.services.handling.assign(s, input));
  }

  @Mutation(() => CasePayload)
  addCaseNote(@Ctx() ctx: RequestContext, @Arg('input', () => AddCaseNoteInput) input: AddCaseNoteInput) {
    return act(ctx, 'note', (s) => ctx.services.handling.note(s, input));
  }

  @Mutation(() => CasePayload, { description: 'Resolved; schedules the follow-up visit (tenant default: 7 days)' })
  resolveCase(@Ctx() ctx: RequestContext, @Arg('input', () => ResolveCaseInput) input: ResolveCaseInput) {
    return act(ctx, 'resolve', (s) => ctx.services.handling.resolve(s, input));
  }

  @Mutation(() => CasePayload, {
    description: 'Handling ended without settlement: grid tracking until closed or reopened',
  })
  markCaseUnresolved(@Ctx() ctx: RequestContext, @Arg('input', () => CaseReasonInput) input: CaseReasonInput) {
    return act(ctx, 'markUnresolved', (s) => ctx.services.handling.markUnresolved(s, input));
  }

  @Mutation(() => CasePayload, {
    description:
      'Back into handling (IN_PROGRESS) after the parent tenant declined or ended its case unsettled; the paused clocks run on',
  })
  takeBackCase(@Ctx() ctx: RequestContext, @Arg('input', () => CaseReasonInput) input: CaseReasonInput) {
    return act(ctx, 'takeBack', (s) => ctx.services.escalations.takeBack(s, input));
  }

  @Mutation(() => CasePayload, {
    description: 'Raise a level: to the unit above, or from the top unit to the parent tenant',
  })
  escalateCase(@Ctx() ctx: RequestContext, @Arg('input', () => CaseReasonInput) input: CaseReasonInput) {
    return act(ctx, 'escalate', (s) => ctx.services.escalations.escalate(s, input));
  }

  @Mutation(() => CasePayload)
  closeCase(@Ctx() ctx: RequestContext, @Arg('input', () => CloseCaseInput) input: CloseCaseInput) {
    return act(ctx, 'close', (s) => ctx.services.handling.close(s, input));
  }

  @Mutation(() => CasePayload)
  reopenCase(@Ctx() ctx: RequestContext, @Arg('input', () => CaseReasonInput) input: CaseReasonInput) {
    return act(ctx, 'reopen', (s) => ctx.services.handling.reopen(s, input));
  }

  @Mutation(() => CasePayload, { description: 'Fold duplicates into the surviving case; returns the survivor' })
  mergeCases(@Ctx() ctx: RequestContext, @Arg('input', () => MergeCasesInput) input: MergeCasesInput) {
    return act(ctx, 'merge', (s) => ctx.services.merges.merge(s, input));
  }

  @Mutation(() => CaseSettingsPayload)
  async updateCaseSettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateCaseSettingsInput) input: UpdateCaseSettingsInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(ctx, await ctx.services.caseSettings.update(scope, input), 'caseSettings', CaseSettingsType.from);
  }

  @Mutation(() => RevealPartyPayload, { description: "One party's unmasked ID number, phone and address; audited" })
  async revealParty(@Ctx() ctx: RequestContext, @Arg('input', () => RevealPartyInput) input: RevealPartyInput) {
    const scope = await tenantScope(ctx, ...READ_ROLES);
    const settings = await caseSettingsFor(ctx);
    return toPayload(
      ctx,
      await ctx.services.personalData.reveal(scope, ctx.viewer.roles, settings, input),
      'party',
      (p) => p,
    );
  }
}
