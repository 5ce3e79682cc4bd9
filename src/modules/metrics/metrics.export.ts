import { exportParamError, type ExportQuery } from '../export/export-query';
import type { ExportColumn, ExportProvider } from '../export/export.types';
import type { TenantRecord } from '../tenant/tenant.model';
import { GROUP_BYS, type GroupBy, type MetricsService, type MetricsQuery, type Ratio } from './metrics.service';
import { groupByLabel, groupLabel } from './group-labels';

interface MetricsExportParams extends MetricsQuery {
  groupBy: GroupBy | null;
}

/** One line of the figures sheet: a rate with its parts, a duration, or a count of a group. */
interface FigureRow {
  figure: { zh: string; en: string };
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  medianHours: number | null;
  p90Hours: number | null;
}

const COLUMNS: readonly ExportColumn<FigureRow>[] = [
  { key: 'figure', header: { zh: '指标', en: 'Figure' }, width: 28, value: (r, l) => r.figure[l] },
  { key: 'numerator', header: { zh: '分子', en: 'Numerator' }, kind: 'integer', width: 10, value: (r) => r.numerator },
  {
    key: 'denominator',
    header: { zh: '分母', en: 'Denominator' },
    kind: 'integer',
    width: 10,
    value: (r) => r.denominator,
  },
  { key: 'rate', header: { zh: '比率', en: 'Rate' }, kind: 'percent', width: 10, value: (r) => r.rate },
  {
    key: 'medianHours',
    header: { zh: '中位数（小时）', en: 'Median (hours)' },
    kind: 'decimal',
    width: 14,
    value: (r) => r.medianHours,
  },
  {
    key: 'p90Hours',
    header: { zh: '90分位（小时）', en: 'P90 (hours)' },
    kind: 'decimal',
    width: 14,
    value: (r) => r.p90Hours,
  },
];

const rate = (zh: string, en: string, r: Ratio): FigureRow => ({
  figure: { zh, en },
  numerator: r.numerator,
  denominator: r.denominator,
  rate: r.rate,
  medianHours: null,
  p90Hours: null,
});
const count = (zh: string, en: string, n: number): FigureRow => ({
  figure: { zh, en },
  numerator: n,
  denominator: null,
  rate: null,
  medianHours: null,
  p90Hours: null,
});
/**
 * `GET /exports/metrics.csv|xlsx?from=&to=&orgUnitId=&groupBy=`: the caseMetrics figures of a
 * period (same definitions, docs/metrics.md), one line each with numerator and denominator; with
 * groupBy, the breakdown lines follow (reported / resolved per group).
 */
export function metricsExport(metrics: MetricsService): ExportProvider<MetricsExportParams, FigureRow> {
  return {
    title: { zh: '指标', en: 'Metrics' },
    roles: ['leader', 'tenant-admin', 'auditor', 'dispatcher'],
    parse(q: ExportQuery, tenant: TenantRecord): MetricsExportParams {
      const from = q.instant('from', tenant.timeZone);
      const to = q.instant('to', tenant.timeZone);
      if (!from) throw exportParamError('from', { id: 'export.fromRequired' });
      if (!to) throw exportParamError('to', { id: 'export.toRequired' });
      if (!(to > from)) throw exportParamError('to', { id: 'export.toAfterFrom', values: { from: 'from', to: 'to' } });
      if (to.getTime() - from.getTime() > 3 * 366 * 86_400_000)
        throw exportParamError('to', { id: 'error.rangeTooLong' });
      return { from, to, orgUnitId: q.id('orgUnitId'), groupBy: q.oneOf('groupBy', GROUP_BYS) };
    },
    columns: () => COLUMNS,
    async *rows(p, ctx) {
      const m = await ctx.read((scope) => metrics.caseMetrics(scope, p));
      yield count('上报案件数', 'Cases reported', m.reported);
      yield rate('当日受理率', 'Same-day acceptance', m.sameDayAcceptance);
      yield rate('化解率', 'Resolution', m.resolution);
      yield rate('现场化解率', 'On-site resolution', m.onSiteResolution);
      yield rate('反流率', 'Backflow', m.backflow);
      yield rate('按时办结率', 'On time', m.onTime);
      for (const [zh, en, d] of [
        ['受理用时', 'Time to accept', m.timeToAccept],
        ['分流用时', 'Time to dispatch', m.timeToDispatch],
        ['化解用时', 'Time to resolve', m.timeToResolve],
      ] as const) {
        yield {
          figure: { zh, en },
          numerator: d.count,
          denominator: null,
          rate: null,
          medianHours: d.median,
          p90Hours: d.p90,
        };
      }
      yield count('在办：绿色', 'Open: green', m.openByWarning.green);
      yield count('在办：黄色', 'Open: yellow', m.openByWarning.yellow);
      yield count('在办：红色', 'Open: red', m.openByWarning.red);
      const sv = m.supervision;
      yield count('督办：下发', 'Supervision: issued', sv.issued);
      yield count('督办：已回复', 'Supervision: answered', sv.replied);
      yield count('督办：逾期回复', 'Supervision: answered late', sv.repliedLate);
      yield count('督办：逾期未回复', 'Supervision: unanswered past reply-by', sv.unansweredOverdue);
      yield rate('督办按时回复率', 'Supervision answered on time', sv.replyOnTime);
      if (p.groupBy) {
        for (const g of await ctx.read((scope) => metrics.groups(scope, p, p.groupBy!))) {
          const zh = groupLabel('zh-CN', p.groupBy, g) ?? g.key ?? '—';
          const en = groupLabel('en', p.groupBy, g) ?? g.key ?? '—';
          yield {
            figure: {
              zh: `${groupByLabel('zh-CN', p.groupBy)}：${zh}`,
              en: `${groupByLabel('en', p.groupBy)}: ${en}`,
            },
            numerator: g.resolved,
            denominator: g.reported,
            rate: g.reported ? g.resolved / g.reported : null,
            medianHours: null,
            p90Hours: null,
          };
        }
      }
    },
    describe: (p) => ({
      from: p.from.toISOString(),
      to: p.to.toISOString(),
      orgUnitId: p.orgUnitId,
      groupBy: p.groupBy,
    }),
  };
}
