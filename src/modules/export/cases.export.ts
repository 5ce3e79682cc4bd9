import { RISK_LEVELS } from '../category/category.entity';
import { CHANNELS, WARNING_LEVELS, type Channel, type WarningLevel } from '../case/case.entity';
import { CASE_STATUSES, READ_ROLES, type CaseStatus } from '../case/case.states';
import type { CaseListFilter } from '../case/case.service';
import { caseFilterSql } from '../case/case-filter';
import type { PersonalDataService } from '../case/personal-data.service';
import { maskPersonalText } from '../../shared/personal-text';
import type { RiskLevel } from '../category/category.entity';
import { enumLabel } from '../../core/i18n/translate';
import { exportParamError, type ExportQuery } from './export-query';
import type { ExportColumn, ExportContext, ExportLang, ExportProvider } from './export.types';

export const CASE_EXPORT_BATCH = 2000;

/** One exported case: only fields of the case itself. Parties' names, phones and ID numbers never leave in bulk. */
export interface CaseExportRow {
  id: string;
  cursor_at: string;
  number: string;
  title: string;
  status: CaseStatus;
  risk_level: RiskLevel;
  warning_level: WarningLevel;
  channel: Channel;
  category: string | null;
  org_unit: string | null;
  reported: string;
  accepted: string | null;
  closed: string | null;
  is_group_dispute: boolean;
  people_involved: number;
  amount: string | null;
}

const zh = (lang: ExportLang) => lang === 'zh';

export const CASE_COLUMNS: readonly ExportColumn<CaseExportRow>[] = [
  { key: 'number', header: { zh: '案件编号', en: 'Number' }, width: 18, value: (r) => r.number },
  { key: 'title', header: { zh: '标题', en: 'Title' }, width: 40, value: (r) => r.title },
  {
    key: 'status',
    header: { zh: '状态', en: 'Status' },
    width: 10,
    value: (r, l) => (zh(l) ? enumLabel('zh-CN', 'CaseStatus', r.status) : r.status),
  },
  {
    key: 'risk',
    header: { zh: '风险等级', en: 'Risk' },
    width: 9,
    value: (r, l) => (zh(l) ? enumLabel('zh-CN', 'RiskLevel', r.risk_level) : r.risk_level),
  },
  {
    key: 'warning',
    header: { zh: '预警', en: 'Warning' },
    width: 8,
    value: (r, l) => (zh(l) ? enumLabel('zh-CN', 'WarningLevel', r.warning_level) : r.warning_level),
  },
  {
    key: 'channel',
    header: { zh: '渠道', en: 'Channel' },
    width: 14,
    value: (r, l) => (zh(l) ? enumLabel('zh-CN', 'Channel', r.channel) : r.channel),
  },
  { key: 'category', header: { zh: '类别', en: 'Category' }, width: 16, value: (r) => r.category },
  { key: 'orgUnit', header: { zh: '受理单位', en: 'Org unit' }, width: 24, value: (r) => r.org_unit },
  { key: 'reportedAt', header: { zh: '上报时间', en: 'Reported at' }, width: 17, value: (r) => r.reported },
  { key: 'acceptedAt', header: { zh: '受理时间', en: 'Accepted at' }, width: 17, value: (r) => r.accepted },
  { key: 'closedAt', header: { zh: '办结时间', en: 'Closed at' }, width: 17, value: (r) => r.closed },
  {
    key: 'groupDispute',
    header: { zh: '群体性', en: 'Group dispute' },
    width: 8,
    value: (r, l) => (r.is_group_dispute ? (zh(l) ? '是' : 'Yes') : zh(l) ? '否' : 'No'),
  },
  {
    key: 'people',
    header: { zh: '涉及人数', en: 'People' },
    kind: 'integer',
    width: 9,
    value: (r) => r.people_involved,
  },
  { key: 'amount', header: { zh: '涉及金额', en: 'Amount' }, kind: 'decimal', width: 14, value: (r) => r.amount },
];

const LOCAL = `'YYYY-MM-DD HH24:MI'`;

/**
 * Keyset batches in (reported_at, id) order, each its own short transaction in the tenant's
 * isolation: a slow download holds no pool connection and no snapshot between batches. The next
 * batch is fetched while the current one is written. The cursor keeps reported_at to the
 * microsecond as text: a JS Date would round it to the millisecond and skip or repeat rows.
 */
export async function* caseRows(
  f: CaseListFilter,
  ctx: ExportContext,
  personalData: PersonalDataService,
  batch = CASE_EXPORT_BATCH,
): AsyncGenerator<CaseExportRow> {
  const tz = ctx.tenant.timeZone;
  // The download's reader sees what the API shows them: masked free text, and a text search
  // that does not match on the masked digits.
  const sees = await ctx.read((scope) => personalData.readerSees(scope));
  const filter = caseFilterSql(ctx.tenant.id, f, ctx.viewer, sees);
  const shown = (r: CaseExportRow): CaseExportRow => (sees ? r : { ...r, title: maskPersonalText(r.title) });
  const fetch = (after: [string, string] | null) =>
    ctx.read((scope) =>
      scope.em.execute<CaseExportRow[]>(
        `
      select c.id, to_char(c.reported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at, c.number, c.title, c.status,
        c.risk_level, c.warning_level, c.channel, k.name as category, u.name as org_unit,
        to_char(c.reported_at at time zone ?, ${LOCAL}) as reported, to_char(c.accepted_at at time zone ?, ${LOCAL}) as accepted,
        to_char(c.closed_at at time zone ?, ${LOCAL}) as closed, c.is_group_dispute, c.people_involved, c.amount_involved::text as amount
      from cases c
      left join categories k on k.tenant_id = c.tenant_id and k.id = c.category_id
      left join org_units u on u.tenant_id = c.tenant_id and u.id = c.org_unit_id
      where ${filter.sql} ${after ? 'and (c.reported_at, c.id) > (?::timestamptz, ?::uuid)' : ''}
      order by c.reported_at, c.id
      limit ?`,
        [tz, tz, tz, ...filter.params, ...(after ?? []), batch],
      ),
    );
  let pending: Promise<CaseExportRow[]> | null = fetch(null);
  try {
    while (pending) {
      const rows: CaseExportRow[] = await pending;
      const last = rows.at(-1);
      pending = rows.length === batch && last ? fetch([last.cursor_at, last.id]) : null;
      yield* rows.map(shown);
    }
  } finally {
    // A client that went away leaves a batch in flight; its failure, if any, is nobody's to handle.
    pending?.catch(() => undefined);
  }
}

export function parseCaseFilter(q: ExportQuery, timeZone: string): CaseListFilter {
  const f: CaseListFilter = {
    statuses: q.list('statuses', CASE_STATUSES),
    openOnly: q.bool('openOnly'),
    categoryId: q.id('categoryId'),
    riskLevels: q.list('riskLevels', RISK_LEVELS),
    warningLevels: q.list('warningLevels', WARNING_LEVELS),
    orgUnitId: q.id('orgUnitId'),
    assigneeId: q.id('assigneeId'),
    channels: q.list('channels', CHANNELS),
    reportedFrom: q.instant('reportedFrom', timeZone),
    reportedTo: q.instant('reportedTo', timeZone),
    text: q.text('text', 200),
    externalRef: q.text('externalRef', 200),
  };
  if (f.reportedFrom && f.reportedTo && f.reportedTo <= f.reportedFrom)
    throw exportParamError('reportedTo', {
      id: 'export.toAfterFrom',
      values: { from: 'reportedFrom', to: 'reportedTo' },
    });
  return f;
}

/** `GET /exports/cases.csv|xlsx`: the filtered case list, as the `cases` query filters it. */
export const casesExport = (personalData: PersonalDataService): ExportProvider<CaseListFilter, CaseExportRow> => ({
  title: { zh: '案件', en: 'Cases' },
  // Machine feeds read what they report; a bulk export of the tenant's cases is for people.
  roles: READ_ROLES.filter((r) => r !== 'intake-system'),
  auditAction: 'cases.export',
  parse: (q, tenant) => parseCaseFilter(q, tenant.timeZone),
  columns: () => CASE_COLUMNS,
  rows: (f, ctx) => caseRows(f, ctx, personalData),
  describe: (f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null && v !== undefined)),
});
