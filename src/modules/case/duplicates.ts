import { NIL_UUID } from '../../shared/ids';
import { openStatusSql } from './case.states';
import type { TenantScope } from '../../core/tenancy/scope';
import { pgArray } from '../../core/db/by-id';
import { CaseDuplicateEntity, type CaseEntity, type CasePartyEntity, type DuplicateReason } from './case.entity';
import type { TimelineService } from './timeline.service';

export interface DuplicateProbe {
  caseId: string | null;
  phones: (string | null)[];
  idNumbers: (string | null)[];
  location: string | null;
  categoryId: string | null;
  reportedAt: Date;
}

/**
 * Likely duplicates of a new report: another case of the tenant that is still open or was
 * reported within the window, with a party of the same phone or ID number, or at the same place
 * in the same category. Only flagged here; a dispatcher decides with `mergeCases`.
 */
export class DuplicateFinder {
  constructor(private readonly timeline: TimelineService) {}

  /** The same test for a report not yet saved (the window's check before saving) and for a saved one. */
  async find(
    scope: TenantScope,
    probe: DuplicateProbe,
    windowHours: number,
  ): Promise<Map<string, { number: string; reasons: Set<DuplicateReason> }>> {
    const phones = [...new Set(probe.phones.filter((x): x is string => !!x))];
    const ids = [...new Set(probe.idNumbers.filter((x): x is string => !!x))];
    const since = new Date(probe.reportedAt.getTime() - windowHours * 3_600_000);
    const found = new Map<string, { number: string; reasons: Set<DuplicateReason> }>();
    const add = (id: string, number: string, reason: DuplicateReason) => {
      const e = found.get(id) ?? { number, reasons: new Set<DuplicateReason>() };
      e.reasons.add(reason);
      found.set(id, e);
    };
    // The nil UUID stands for "no case to leave out" when the report is not saved yet.
    const self = probe.caseId ?? NIL_UUID;
    const recent = `(${openStatusSql('c.status')} or c.reported_at >= ?) and c.status <> 'MERGED' and c.id <> ?`;
    if (phones.length || ids.length) {
      const rows = await scope.em.execute<
        { id: string; number: string; phone: string | null; id_number: string | null }[]
      >(
        `select distinct c.id, c.number, p.phone, p.id_number from case_parties p
         join cases c on c.tenant_id = p.tenant_id and c.id = p.case_id
         where p.tenant_id = ? and (p.phone = any(?::text[]) or p.id_number = any(?::text[])) and ${recent}
         limit 50`,
        [scope.tenant.id, pgArray(phones), pgArray(ids), since, self],
      );
      for (const r of rows) {
        if (r.phone && phones.includes(r.phone)) add(r.id, r.number, 'SAME_PHONE');
        if (r.id_number && ids.includes(r.id_number)) add(r.id, r.number, 'SAME_ID_NUMBER');
      }
    }
    if (probe.location && probe.categoryId) {
      const rows = await scope.em.execute<{ id: string; number: string }[]>(
        `select c.id, c.number from cases c where c.tenant_id = ? and c.location = ? and c.category_id = ? and c.reported_at >= ? and ${recent} limit 50`,
        [scope.tenant.id, probe.location, probe.categoryId, since, since, self],
      );
      for (const r of rows) add(r.id, r.number, 'SAME_PLACE_AND_CATEGORY');
    }
    return found;
  }

  async flag(scope: TenantScope, c: CaseEntity, parties: CasePartyEntity[], windowHours: number): Promise<void> {
    const found = await this.find(
      scope,
      {
        caseId: c.id,
        phones: parties.map((p) => p.phone),
        idNumbers: parties.map((p) => p.idNumber),
        location: c.location,
        categoryId: c.categoryId,
        reportedAt: c.reportedAt,
      },
      windowHours,
    );
    if (!found.size) return;
    for (const [otherId, { reasons }] of found) {
      for (const reason of reasons)
        scope.em.persist(
          Object.assign(new CaseDuplicateEntity(), {
            tenantId: scope.tenant.id,
            caseId: c.id,
            otherCaseId: otherId,
            reason,
          }),
        );
    }
    this.timeline.record(scope, c.id, {
      type: 'DUPLICATES_FLAGGED',
      data: { cases: [...found].map(([id, e]) => ({ caseId: id, number: e.number, reasons: [...e.reasons] })) },
    });
  }
}
