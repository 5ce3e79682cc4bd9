import type { TenantScope } from '../../core/tenancy/scope';
import { userError } from '../../shared/user-error';
import { forbidden } from '../../core/errors/errors';
import { findById } from '../../core/db/by-id';
import { clean, fail, ok, type Result } from '../../shared/result';
import type { AuditService } from '../audit/audit.service';
import { CasePartyEntity, type CaseSettingsEntity } from './case.entity';
import type { CaseErrorCode } from './case.states';
import type { CaseSettingsService } from './case-settings.service';

export interface PartyContact {
  partyId: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

/** Who sees parties' personal data unmasked, and the audited reveal for everyone else allowed to. */
export class PersonalDataService {
  constructor(
    private readonly audit: AuditService,
    private readonly settings: CaseSettingsService,
  ) {}

  seesUnmasked(roles: ReadonlySet<string>, s: CaseSettingsEntity): boolean {
    return s.personalDataRoles.some((r) => roles.has(r));
  }

  /**
   * Whether whoever reads through `scope` sees ID numbers and phones unmasked: in party fields,
   * and in free text (titles, descriptions, notes, reasons, messages) where people type them too.
   * System work (no viewer) reads what is stored.
   */
  async readerSees(scope: TenantScope): Promise<boolean> {
    if (!scope.viewer) return true;
    return this.seesUnmasked(scope.viewer.roles, await this.settings.read(scope));
  }

  async reveal(
    scope: TenantScope,
    roles: ReadonlySet<string>,
    s: CaseSettingsEntity,
    input: { partyId: string; reason: string },
  ): Promise<Result<PartyContact, CaseErrorCode>> {
    if (!this.seesUnmasked(roles, s) && !s.revealRoles.some((r) => roles.has(r))) {
      throw forbidden({ id: 'error.revealForbidden' });
    }
    const reason = clean(input.reason);
    if (!reason || reason.length > 500) return fail(userError(['input', 'reason'], 'INVALID', 'case.revealReason'));
    const p = await findById(scope.em, CasePartyEntity, scope.tenant.id, input.partyId);
    if (!p) return fail(userError(['input', 'partyId'], 'NOT_FOUND', 'notFound.party'));
    // Logged with the reason, never with the values revealed.
    this.audit.record(scope, {
      action: 'party.reveal',
      targetType: 'Party',
      targetId: p.id,
      after: { caseId: p.caseId, reason },
    });
    await scope.em.flush();
    return ok({ partyId: p.id, name: p.name, idNumber: p.idNumber, phone: p.phone, address: p.address });
  }
}
