import type { TenantScope } from '../../core/tenancy/scope';
import { userError, type UserErrorData } from '../../shared/user-error';
import { isRole } from '../../core/auth/roles';
import { fail, ok, type Result } from '../../shared/result';
import { snapshot, type AuditService } from '../audit/audit.service';
import { CaseSettingsEntity, FAILED_MEDIATION_ACTIONS, type FailedMediationAction } from './case.entity';
import type { CaseErrorCode } from './case.states';
import { listArg } from '../../shared/message-ref';

export interface CaseSettingsFields {
  groupDisputeThreshold?: number | null;
  duplicateWindowHours?: number | null;
  failedMediationLimit?: number | null;
  failedMediationAction?: FailedMediationAction | null;
  followUpDays?: number | null;
  followUpWindowDays?: number | null;
  personalDataRoles?: string[] | null;
  revealRoles?: string[] | null;
}

const BOUNDS: Record<
  'groupDisputeThreshold' | 'duplicateWindowHours' | 'failedMediationLimit' | 'followUpDays' | 'followUpWindowDays',
  [number, number]
> = {
  groupDisputeThreshold: [2, 10000],
  duplicateWindowHours: [0, 8760],
  failedMediationLimit: [1, 100],
  followUpDays: [0, 365],
  followUpWindowDays: [0, 365],
};

/** A tenant's case rules; a tenant that never saved any gets the documented defaults. */
export class CaseSettingsService {
  constructor(private readonly audit: AuditService) {}

  async get(scope: TenantScope): Promise<CaseSettingsEntity> {
    return (
      (await scope.em.findOne(CaseSettingsEntity, { tenantId: scope.tenant.id })) ??
      Object.assign(new CaseSettingsEntity(), { tenantId: scope.tenant.id })
    );
  }

  /**
   * {@link get} for reading only (masking decisions, the settings query): the row is not kept in
   * the unit of work, so a read-only operation has nothing to flush.
   */
  async read(scope: TenantScope): Promise<CaseSettingsEntity> {
    return (
      (await scope.em.findOne(CaseSettingsEntity, { tenantId: scope.tenant.id }, { disableIdentityMap: true })) ??
      Object.assign(new CaseSettingsEntity(), { tenantId: scope.tenant.id })
    );
  }

  async update(scope: TenantScope, input: CaseSettingsFields): Promise<Result<CaseSettingsEntity, CaseErrorCode>> {
    const errors: UserErrorData<CaseErrorCode>[] = [];
    for (const [k, [min, max]] of Object.entries(BOUNDS) as [keyof typeof BOUNDS, [number, number]][]) {
      const v = input[k];
      if (v !== undefined && v !== null && (!Number.isInteger(v) || v < min || v > max)) {
        errors.push(userError(['input', k], 'INVALID', 'input.wholeNumberRange', { min, max }));
      }
    }
    if (input.failedMediationAction && !FAILED_MEDIATION_ACTIONS.includes(input.failedMediationAction))
      errors.push(userError(['input', 'failedMediationAction'], 'INVALID', 'caseSettings.failedMediationAction'));
    for (const k of ['personalDataRoles', 'revealRoles'] as const) {
      const bad = (input[k] ?? []).filter((r) => !isRole(r) || r === 'intake-system' || r === 'platform-admin');
      if (bad.length) errors.push(userError(['input', k], 'INVALID', 'case.notStaffRoles', { roles: listArg(bad) }));
    }
    if (errors.length) return fail(...errors);
    let s = await scope.em.findOne(CaseSettingsEntity, { tenantId: scope.tenant.id });
    const before = s ? snapshot(s) : null;
    if (!s) {
      s = Object.assign(new CaseSettingsEntity(), { tenantId: scope.tenant.id });
      scope.em.persist(s);
    }
    for (const [k, v] of Object.entries(input))
      if (v !== undefined && v !== null)
        (s as unknown as Record<string, unknown>)[k] = Array.isArray(v) ? [...new Set(v)] : v;
    this.audit.record(scope, {
      action: 'caseSettings.update',
      targetType: 'CaseSettings',
      targetId: null,
      before,
      after: snapshot(s),
    });
    await scope.em.flush();
    return ok(s);
  }
}
