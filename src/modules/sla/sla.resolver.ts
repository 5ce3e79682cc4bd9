import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { toPage } from '../../shared/page';
import { groupLoader } from '../../core/graphql/loaders';
import { toPayload } from '../../core/graphql/payload';
import { categoryLoaders } from '../category/category.loaders';
import { CategoryType } from '../category/category.type';
import { CaseType } from '../case/case.type';
import { READ_ROLES } from '../case/case.states';
import {
  DECIDE_EXTENSION_ROLES,
  REPLY_SUPERVISION_ROLES,
  REQUEST_EXTENSION_ROLES,
  SUPERVISE_ROLES,
} from '../case/case-actions';
import {
  DeadlineType,
  DecideDeadlineExtensionInput,
  DeleteSlaPolicyInput,
  ExtensionRequestPayload,
  ExtensionRequestType,
  ReplySupervisionInput,
  RequestDeadlineExtensionInput,
  SlaPolicyConnection,
  SlaPolicyPayload,
  SlaPolicyType,
  SuperviseCaseInput,
  SupervisionNoticePayload,
  SupervisionNoticeType,
  UpdateWorkingCalendarInput,
  UpsertSlaPolicyInput,
  WorkingCalendarPayload,
  WorkingCalendarType,
} from './sla.type';
import type { SlaStep, Target } from './sla.policy';

const CONFIG_READERS = ['tenant-admin', 'leader', 'dispatcher', 'intake-clerk', 'auditor'] as const;

@Resolver(() => SlaPolicyType)
export class SlaResolver {
  @Query(() => SlaPolicyConnection, { description: 'Oldest first' })
  async slaPolicies(@Ctx() ctx: RequestContext, @Args(() => PageArgs) page: PageArgs) {
    const { first, after } = pageRequest(page, ['uuid']);
    const scope = await tenantScope(ctx, ...CONFIG_READERS);
    const all = await ctx.services.sla.policies.list(scope);
    const from = after ? all.findIndex((p) => p.id === after[0]) + 1 : 0;
    return connectionFrom(
      {
        ...toPage(all.slice(from, from + first + 1), first, (p) => [p.id], !!after),
        totalCount: async () => all.length,
      },
      SlaPolicyType.from,
    );
  }

  @Mutation(() => SlaPolicyPayload)
  async upsertSlaPolicy(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpsertSlaPolicyInput) input: UpsertSlaPolicyInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    const targets = Object.fromEntries(
      input.targets.map((t) => [t.step, { duration: t.duration, mode: t.mode }]),
    ) as Partial<Record<SlaStep, Target>>;
    return toPayload(
      ctx,
      await ctx.services.sla.policies.upsert(scope, { ...input, targets }),
      'slaPolicy',
      SlaPolicyType.from,
    );
  }

  @Mutation(() => SlaPolicyPayload, { description: 'Running deadlines keep their times' })
  async deleteSlaPolicy(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DeleteSlaPolicyInput) input: DeleteSlaPolicyInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(ctx, await ctx.services.sla.policies.delete(scope, input.id), 'slaPolicy', SlaPolicyType.from);
  }

  @Query(() => WorkingCalendarType)
  async workingCalendar(@Ctx() ctx: RequestContext) {
    const scope = await tenantScope(ctx, ...CONFIG_READERS);
    const cal = await ctx.services.sla.calendars.calendar(scope);
    return WorkingCalendarType.from(
      scope.tenant.timeZone,
      await ctx.services.sla.calendars.settings(scope),
      cal.coverage(),
    );
  }

  @Mutation(() => WorkingCalendarPayload, { description: 'Applies to deadlines started from now on' })
  async updateWorkingCalendar(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateWorkingCalendarInput) input: UpdateWorkingCalendarInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    const workingHours = input.resetWorkingHours
      ? null
      : input.workingHours
        ? Object.fromEntries(
            input.workingHours.map((w) => [String(w.weekday), w.periods.map(({ start, end }) => ({ start, end }))]),
          )
        : undefined;
    const r = await ctx.services.sla.calendars.update(scope, {
      workingHours,
      closedDates: input.closedDates,
      workingDates: input.workingDates,
    });
    const coverage = (await ctx.services.sla.calendars.calendar(scope)).coverage();
    return toPayload(ctx, r, 'workingCalendar', (s) => WorkingCalendarType.from(scope.tenant.timeZone, s, coverage));
  }

  @Mutation(() => ExtensionRequestPayload, { description: 'Ask for more time on a deadline; a leader decides' })
  async requestDeadlineExtension(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RequestDeadlineExtensionInput) input: RequestDeadlineExtensionInput,
  ) {
    const scope = await tenantScope(ctx, ...REQUEST_EXTENSION_ROLES);
    return toPayload(
      ctx,
      await ctx.services.sla.extensions.request(scope, input),
      'extensionRequest',
      ExtensionRequestType.from,
    );
  }

  @Mutation(() => ExtensionRequestPayload, {
    description: 'Approving moves the due time and every warning and escalation point',
  })
  async decideDeadlineExtension(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DecideDeadlineExtensionInput) input: DecideDeadlineExtensionInput,
  ) {
    const scope = await tenantScope(ctx, ...DECIDE_EXTENSION_ROLES);
    return toPayload(
      ctx,
      await ctx.services.sla.extensions.decide(scope, input),
      'extensionRequest',
      ExtensionRequestType.from,
    );
  }

  @Mutation(() => SupervisionNoticePayload, {
    description: '督办: a notice to the handling unit, copied to its leader, with a reply-by time',
  })
  async superviseCase(@Ctx() ctx: RequestContext, @Arg('input', () => SuperviseCaseInput) input: SuperviseCaseInput) {
    const scope = await tenantScope(ctx, ...SUPERVISE_ROLES);
    return toPayload(ctx, await ctx.services.sla.supervision.supervise(scope, input), 'supervisionNotice', (n) =>
      SupervisionNoticeType.from(n),
    );
  }

  @Mutation(() => SupervisionNoticePayload)
  async replySupervision(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ReplySupervisionInput) input: ReplySupervisionInput,
  ) {
    const scope = await tenantScope(ctx, ...REPLY_SUPERVISION_ROLES);
    return toPayload(ctx, await ctx.services.sla.supervision.reply(scope, input), 'supervisionNotice', (n) =>
      SupervisionNoticeType.from(n),
    );
  }

  @FieldResolver(() => CategoryType, { nullable: true })
  async category(@Root() p: SlaPolicyType, @Ctx() ctx: RequestContext) {
    const c = p.categoryId ? await categoryLoaders(ctx).byId.load(p.categoryId) : null;
    return c && CategoryType.from(c);
  }
}

/** A case's clocks, extension requests and supervision notices, one query per page each. */
@Resolver(() => CaseType)
export class CaseSlaFieldsResolver {
  @FieldResolver(() => [DeadlineType], { description: 'Every clock the case has had, oldest first' })
  async deadlines(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    await tenantScope(ctx, ...READ_ROLES);
    const rows = await groupLoader(
      ctx,
      'case.deadlines',
      (em, t, ids) => ctx.services.sla.deadlines.listFor(em, t, ids),
      (d) => d.caseId,
    ).load(c.id);
    const now = new Date();
    return rows.map((d) => DeadlineType.from(d, now));
  }

  @FieldResolver(() => [ExtensionRequestType])
  async extensionRequests(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    return (
      await groupLoader(
        ctx,
        'case.extensions',
        (em, t, ids) => ctx.services.sla.extensions.listFor(em, t, ids),
        (r) => r.caseId,
      ).load(c.id)
    ).map(ExtensionRequestType.from);
  }

  @FieldResolver(() => [SupervisionNoticeType])
  async supervisionNotices(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    const now = new Date();
    return (
      await groupLoader(
        ctx,
        'case.supervision',
        (em, t, ids) => ctx.services.sla.supervision.listFor(em, t, ids),
        (n) => n.caseId,
      ).load(c.id)
    ).map((n) => SupervisionNoticeType.from(n, now));
  }
}
