import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { forbidden } from '../../core/errors/errors';
import { loader, tenantScope, type RequestContext } from '../../core/graphql/context';
import DataLoader from 'dataloader';
import type { Result } from '../../shared/result';
import { CASE_ACTIONS, READ_ROLES } from '../case/case.states';
import { CaseType } from '../case/case.type';
import { OrgUnitType } from '../org-unit/org-unit.type';
import { staffById } from '../staff/staff.loaders';
import type { StaffMemberEntity } from '../staff/staff.entity';
import { pgArray } from '../../core/db/by-id';
import type { ResidentMediationRequestEntity } from './resident.entity';
import type { ResidentServices } from './resident.module';
import { requestView } from './resident-view';
import {
  ConfirmResidentMediationRequestInput,
  ProposeResidentMediationSlotInput,
  ResidentMediationRequestConnection,
  ResidentMediationRequestPayload,
} from './resident.type';

const rsOf = (ctx: RequestContext): ResidentServices => {
  if (!ctx.services.resident) throw forbidden({ id: 'resident.disabled' });
  return ctx.services.resident;
};

async function shape(ctx: RequestContext, r: ResidentMediationRequestEntity) {
  const ids = [r.mediatorId, r.proposedMediatorId].filter((x): x is string => !!x);
  const people = (await staffById(ctx).loadMany(ids)).filter(
    (p): p is StaffMemberEntity => !!p && !(p instanceof Error),
  );
  return requestView(r, (id) => people.find((p) => p.id === id)?.name ?? null);
}

async function payload(ctx: RequestContext, r: Result<ResidentMediationRequestEntity>) {
  if (!r.ok) {
    ctx.uow?.rollbackOnly();
    return { request: null, userErrors: r.errors };
  }
  return { request: await shape(ctx, r.value), userErrors: [] };
}

/** Where residents' bookings meet staff: the waiting list, confirm or propose, and what staff see on a case. */
@Resolver()
export class ResidentStaffResolver {
  @Query(() => ResidentMediationRequestConnection, {
    description: "Residents' booking requests waiting for an answer, oldest first",
  })
  async pendingResidentMediationRequests(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Arg('caseId', () => ID, { nullable: true }) caseId?: string | null,
  ) {
    const scope = await tenantScope(ctx, ...CASE_ACTIONS.scheduleMediation.roles);
    const page = await rsOf(ctx).booking.pending(scope, caseId, pageRequest(pageArgs, ['timestamp', 'uuid']));
    const people = await ctx.services.staff.findMany(scope.em, scope.tenant.id, [
      ...new Set(page.nodes.flatMap((r) => [r.mediatorId, r.proposedMediatorId]).filter((x): x is string => !!x)),
    ]);
    return connectionFrom(page, (r) => requestView(r, (id) => people.find((p) => p.id === id)?.name ?? null));
  }

  @Mutation(() => ResidentMediationRequestPayload, {
    description: 'Book the slot the resident asked for: a session with chosenBy PARTIES; the resident is told',
  })
  async confirmResidentMediationRequest(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ConfirmResidentMediationRequestInput) input: ConfirmResidentMediationRequestInput,
  ) {
    const scope = await tenantScope(ctx, ...CASE_ACTIONS.scheduleMediation.roles);
    return payload(ctx, await rsOf(ctx).booking.confirm(scope, input));
  }

  @Mutation(() => ResidentMediationRequestPayload, {
    description: 'Offer the resident another slot (or mediator); they accept or decline it',
  })
  async proposeResidentMediationSlot(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ProposeResidentMediationSlotInput) input: ProposeResidentMediationSlotInput,
  ) {
    const scope = await tenantScope(ctx, ...CASE_ACTIONS.scheduleMediation.roles);
    return payload(ctx, await rsOf(ctx).booking.propose(scope, input));
  }
}

const residentReports = (ctx: RequestContext) =>
  loader(
    ctx,
    'resident.reports',
    () =>
      new DataLoader<string, { verified: boolean; rating: number | null }>(async (ids) => {
        const scope = await tenantScope(ctx, ...READ_ROLES);
        const rows = await scope.em.execute<{ case_id: string; verified: boolean; rating: number | null }[]>(
          `select c.id as case_id, (r.case_id is not null) as verified, g.rating from unnest(?::uuid[]) c(id)
           left join resident_reports r on r.tenant_id = ? and r.case_id = c.id
           left join resident_ratings g on g.tenant_id = ? and g.case_id = c.id`,
          [pgArray(ids), scope.tenant.id, scope.tenant.id],
        );
        return ids.map((id) => {
          const r = rows.find((x) => x.case_id === id);
          return { verified: !!r?.verified, rating: r?.rating ?? null };
        });
      }),
  );

/** What staff see of the resident side of a case. */
@Resolver(() => CaseType)
export class CaseResidentFieldsResolver {
  @FieldResolver(() => Boolean, { description: 'Reported by a resident whose phone was verified by a one-time code' })
  async residentPhoneVerified(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    return (await residentReports(ctx).load(c.id)).verified;
  }

  @FieldResolver(() => Int, { nullable: true, description: "The resident's own 1–5 rating, if given" })
  async residentRating(@Root() c: CaseType, @Ctx() ctx: RequestContext) {
    return (await residentReports(ctx).load(c.id)).rating;
  }
}

/** The address a unit's QR code opens, and where to download the code. */
@Resolver(() => OrgUnitType)
export class OrgUnitResidentFieldsResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The resident page for this unit (its QR code: GET /qr/<tenant code>/<unit id>.svg or .png)',
  })
  residentUrl(@Root() u: OrgUnitType, @Ctx() ctx: RequestContext) {
    const rs = ctx.services.resident;
    if (!rs || !ctx.tenant) return null;
    return residentPageUrl(rs.pageUrl, ctx.tenant.code, u.id);
  }
}

export const residentPageUrl = (base: string, tenantCode: string, orgUnitId: string) =>
  `${base}/${encodeURIComponent(tenantCode)}/${orgUnitId}`;
