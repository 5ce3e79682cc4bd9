import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { toPayload } from '../../core/graphql/payload';
import { CASE_ACTIONS } from '../case/case.states';
import { CasePayload, CaseType } from '../case/case.type';
import { RecordReferralOutcomeInput, ReferCaseInput, ReferralPayload, ReferralType } from './referral.type';

@Resolver()
export class ReferralResolver {
  @Mutation(() => CasePayload, {
    description: 'Refer to a court, labour arbitration, petitions, legal aid or an authority',
  })
  async referCase(@Ctx() ctx: RequestContext, @Arg('input', () => ReferCaseInput) input: ReferCaseInput) {
    const scope = await tenantScope(ctx, ...CASE_ACTIONS.refer.roles);
    return toPayload(ctx, await ctx.services.referrals.refer(scope, input), 'case', CaseType.from);
  }

  @Mutation(() => ReferralPayload)
  async recordReferralOutcome(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordReferralOutcomeInput) input: RecordReferralOutcomeInput,
  ) {
    const scope = await tenantScope(ctx, ...CASE_ACTIONS.linkage.roles);
    return toPayload(ctx, await ctx.services.referrals.recordOutcome(scope, input), 'referral', ReferralType.from);
  }
}
