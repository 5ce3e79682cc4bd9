import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { groupLoader } from '../../core/graphql/loaders';
import { staffById } from '../staff/staff.loaders';
import { toPayload } from '../../core/graphql/payload';
import { CASE_ACTIONS } from '../case/case.states';
import { StaffMemberType } from '../staff/staff.type';
import { DepartmentType } from '../department/department.type';
import { departmentById } from '../department/department.loaders';
import {
  AgreementPayload,
  AgreementType,
  MediationSessionPayload,
  MediationSessionType,
  RecordJudicialConfirmationInput,
  RecordMediationOutcomeInput,
  RescheduleMediationInput,
  CancelMediationInput,
  ScheduleMediationInput,
} from './mediation.type';

@Resolver(() => MediationSessionType)
export class MediationResolver {
  @Mutation(() => MediationSessionPayload, {
    description: 'Book a session; refuses mediators busy in another session or rostered elsewhere',
  })
  async scheduleMediation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ScheduleMediationInput) input: ScheduleMediationInput,
  ) {
    const scope = await tenantScope(ctx, ...CASE_ACTIONS.scheduleMediation.roles);
    return toPayload(ctx, await ctx.services.mediation.schedule(scope, input), 'session', MediationSessionType.from);
  }

  @Mutation(() => MediationSessionPayload, {
    description: 'Move a session still to be held, by the rules of a booking; its mediators are told',
  })
  async rescheduleMediation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RescheduleMediationInput) input: RescheduleMediationInput,
  ) {
    const scope = await tenantScope(ctx, ...CASE_ACTIONS.scheduleMediation.roles);
    return toPayload(ctx, await ctx.services.sessionChanges.move(scope, input), 'session', MediationSessionType.from);
  }

  @Mutation(() => MediationSessionPayload, {
    description: 'Call off a session still to be held; its mediators are told',
  })
  async cancelMediation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CancelMediationInput) input: CancelMediationInput,
  ) {
    const scope = await tenantScope(ctx, ...CASE_ACTIONS.scheduleMediation.roles);
    return toPayload(ctx, await ctx.services.sessionChanges.cancel(scope, input), 'session', MediationSessionType.from);
  }

  @Mutation(() => MediationSessionPayload)
  async recordMediationOutcome(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordMediationOutcomeInput) input: RecordMediationOutcomeInput,
  ) {
    const scope = await tenantScope(ctx, ...CASE_ACTIONS.recordMediationOutcome.roles);
    return toPayload(
      ctx,
      await ctx.services.mediation.recordOutcome(scope, input),
      'session',
      MediationSessionType.from,
    );
  }

  @Mutation(() => AgreementPayload, {
    description: 'Request, or record the court’s decision on, judicial confirmation of an agreement',
  })
  async recordJudicialConfirmation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordJudicialConfirmationInput) input: RecordJudicialConfirmationInput,
  ) {
    const scope = await tenantScope(ctx, ...CASE_ACTIONS.linkage.roles);
    return toPayload(
      ctx,
      await ctx.services.mediation.recordJudicialConfirmation(scope, input),
      'agreement',
      AgreementType.from,
    );
  }

  @FieldResolver(() => [StaffMemberType])
  async mediators(@Root() s: MediationSessionType, @Ctx() ctx: RequestContext) {
    const links = await groupLoader(
      ctx,
      'session.mediators',
      (em, t, ids) => ctx.services.mediation.mediatorsOf(em, t, ids),
      (m) => m.sessionId,
    ).load(s.id);
    const people = await Promise.all(links.map((l) => staffById(ctx).load(l.staffId)));
    return people.filter((p) => !!p).map((p) => StaffMemberType.from(p!));
  }

  @FieldResolver(() => [DepartmentType], { description: 'Departments joining the session' })
  async departments(@Root() s: MediationSessionType, @Ctx() ctx: RequestContext) {
    const links = await groupLoader(
      ctx,
      'session.departments',
      (em, t, ids) => ctx.services.mediation.departmentsOf(em, t, ids),
      (d) => d.sessionId,
    ).load(s.id);
    const depts = await Promise.all(links.map((l) => departmentById(ctx).load(l.departmentId)));
    return depts.filter((d) => !!d).map((d) => DepartmentType.from(d!));
  }
}
