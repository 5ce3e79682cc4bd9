import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { groupLoader } from '../../core/graphql/loaders';
import { toPayload } from '../../core/graphql/payload';
import type { Role } from '../../core/auth/roles';
import { AgreementType } from '../mediation/mediation.type';
import { AgreementInstalmentType, InstalmentPaymentPayload, RecordInstalmentPaymentInput } from './instalment.type';

/** Whoever follows a settled case up records the money as it arrives. */
const PAYMENT_ROLES: Role[] = ['mediator', 'grid-worker', 'liaison', 'dispatcher', 'leader', 'tenant-admin'];

@Resolver(() => AgreementType)
export class InstalmentResolver {
  @FieldResolver(() => [AgreementInstalmentType], {
    description: 'The instalments tracked: what was paid against each, and which are late',
  })
  async instalmentPlan(@Root() a: AgreementType, @Ctx() ctx: RequestContext) {
    const rows = await groupLoader(
      ctx,
      'agreement.instalments',
      (em, t, ids) => ctx.services.instalments.listFor(em, t, ids),
      (i) => i.agreementId,
    ).load(a.id);
    const tz = ctx.tenant!.timeZone;
    return rows.map((i) => AgreementInstalmentType.from(i, tz));
  }

  @Mutation(() => InstalmentPaymentPayload, {
    description: 'Record money paid against an instalment; paid in full, its reminders stop',
  })
  async recordInstalmentPayment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordInstalmentPaymentInput) input: RecordInstalmentPaymentInput,
  ) {
    const scope = await tenantScope(ctx, ...PAYMENT_ROLES);
    return toPayload(ctx, await ctx.services.instalments.pay(scope, input), 'instalment', (i) =>
      AgreementInstalmentType.from(i, scope.tenant.timeZone),
    );
  }
}
