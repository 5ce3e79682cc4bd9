import { subtreeIdsSql } from '../../core/db/tree-sql';
import { pgArray } from '../../core/db/by-id';
import { tenantPredicate } from '../../core/db/tenant-wall';
import type { Viewer } from '../../core/auth/viewer';
import { idOrNoMatch } from '../../shared/ids';
import { OPEN_STATUSES, type CaseStatus } from './case.states';
import type { RiskLevel } from '../category/category.entity';
import type { Channel, WarningLevel } from './case.entity';
import { readableCasesSql } from './case-access';
import { containsPattern, searchedText } from './case-search';

export interface CaseListFilter {
  statuses?: CaseStatus[] | null;
  openOnly?: boolean | null;
  categoryId?: string | null;
  riskLevels?: RiskLevel[] | null;
  warningLevels?: WarningLevel[] | null;
  orgUnitId?: string | null;
  assigneeId?: string | null;
  channels?: Channel[] | null;
  reportedFrom?: Date | null;
  reportedTo?: Date | null;
  text?: string | null;
  externalRef?: string | null;
}

/**
 * The `cases` filter as SQL, one text for the `cases` query (CaseService.list) and the case-list
 * export, so a file holds exactly the rows the list pages through (exports.test.ts compares the
 * two). The reader's restriction (case-access: a feed reads its own reports) and the masked search
 * text for readers without personal-data rights are part of it. `openOnly` with only closed
 * statuses asked for matches nothing, not everything.
 */
export function caseFilterSql(
  tenantId: string,
  f: CaseListFilter,
  reader: Viewer | undefined,
  seesPersonalData: boolean,
): { sql: string; params: unknown[] } {
  const tenant = tenantPredicate('c', tenantId);
  const where = [tenant.sql];
  const params: unknown[] = [...tenant.params];
  const add = (sql: string, ...p: unknown[]) => {
    where.push(sql);
    params.push(...p);
  };
  const only = readableCasesSql(reader);
  if (only) add(only.sql, ...only.params);
  const statuses = f.openOnly ? OPEN_STATUSES.filter((s) => !f.statuses?.length || f.statuses.includes(s)) : f.statuses;
  if (f.openOnly && !statuses?.length) add('false');
  else if (statuses?.length) add('c.status = any(?::text[])', pgArray(statuses));
  else add(`c.status <> 'MERGED'`);
  if (f.riskLevels?.length) add('c.risk_level = any(?::text[])', pgArray(f.riskLevels));
  if (f.warningLevels?.length) add('c.warning_level = any(?::text[])', pgArray(f.warningLevels));
  if (f.channels?.length) add('c.channel = any(?::text[])', pgArray(f.channels));
  if (f.externalRef) add('c.external_ref = ?', f.externalRef);
  if (f.reportedFrom) add('c.reported_at >= ?', f.reportedFrom);
  if (f.reportedTo) add('c.reported_at < ?', f.reportedTo);
  for (const [column, table, id] of [
    ['c.category_id', 'categories', f.categoryId],
    ['c.org_unit_id', 'org_units', f.orgUnitId],
  ] as const) {
    if (!id) continue;
    const sub = subtreeIdsSql(table, tenantId, idOrNoMatch(id));
    add(`${column} in ${sub.sql}`, ...sub.params);
  }
  if (f.assigneeId)
    add(
      'exists (select 1 from case_assignees a where a.tenant_id = c.tenant_id and a.case_id = c.id and a.staff_id = ?)',
      idOrNoMatch(f.assigneeId),
    );
  const text = f.text?.trim();
  if (text) add(`${searchedText(seesPersonalData)} ilike ?`, containsPattern(text));
  return { sql: where.join(' and '), params };
}
