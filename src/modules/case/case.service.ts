import type { ReadScope, TenantScope } from '../../core/tenancy/scope';
import { readPage } from '../../core/db/read-page';
import type { Em } from '../../core/tenancy/tenant-tx';
import type { Page, PageRequest } from '../../shared/page';
import { pgArray } from '../../core/db/by-id';
import { isUuid } from '../../shared/ids';
import {
  CaseAssigneeEntity,
  CaseDuplicateEntity,
  CaseEntity,
  CaseEscalationEntity,
  CasePartyEntity,
  CaseSettingsEntity,
} from './case.entity';
import { OPEN_STATUSES } from './case.states';
import { readableCases, readableCasesSql } from './case-access';
import { caseFilterSql, type CaseListFilter } from './case-filter';
import type { PersonalDataService } from './personal-data.service';
import type { Viewer } from '../../core/auth/viewer';
import { tenantPredicate } from '../../core/db/tenant-wall';
import { categoryRow, type CategoryFields } from '../category/category.rows';
import { staffRow, type StaffFields } from '../staff/staff.rows';
import {
  assigneeRow,
  caseRow,
  partyRow,
  settingsRow,
  type AssigneeFields,
  type CaseFields,
  type PartyFields,
} from './case-rows';

export type { CaseListFilter } from './case-filter';

export type CaseOrder = 'REPORTED_AT_DESC' | 'REPORTED_AT_ASC';

/** A case as the read path returns it; the relations are there when the page was asked to join them. */
export type CaseRead = CaseFields & {
  category?: CategoryFields | null;
  parties?: PartyFields[];
  assignees?: (AssigneeFields & { staff: StaffFields | null })[];
};

/** Which relations the page's one statement brings along (the resolver looks ahead at the query). */
export interface CaseJoins {
  withCategory: boolean;
  withParties?: boolean;
  withAssignees?: boolean;
  /** the tenant's case settings too (parties are masked by them): one init plan, not a statement */
  withSettings?: boolean;
  /** only these columns of the case (undefined: all) */
  columns?: ReadonlySet<keyof CaseFields>;
}

// A case's parties and assignees as a JSON array in its own row, in the order the loaders read them.
const PARTIES_JSON = `(select coalesce(json_agg(${partyRow.json('p')} order by p.created_at, p.id), '[]'::json)
  from case_parties p where p.tenant_id = c.tenant_id and p.case_id = c.id) as "partiesJson"`;
// Each assignee carries its staff row, so `assignees { staff { … } }` needs no batch of its own.
const STAFF_JSON = `(select ${staffRow.json('s')} from staff_members s where s.tenant_id = a.tenant_id and s.id = a.staff_id)`;
const ASSIGNEES_JSON = `(select coalesce(json_agg(json_build_object('row', ${assigneeRow.json('a')}, 'staff', ${STAFF_JSON})
  order by a.is_lead desc, a.assigned_at), '[]'::json)
  from case_assignees a where a.tenant_id = c.tenant_id and a.case_id = c.id) as "assigneesJson"`;

const CASE_COLUMNS = caseRow.select('c');
/** The case's select list: every column, or only those the query's fields need (case-rows.ts, caseColumnsFor). */
const caseColumns = (only?: ReadonlySet<keyof CaseFields>) => (only ? caseRow.selectOnly('c', only) : CASE_COLUMNS);
const CATEGORY_COLUMNS = categoryRow.select('cat', 'cat_');

/**
 * Reading cases: by id, by number, and the filtered, keyset-paginated list. Every read for a
 * request applies the reader's restriction (case-access.ts: a feed sees its own reports) here,
 * so no resolver has to remember it.
 */
export class CaseService {
  constructor(private readonly personalData: PersonalDataService) {}

  /** By ids, for relations (recurrenceOf, mergedInto, duplicates, notifications): `reader` as in {@link findRow}. */
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

  /**
   * Case rows matching `condition` that the scope's reader may read (the tenant predicate and the
   * reader's restriction, case-access.ts, in every statement): the read path's one way to cases by key.
   */
  private async caseRows(
    scope: ReadScope,
    condition: string,
    value: unknown,
    columns?: ReadonlySet<keyof CaseFields>,
  ): Promise<CaseFields[]> {
    const t = tenantPredicate('c', scope.tenant.id);
    const where = [t.sql, condition];
    const params = [...t.params, value];
    const only = readableCasesSql(scope.viewer);
    if (only) {
      where.push(only.sql);
      params.push(...only.params);
    }
    const rows = await scope.read(`select ${caseColumns(columns)} from cases c where ${where.join(' and ')}`, params);
    return rows.map((r) => caseRow.read(r));
  }

  /** A case by id or number, as a plain row (the read path: no entity, nothing to flush). */
  async findRow(
    scope: ReadScope,
    by: { id: string } | { number: string },
    columns?: ReadonlySet<keyof CaseFields>,
  ): Promise<CaseFields | null> {
    if ('id' in by && !isUuid(by.id)) return null;
    const [row] =
      'id' in by
        ? await this.caseRows(scope, 'c.id = ?', by.id, columns)
        : await this.caseRows(scope, 'c.number = ?', by.number.trim().toUpperCase(), columns);
    return row ?? null;
  }

  /** {@link findMany} as plain rows, for reading: `reader` from the scope, as in {@link findRow}. */
  findRows(scope: ReadScope, ids: readonly string[]): Promise<CaseFields[]> {
    return this.caseRows(scope, 'c.id = any(?::uuid[])', pgArray(ids.filter(isUuid)));
  }

  /** {@link partiesOf} as plain rows, for reading. */
  async partyRows(scope: ReadScope, caseIds: readonly string[]): Promise<PartyFields[]> {
    const t = tenantPredicate('p', scope.tenant.id);
    const rows = await scope.read(
      `select ${partyRow.select('p')} from case_parties p where ${t.sql} and p.case_id = any(?::uuid[]) order by p.created_at, p.id`,
      [...t.params, pgArray(caseIds.filter(isUuid))],
    );
    return rows.map((r) => partyRow.read(r));
  }

  /** {@link assigneesOf} as plain rows, for reading. */
  async assigneeRows(scope: ReadScope, caseIds: readonly string[]): Promise<AssigneeFields[]> {
    const t = tenantPredicate('a', scope.tenant.id);
    const rows = await scope.read(
      `select ${assigneeRow.select('a')} from case_assignees a where ${t.sql} and a.case_id = any(?::uuid[]) order by a.is_lead desc, a.assigned_at`,
      [...t.params, pgArray(caseIds.filter(isUuid))],
    );
    return rows.map((r) => assigneeRow.read(r));
  }

  /** {@link mergedInto} as plain rows, for reading: the cases merged into these that the scope's reader may read. */
  mergedRows(scope: ReadScope, caseIds: readonly string[]): Promise<CaseFields[]> {
    return this.caseRows(scope, 'c.merged_into_id = any(?::uuid[])', pgArray(caseIds.filter(isUuid)));
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

  /**
   * The filtered, keyset-paginated list as plain rows in one statement: with `withCategory`, the page's categories come
   * joined in (the resolver asks for it when the query selects them), instead of a second batch.
   * The count is a statement of its own, run only when `totalCount` is read.
   */
  async listRows(
    scope: ReadScope,
    f: CaseListFilter,
    order: CaseOrder,
    { first, after }: PageRequest,
    { withCategory, withParties = false, withAssignees = false, withSettings = false, columns: only }: CaseJoins,
    /** whether the reader sees personal data unmasked: it decides which text a search reads */
    sees = true,
  ): Promise<Page<CaseRead> & { settings?: CaseSettingsEntity }> {
    const filter = caseFilterSql(scope.tenant.id, f, scope.viewer, sees);
    const columns = [caseColumns(only)];
    if (withCategory) columns.push(CATEGORY_COLUMNS);
    if (withParties) columns.push(PARTIES_JSON);
    if (withAssignees) columns.push(ASSIGNEES_JSON);
    const selectParams: unknown[] = [];
    if (withSettings) {
      // Not correlated with the case row, so PostgreSQL evaluates it once for the statement.
      const ts = tenantPredicate('s', scope.tenant.id);
      columns.push(`(select ${settingsRow.json('s')} from case_settings s where ${ts.sql}) as "settingsJson"`);
      selectParams.push(...ts.params);
    }
    let firstRow: Record<string, unknown> | undefined;
    const page: Page<CaseRead> & { settings?: CaseSettingsEntity } = await readPage(
      scope,
      {
        select: `select ${columns.join(', ')} from cases c${
          withCategory ? ' left join categories cat on cat.tenant_id = c.tenant_id and cat.id = c.category_id' : ''
        }`,
        selectParams,
        where: [filter.sql],
        params: filter.params,
        key: ['c.reported_at', 'c.id'],
        descending: order !== 'REPORTED_AT_ASC',
        countFrom: 'cases c',
        // A search's best plan depends on how rare its pattern is: planned per request, as PostgreSQL sees fit.
        planning: f.text?.trim() ? 'perValue' : 'generic',
        read: (r) => {
          firstRow ??= r;
          const c: CaseRead = caseRow.read(r);
          if (withCategory) c.category = r['cat_id'] ? categoryRow.read(r, 'cat_') : null;
          if (withParties) c.parties = (r['partiesJson'] as Record<string, unknown>[]).map((p) => partyRow.read(p));
          if (withAssignees)
            c.assignees = (r['assigneesJson'] as { row: Record<string, unknown>; staff: StaffFields | null }[]).map(
              (a) => ({ ...assigneeRow.read(a.row), staff: a.staff }),
            );
          return c;
        },
        cursor: (c) => [c.reportedAt.toISOString(), c.id],
      },
      { first, after },
    );
    if (withSettings && firstRow)
      page.settings = Object.assign(new CaseSettingsEntity(), { tenantId: scope.tenant.id }, firstRow['settingsJson']);
    return page;
  }
}
