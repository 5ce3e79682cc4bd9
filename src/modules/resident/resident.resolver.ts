import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/graphql/context';
import { badUserInput, forbidden } from '../../core/errors/errors';
import type { TenantScope } from '../../core/tenancy/scope';
import type { Result } from '../../shared/result';
import type { CaseEntity } from '../case/case.entity';
import type { ResidentCaller } from './resident.service';
import type { ResidentServices } from './resident.module';
import { MEDIATION_WAYS } from './resident.entity';
import {
  OfferedMediatorType,
  ResidentCasePayload,
  ResidentCaseType,
  ResidentCodePayload,
  ResidentRateInput,
  ResidentReportCaseInput,
  ResidentReportPayload,
  ResidentRequestCodeInput,
  ResidentRequestMediationInput,
  ResidentRespondInput,
  ResidentSessionPayload,
  ResidentUnitType,
  ResidentVerifyInput,
} from './resident.type';

/** Root fields a caller without a token may use: the unit page, asking for a code and redeeming it. */
export const ANONYMOUS_FIELDS: ReadonlySet<string> = new Set(['residentUnit', 'residentRequestCode', 'residentVerify']);
/** Every root field of the resident area; staff tokens are refused all of them, resident tokens everything else. */
export const RESIDENT_FIELDS: ReadonlySet<string> = new Set([
  ...ANONYMOUS_FIELDS,
  'residentCases',
  'residentCase',
  'residentMediators',
  'residentReportCase',
  'residentRequestMediation',
  'residentRespondToProposal',
  'residentRate',
]);

interface Resident {
  rs: ResidentServices;
  scope: TenantScope;
}

async function residentScope(ctx: RequestContext): Promise<Resident> {
  const rs = ctx.services.resident;
  if (!rs) throw forbidden({ id: 'resident.disabled' });
  if (!ctx.viewer.resident) throw forbidden({ id: 'resident.residentsOnly' });
  if (!ctx.tenant || !ctx.uow) throw badUserInput({ id: 'resident.tenantRequired' });
  const actor = { subject: ctx.viewer.subject, requestId: ctx.reqId, ip: ctx.ip };
  return { rs, scope: await ctx.uow.scope(ctx.tenant, actor, ctx.viewer) };
}

/** A verified phone's scope; an anonymous caller reaching here is a bug of the gate, refused all the same. */
async function callerScope(ctx: RequestContext): Promise<Resident & { who: ResidentCaller }> {
  const r = await residentScope(ctx);
  const id = ctx.viewer.resident!;
  if (!id.phone || !id.sessionId) throw forbidden({ id: 'resident.phoneUnverified' });
  return { ...r, who: { phone: id.phone, subject: ctx.viewer.subject, sessionId: id.sessionId } };
}

function refused<T extends object>(ctx: RequestContext, r: Result<unknown>, empty: T) {
  ctx.uow?.rollbackOnly();
  return { ...empty, userErrors: r.ok ? [] : r.errors };
}

async function caseView(rs: ResidentServices, scope: TenantScope, c: CaseEntity) {
  const [v] = await rs.view.build(scope, [c]);
  return v!;
}

/**
 * The resident area (docs/resident.md): residents of a tenant prove their phone with a one-time
 * code, then report, follow, book and rate their own cases. Staff's answers to bookings are in
 * resident-staff.resolver.ts.
 */
@Resolver()
export class ResidentResolver {
  @Query(() => ResidentUnitType, { nullable: true, description: 'The unit a QR code opens (no sign-in needed)' })
  async residentUnit(@Ctx() ctx: RequestContext, @Arg('orgUnitId', () => ID) orgUnitId: string) {
    const { scope } = await residentScope(ctx);
    const unit = await ctx.services.orgUnits.find(scope, orgUnitId);
    if (!unit || unit.archivedAt) return null;
    const cats = await ctx.services.categories.list(scope, { rootsOnly: true }, { first: 100, after: null });
    return {
      id: unit.id,
      name: unit.name,
      tenantName: scope.tenant.name,
      address: unit.address,
      phone: unit.phone,
      categories: cats.nodes.map((c) => ({ id: c.id, name: c.name })),
    };
  }

  @Mutation(() => ResidentCodePayload, { description: 'Send a one-time sign-in code by SMS (no sign-in needed)' })
  async residentRequestCode(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ResidentRequestCodeInput) input: ResidentRequestCodeInput,
  ) {
    const { rs, scope } = await residentScope(ctx);
    const r = await rs.auth.requestCode(scope, input.phone);
    if (!r.ok) return refused(ctx, r, { sentTo: null, expiresInSeconds: null });
    return { sentTo: r.value.maskedPhone, expiresInSeconds: r.value.expiresInSeconds, userErrors: [] };
  }

  @Mutation(() => ResidentSessionPayload, { description: 'Redeem the code for a short resident session token' })
  async residentVerify(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ResidentVerifyInput) input: ResidentVerifyInput,
  ) {
    const { rs, scope } = await residentScope(ctx);
    const r = await rs.auth.verify(scope, input.phone, input.code);
    if (!r.ok) return refused(ctx, r, { token: null, expiresAt: null });
    return { token: r.value.token, expiresAt: r.value.expiresAt, userErrors: [] };
  }

  @Mutation(() => ResidentReportPayload, {
    description: 'Report a dispute at the unit of the QR code; answers with the receipt',
  })
  async residentReportCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ResidentReportCaseInput) input: ResidentReportCaseInput,
  ) {
    const { rs, scope, who } = await callerScope(ctx);
    const r = await rs.cases.report(scope, who, input);
    if (!r.ok) return refused(ctx, r, { caseNumber: null, reportedAt: null, case: null });
    return {
      caseNumber: r.value.number,
      reportedAt: r.value.reportedAt,
      case: await caseView(rs, scope, r.value),
      userErrors: [],
    };
  }

  @Query(() => [ResidentCaseType], { description: "The verified phone's own cases in this tenant, newest first" })
  async residentCases(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'at most 50' }) first: number,
  ) {
    const { rs, scope, who } = await callerScope(ctx);
    return rs.view.build(scope, await rs.cases.cases(scope, who, first));
  }

  @Query(() => ResidentCaseType, {
    nullable: true,
    description: "One of the phone's own cases by number; null for any other number (rate-limited)",
  })
  async residentCase(@Ctx() ctx: RequestContext, @Arg('number', () => String) number: string) {
    const { rs, scope, who } = await callerScope(ctx);
    const c = await rs.cases.byNumber(scope, who, number);
    return c ? caseView(rs, scope, c) : null;
  }

  @Query(() => [OfferedMediatorType], { description: 'Mediators offered for the case, with their next free slots' })
  async residentMediators(@Ctx() ctx: RequestContext, @Arg('caseNumber', () => String) caseNumber: string) {
    const { rs, scope, who } = await callerScope(ctx);
    const c = await rs.cases.byNumber(scope, who, caseNumber);
    if (!c) return [];
    return (await rs.booking.offered(scope, c)).map((o) => ({
      id: o.mediator.id,
      name: o.mediator.name,
      studioName: o.mediator.studioName,
      specialties: o.specialties,
      goldMedal: o.mediator.goldMedal,
      languages: o.mediator.languages,
      nextFreeSlots: o.slots.map((s) => ({ startsAt: s.from, endsAt: s.to })),
      ways: [...MEDIATION_WAYS],
    }));
  }

  @Mutation(() => ResidentCasePayload, {
    description: 'Ask for a slot with the mediator of your choice; staff confirm',
  })
  async residentRequestMediation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ResidentRequestMediationInput) input: ResidentRequestMediationInput,
  ) {
    const { rs, scope, who } = await callerScope(ctx);
    const r = await rs.booking.request(scope, who, input);
    if (!r.ok) return refused(ctx, r, { case: null });
    const c = await rs.cases.own(scope, who, { id: r.value.caseId });
    return { case: c && (await caseView(rs, scope, c)), userErrors: [] };
  }

  @Mutation(() => ResidentCasePayload, { description: 'Accept or decline the slot staff proposed instead' })
  async residentRespondToProposal(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ResidentRespondInput) input: ResidentRespondInput,
  ) {
    const { rs, scope, who } = await callerScope(ctx);
    const r = await rs.booking.respond(scope, who, input);
    if (!r.ok) return refused(ctx, r, { case: null });
    const c = await rs.cases.own(scope, who, { id: r.value.caseId });
    return { case: c && (await caseView(rs, scope, c)), userErrors: [] };
  }

  @Mutation(() => ResidentCasePayload, { description: 'Rate the result 1–5 after the follow-up visit or closing' })
  async residentRate(@Ctx() ctx: RequestContext, @Arg('input', () => ResidentRateInput) input: ResidentRateInput) {
    const { rs, scope, who } = await callerScope(ctx);
    const r = await rs.cases.rate(scope, who, input);
    if (!r.ok) return refused(ctx, r, { case: null });
    return { case: await caseView(rs, scope, r.value), userErrors: [] };
  }
}
