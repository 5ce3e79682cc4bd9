import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { staffById } from '../staff/staff.loaders';
import { toPayload } from '../../core/graphql/payload';
import { CASE_ACTIONS } from '../case/case.states';
import { CasePayload, CaseType } from '../case/case.type';
import { StaffMemberType } from '../staff/staff.type';
import { CompleteFollowUpInput, FollowUpType, ScheduleFollowUpInput } from './follow-up.type';

@Resolver(() => FollowUpType)
export class FollowUpResolver {
  @Mutation(() => CasePayload, { description: 'A (further) visit; resolving a case already schedules the default one' })
  async scheduleFollowUp(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ScheduleFollowUpInput) input: ScheduleFollowUpInput,
  ) {
    const scope = await tenantScope(ctx, ...CASE_ACTIONS.scheduleFollowUp.roles);
    return toPayload(ctx, await ctx.services.followUps.schedule(scope, input), 'case', CaseType.from);
  }

  @Mutation(() => CasePayload, {
    description: 'Record the visit; BROKEN reopens the case, RECURRED opens its recurrence',
  })
  async completeFollowUp(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CompleteFollowUpInput) input: CompleteFollowUpInput,
  ) {
    const scope = await tenantScope(ctx, ...CASE_ACTIONS.completeFollowUp.roles);
    return toPayload(ctx, await ctx.services.followUps.complete(scope, input), 'case', CaseType.from);
  }

  @FieldResolver(() => StaffMemberType, { nullable: true })
  async assignee(@Root() f: FollowUpType, @Ctx() ctx: RequestContext) {
    if (!f.assigneeId) return null;
    const p = await staffById(ctx).load(f.assigneeId);
    return p && StaffMemberType.from(p);
  }
}
