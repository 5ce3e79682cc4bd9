import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { userError } from '../../shared/user-error';
import { findById } from '../../core/db/by-id';
import { clean, fail, ok, type Result } from '../../shared/result';
import type { CaseEntity } from '../case/case.entity';
import type { CaseErrorCode } from '../case/case.states';
import type { CaseWorkflow } from '../case/case.workflow';
import { REFERRAL_TARGETS, ReferralEntity, type ReferralTarget } from './referral.entity';

export interface ReferCase {
  caseId: string;
  target: ReferralTarget;
  targetName: string;
  referenceNumber?: string | null;
  reason?: string | null;
  legalBasis?: string | null;
}

/** Linkage with courts, arbitration and other authorities: the case leaves the center's handling. */
export class ReferralService {
  constructor(private readonly workflow: CaseWorkflow) {}

  listFor(em: Em, tenantId: string, caseIds: readonly string[]): Promise<ReferralEntity[]> {
    return em.find(ReferralEntity, { tenantId, caseId: { $in: [...caseIds] } }, { orderBy: { referredAt: 'asc' } });
  }

  async refer(scope: TenantScope, input: ReferCase): Promise<Result<CaseEntity, CaseErrorCode>> {
    const name = clean(input.targetName);
    if (!REFERRAL_TARGETS.includes(input.target))
      return fail(userError(['input', 'target'], 'INVALID', 'input.unknownReferralTarget'));
    if (!name || name.length > 200) return fail(userError(['input', 'targetName'], 'INVALID', 'referral.targetName'));
    const r = await this.workflow.forAction(scope, input.caseId, 'refer');
    if (!r.ok) return r;
    const ref = Object.assign(new ReferralEntity(), {
      tenantId: scope.tenant.id,
      caseId: r.value.id,
      target: input.target,
      targetName: name,
      referenceNumber: clean(input.referenceNumber) ?? null,
      reason: clean(input.reason) ?? null,
    });
    scope.em.persist(ref);
    this.workflow.move(scope, r.value, 'REFERRED', {
      type: 'REFERRED',
      data: { referralId: ref.id, target: ref.target, targetName: name, referenceNumber: ref.referenceNumber },
      legalBasis: clean(input.legalBasis) ?? null,
    });
    await this.workflow.finishStep(scope);
    return ok(r.value);
  }

  async recordOutcome(
    scope: TenantScope,
    input: { referralId: string; outcome: string; referenceNumber?: string | null },
  ): Promise<Result<ReferralEntity, CaseErrorCode>> {
    const ref = await findById(scope.em, ReferralEntity, scope.tenant.id, input.referralId);
    if (!ref) return fail(userError(['input', 'referralId'], 'REFERRAL_NOT_FOUND', 'notFound.referral'));
    const outcome = clean(input.outcome);
    if (!outcome || outcome.length > 5000)
      return fail(userError(['input', 'outcome'], 'INVALID', 'referral.outcomeRequired'));
    const r = await this.workflow.forAction(scope, ref.caseId, 'linkage', ['input', 'referralId']);
    if (!r.ok) return r;
    Object.assign(ref, {
      outcome,
      outcomeAt: new Date(),
      referenceNumber: clean(input.referenceNumber) ?? ref.referenceNumber,
    });
    this.workflow.timeline.record(scope, ref.caseId, {
      type: 'REFERRAL_OUTCOME',
      data: { referralId: ref.id, outcome, referenceNumber: ref.referenceNumber },
    });
    await this.workflow.finishStep(scope);
    return ok(ref);
  }
}
