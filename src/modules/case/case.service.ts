import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { toPage, type Page, type PageRequest } from '../../shared/page';
import { pgArray } from '../../core/db/by-id';
import { isUuid } from '../../shared/ids';
import {
  CaseAssigneeEntity,
  CaseDuplicateEntity,
  CaseEntity,
  CaseEscalationEntity,
  CasePartyEntity,
} from './case.entity';
import { OPEN_STATUSES } from './case.states';
import { readableCases } from './case-access';
import { caseFilterSql, type CaseListFilter } from './case-filter';
import type { PersonalDataService } from './personal-data.service';
import type { Viewer } from '../../core/auth/viewer';

export type { CaseListFilter } from './case-filter';

export type CaseOrder = 'REPORTED_AT_DESC' | 'REPORTED_AT_ASC';

/**
 * Reading cases: by id, by number, and the filtered, keyset-paginated list. Every read for a
 * request applies the reader's restriction (case-access.ts: a feed sees its own reports) here,
 * so no resolver has to remember it.
 */
export class CaseService {
  constructor(private readonly personalData: PersonalDataService) {}

  async find(scope: TenantScope, id: string): Promise<CaseEntity | null> {
    if (!isUuid(id)) return null;
    return scope.em.findOne(CaseEntity, { tenantId: scope.tenant.id, id, ...readableCases(scope.viewer) });
  }

  findByNumber(scope: TenantScope, number: string): Promise<CaseEntity | null> {
    return scope.em.findOne(CaseEntity, {
      tenantId: scope.tenant.id,
      number: number.trim().toUpperCase(),
      ...readableCases(scope.viewer),
    });
  }

  /** By ids, for relations (recurrenceOf, mergedInto, duplicates, notifications): `reader` as in {@link find}. */
  findMany(em: Em, tenantId: string, ids: readonly string[], reader?: Viewer): Promise<CaseEntity[]> {
    return em.find(CaseEntity, { tenantId, id: { $in: ids.filter(isUuid) }, ...readableCases(reader) });
  }

  partiesOf(em: Em, tenantId: string, caseIds: readonly string[]): Promise<CasePartyEntity[]> {
    return em.find(
      CasePartyEntity,
      { tenantId, caseId: { $in: [...caseIds] } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }

  assigneesOf(em: Em, tenantId: string, caseIds: readonly string[]): Promise<CaseAssigneeEntity[]> {
    return em.find(
      CaseAssigneeEntity,
      { tenantId, caseId: { $in: [...caseIds] } },
      { orderBy: { isLead: 'desc', assignedAt: 'asc' } },
    );
  }

  duplicatesOf(em: Em, tenantId: string, caseIds: readonly string[]): Promise<CaseDuplicateEntity[]> {
    return em.find(CaseDuplicateEntity, { tenantId, caseId: { $in: [...caseIds] } });
  }

  escalationsOf(em: Em, tenantId: string, caseIds: readonly string[]): Promise<CaseEscalationEntity[]> {
    return em.find(
      CaseEscalationEntity,
      { tenantId, caseId: { $in: [...caseIds] } },
      { orderBy: { escalatedAt: 'asc' } },
    );
  }

  /** Cases folded into these ones by a merge, so a survivor's file shows theirs too. */
  mergedInto(em: Em, tenantId: string, caseIds: readonly string[], reader?: Viewer): Promise<CaseEntity[]> {
    return em.find(CaseEntity, { tenantId, mergedIntoId: { $in: [...caseIds] }, ...readableCases(reader) });
  }

  /** Open cases per staff member, for mediators' limits of concurrent cases. */
  async openCaseLoad(scope: TenantScope, staffIds: string[]): Promise<Map<string, number>> {
    if (!staffIds.length) return new Map();
    const rows = await scope.em.execute<{ staff_id: string; n: number }[]>(
      `select a.staff_id, count(*)::int as n from case_assignees a join cases c on c.tenant_id = a.tenant_id and c.id = a.case_id
       where a.tenant_id = ? and a.staff_id = any(?::uuid[]) and c.status = any(?::text[]) group by a.staff_id`,
      [scope.tenant.id, pgArray(staffIds.filter(isUuid)), pgArray(OPEN_STATUSES)],
    );
    return new Map(rows.map((r) => [r.staff_id, r.n]));
  }

  /** Open cases handled at this unit: an archive guard for org units. */
  async openAtUnit(scope: TenantScope, orgUnitId: string): Promise<number> {
    return scope.em.count(CaseEntity, { tenantId: scope.tenant.id, orgUnitId, status: { $in: [...OPEN_STATUSES] } });
  }

  async list(
    scope: TenantScope,
    f: CaseListFilter,
    order: CaseOrder,
    { first, after }: PageRequest,
  ): Promise<Page<CaseEntity>> {
    const filter = caseFilterSql(scope.tenant.id, f, scope.viewer, await this.personalData.readerSees(scope));
    const qb = scope.em.createQueryBuilder(CaseEntity, 'c').where(filter.sql, filter.params);
    const countQb = qb.clone();
    const asc = order === 'REPORTED_AT_ASC';
    if (after) qb.andWhere(`(c.reported_at, c.id) ${asc ? '>' : '<'} (?, ?)`, [after[0], after[1]]);
    const dir = asc ? 'asc' : 'desc';
    const rows = await qb
      .orderBy({ reportedAt: dir, id: dir })
      .limit(first + 1)
      .getResult();
    const page = toPage(rows, first, (c) => [c.reportedAt.toISOString(), c.id], !!after);
    page.totalCount = () => countQb.getCount();
    return page;
  }
}
