import { openStatusSql } from '../case/case.states';
import { subtreeIdsSql } from '../../core/db/tree-sql';
import { localDateOf } from '../../core/calendar/local-date';
import type { ReadScope, TenantScope } from '../../core/tenancy/scope';
import type { Orm } from '../../core/db/orm';
import { withTenantScope } from '../../core/tenancy/tenant-tx';
import { localParts } from '../../core/calendar/zoned-time';
import { idOrNoMatch, isUuid } from '../../shared/ids';
import { tenantFromRow, type TenantRecord } from '../tenant/tenant.model';
import { pgArray } from '../../core/db/by-id';
import {
  addFigures,
  computeDays,
  emptyFigures,
  percentileHours,
  BUCKETS,
  type DayFigures,
  type MetricDays,
} from './metric-days';
import { ALL_METRIC_PARTS, type MetricPart } from './metric-parts';
import { consultationFigures, recoveryFigures, type ConsultationFigures, type RecoveryFigures } from './window-figures';

/** A rate with what it is made of; `rate` is null when nothing was counted (never a fake 0 %). */
export interface Ratio {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export interface Durations {
  /** hours */
  median: number | null;
  p90: number | null;
  count: number;
}

export interface CaseMetrics {
  from: Date;
  to: Date;
  timeZone: string;
  reported: number;
  sameDayAcceptance: Ratio;
  onSiteResolution: Ratio;
  resolution: Ratio;
  backflow: Ratio;
  onTime: Ratio;
  timeToAccept: Durations;
  timeToDispatch: Durations;
  timeToResolve: Durations;
  openByWarning: { green: number; yellow: number; red: number };
  supervision: SupervisionFigures;
  satisfaction: Satisfaction;
  consultations: ConsultationFigures;
  recovery: RecoveryFigures;
}

/** 1–5 scores of the cohort's cases: follow-up visits' and residents' own ratings, together. */
export interface Satisfaction {
  /** mean of every score, null when there is none */
  average: number | null;
  count: number;
  fromVisits: number;
  fromResidents: number;
}

/** Counts of the supervision notices (督办) sent to some units in a period. */
export interface SupervisionCounts {
  issued: number;
  /** sent by hand by a leader (the rest were raised by SLA escalation) */
  manual: number;
  replied: number;
  /** answered after the reply-by time */
  repliedLate: number;
  /** not answered and past the reply-by time now */
  unansweredOverdue: number;
}

export interface SupervisionFigures extends SupervisionCounts {
  /** answered in time / answered, plus unanswered past the reply-by time */
  replyOnTime: Ratio;
  byUnit: (SupervisionCounts & { orgUnitId: string | null })[];
}

export const GROUP_BYS = ['CATEGORY', 'CHANNEL', 'ORG_UNIT', 'DEPARTMENT', 'MEDIATOR', 'STATUS', 'RISK_LEVEL'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface MetricGroup {
  key: string | null;
  label: string | null;
  reported: number;
  resolved: number;
  open: number;
}

/** One tenant below the reader, at `depth` levels (1: a child), with figures computed in its own context. */
export interface DescendantFigures {
  tenant: TenantRecord;
  depth: number;
  metrics: CaseMetrics;
  byCategory: MetricGroup[];
  byChannel: MetricGroup[];
  supervisionByUnit: (SupervisionCounts & { orgUnitId: string | null; orgUnitName: string | null })[];
}

export interface MetricsQuery {
  from: Date;
  to: Date;
  orgUnitId?: string | null;
}

export const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator ? numerator / denominator : null,
});
/** Answered in time / answered, plus unanswered past the reply-by time (one still within it is not yet measured). */
export const replyOnTime = (c: SupervisionCounts): Ratio =>
  ratio(c.replied - c.repliedLate, c.replied + c.unansweredOverdue);
/** Sorts cases without a running clock after every real due time (and fits the cursor format). */
export const NO_DUE = '9999-12-31T00:00:00.000Z';

/**
 * The centers' own figures over a period (docs/metrics.md defines each). The cohort is the
 * cases reported in the period (merged duplicates left out), optionally handled within a unit's
 * subtree; "same day" is the tenant's local calendar day. One statement per figure group, all
 * on the (tenant_id, reported_at) index.
 */
export class MetricsService {
  constructor(
    private readonly orm: Orm,
    readonly days: MetricDays,
    /** periods with at least this many cases are added up from the stored daily figures */
    private readonly storedFrom = 20_000,
  ) {}

  /**
   * Exact figures straight from the cases for ordinary periods; for a period of whole local days
   * holding many cases (a county's year: up to millions), the stored daily figures added up, with
   * the days changed since their last refresh computed live — so the answer is current either way,
   * and medians come from histograms (within 5 %, docs/metrics.md).
   */
  async caseMetrics(
    scope: TenantScope,
    q: MetricsQuery,
    parts: ReadonlySet<MetricPart> = ALL_METRIC_PARTS,
  ): Promise<CaseMetrics> {
    const tz = scope.tenant.timeZone;
    const whole = (at: Date) =>
      at.getUTCSeconds() === 0 && at.getUTCMilliseconds() === 0 && localParts(at, tz).time === '00:00';
    if (whole(q.from) && whole(q.to)) {
      const units = await this.unitIds(scope, q.orgUnitId);
      const [row] = await scope.em.execute<{ n: number | null }[]>(
        `select sum(reported)::int as n from case_day_stats where tenant_id = ? and day >= ?::date and day < ?::date ${units ? 'and org_unit_id = any(?::uuid[])' : ''}`,
        [scope.tenant.id, localDateOf(q.from, tz), localDateOf(q.to, tz), ...(units ? [pgArray(units)] : [])],
      );
      if ((row?.n ?? 0) >= this.storedFrom) return this.fromDays(scope, q, units, parts);
    }
    return this.exact(scope, q, parts);
  }

  private async fromDays(
    scope: TenantScope,
    q: MetricsQuery,
    units: string[] | null,
    parts: ReadonlySet<MetricPart>,
  ): Promise<CaseMetrics> {
    const tz = scope.tenant.timeZone;
    const [from, to] = [localDateOf(q.from, tz), localDateOf(q.to, tz)];
    const unitSql = units ? 'and org_unit_id = any(?::uuid[])' : '';
    const unitParams = units ? [pgArray(units)] : [];
    const dirty = (
      await scope.em.execute<{ day: string }[]>(
        'select day::text as day from case_stats_dirty where tenant_id = ? and day >= ?::date and day < ?::date',
        [scope.tenant.id, from, to],
      )
    ).map((r) => r.day);
    const where = `tenant_id = ? and day >= ?::date and day < ?::date and not (day = any(?::date[])) ${unitSql}`;
    const params = [scope.tenant.id, from, to, pgArray(dirty), ...unitParams];
    const [c] = await scope.em.execute<Record<string, number | null>[]>(
      `select sum(reported)::int as reported, sum(decided_same_day)::int as decided_same_day,
        sum(accepted)::int as accepted, sum(dispatched)::int as dispatched, sum(resolved)::int as resolved, sum(on_site)::int as on_site,
        sum(ever_resolved)::int as ever_resolved, sum(came_back)::int as came_back, sum(clocks_met)::int as clocks_met, sum(clocks_met_on_time)::int as clocks_met_on_time
      from case_day_stats where ${where}`,
      params,
    );
    const f = emptyFigures();
    Object.assign(f, {
      reported: c!['reported'] ?? 0,
      decidedSameDay: c!['decided_same_day'] ?? 0,
      accepted: c!['accepted'] ?? 0,
      dispatched: c!['dispatched'] ?? 0,
      resolved: c!['resolved'] ?? 0,
      onSite: c!['on_site'] ?? 0,
      everResolved: c!['ever_resolved'] ?? 0,
      cameBack: c!['came_back'] ?? 0,
      clocksMet: c!['clocks_met'] ?? 0,
      clocksMetOnTime: c!['clocks_met_on_time'] ?? 0,
    });
    const hist = await scope.em.execute<{ m: 'accept' | 'dispatch' | 'resolve'; i: number; n: number }[]>(
      `
      select 'accept' as m, u.i::int - 1 as i, sum(u.v)::int as n from case_day_stats s, unnest(s.accept_hist) with ordinality u(v, i) where ${where} group by u.i
      union all select 'dispatch', u.i::int - 1, sum(u.v)::int from case_day_stats s, unnest(s.dispatch_hist) with ordinality u(v, i) where ${where} group by u.i
      union all select 'resolve', u.i::int - 1, sum(u.v)::int from case_day_stats s, unnest(s.resolve_hist) with ordinality u(v, i) where ${where} group by u.i`,
      [...params, ...params, ...params],
    );
    for (const h of hist) if (h.i < BUCKETS) f.hist[h.m][h.i] = h.n;
    if (dirty.length) for (const live of (await computeDays(scope, dirty, units)).values()) addFigures(f, live);
    return this.assemble(scope, q, f, parts);
  }

  private async assemble(
    scope: TenantScope,
    q: MetricsQuery,
    f: DayFigures,
    parts: ReadonlySet<MetricPart>,
  ): Promise<CaseMetrics> {
    const overdue = parts.has('onTime') ? await this.openOverdue(scope, q) : 0;
    const d = (h: number[], count: number): Durations => ({
      median: percentileHours(h, 0.5),
      p90: percentileHours(h, 0.9),
      count,
    });
    return {
      from: q.from,
      to: q.to,
      timeZone: scope.tenant.timeZone,
      reported: f.reported,
      sameDayAcceptance: ratio(f.decidedSameDay, f.reported),
      resolution: ratio(f.resolved, f.accepted),
      onSiteResolution: ratio(f.onSite, f.resolved),
      backflow: ratio(f.cameBack, f.everResolved),
      onTime: ratio(f.clocksMetOnTime, f.clocksMet + overdue),
      timeToAccept: d(f.hist.accept, f.accepted),
      timeToDispatch: d(f.hist.dispatch, f.dispatched),
      timeToResolve: d(f.hist.resolve, f.resolved),
      ...(await this.parts(scope, q, parts)),
    };
  }

  /** The figures with statements of their own, each computed only when asked (zero otherwise). */
  private async parts(
    scope: TenantScope,
    q: MetricsQuery,
    parts: ReadonlySet<MetricPart>,
  ): Promise<Pick<CaseMetrics, 'openByWarning' | 'supervision' | 'satisfaction' | 'consultations' | 'recovery'>> {
    return {
      openByWarning: parts.has('openByWarning')
        ? await this.openByWarning(scope, q.orgUnitId)
        : { green: 0, yellow: 0, red: 0 },
      supervision: parts.has('supervision')
        ? await this.supervision(scope, q)
        : {
            issued: 0,
            manual: 0,
            replied: 0,
            repliedLate: 0,
            unansweredOverdue: 0,
            replyOnTime: ratio(0, 0),
            byUnit: [],
          },
      satisfaction: parts.has('satisfaction')
        ? await this.satisfaction(scope, q)
        : { average: null, count: 0, fromVisits: 0, fromResidents: 0 },
      consultations: parts.has('consultations')
        ? await consultationFigures(scope, q)
        : { total: 0, minutes: 0, turnedIntoCases: 0, byTopic: [] },
      recovery: parts.has('recovery')
        ? await recoveryFigures(scope, q)
        : { amountPaid: '0.00', wagesRecovered: '0.00', payments: 0, instalmentsDue: 0, instalmentsLate: 0 },
    };
  }

  /**
   * Open resolution clocks of the cohort already past due: late now, not "not yet measured".
   * Driven from the (few) open overdue clocks with a key lookup of each case, whatever the
   * planner believes about the period's size.
   */
  private async openOverdue(scope: TenantScope, q: MetricsQuery): Promise<number> {
    const { where, params } = this.cohort(scope, q);
    const [r] = await scope.em.execute<{ n: number }[]>(
      `select count(*)::int as n from deadlines d
      where d.tenant_id = ? and d.step = 'RESOLVE' and d.status = 'OPEN' and d.paused_at is null and d.due_at < now()
        and exists (select 1 from cases c where c.id = d.case_id and ${where})`,
      [scope.tenant.id, ...params],
    );
    return r!.n;
  }

  private async openByWarning(
    scope: TenantScope,
    orgUnitId: string | null | undefined,
  ): Promise<{ green: number; yellow: number; red: number }> {
    const unit = this.unitFilter(scope, orgUnitId);
    const [w] = await scope.em.execute<{ green: number; yellow: number; red: number }[]>(
      `
      select count(*) filter (where warning_level = 'GREEN')::int as green, count(*) filter (where warning_level = 'YELLOW')::int as yellow,
             count(*) filter (where warning_level = 'RED')::int as red
      from cases c where c.tenant_id = ? and ${openStatusSql('c.status')} ${unit.sql}`,
      [scope.tenant.id, ...unit.params],
    );
    return w!;
  }

  private async unitIds(scope: TenantScope, orgUnitId: string | null | undefined): Promise<string[] | null> {
    if (!orgUnitId) return null;
    if (!isUuid(orgUnitId)) return [];
    const sub = subtreeIdsSql('org_units', scope.tenant.id, orgUnitId);
    const rows = await scope.em.execute<{ id: string }[]>(`select id from ${sub.sql} s`, sub.params);
    return rows.map((r) => r.id);
  }

  private async exact(scope: TenantScope, q: MetricsQuery, parts: ReadonlySet<MetricPart>): Promise<CaseMetrics> {
    const { where, params } = this.cohort(scope, q);
    const tz = scope.tenant.timeZone;
    const [m] = await scope.em.execute<Record<string, string | number | null>[]>(
      `
      with cohort as (
        select c.*,
          exists (select 1 from follow_ups f where f.tenant_id = c.tenant_id and f.case_id = c.id and f.result in ('BROKEN', 'RECURRED')) as broken,
          exists (select 1 from cases r where r.tenant_id = c.tenant_id and r.recurrence_of_id = c.id) as recurred
        from cases c where ${where})
      select
        count(*)::int as reported,
        count(*) filter (where coalesce(accepted_at, case when status = 'REJECTED' then closed_at end) is not null
          and (coalesce(accepted_at, closed_at) at time zone ?)::date = (reported_at at time zone ?)::date)::int as same_day,
        count(*) filter (where accepted_at is not null)::int as accepted,
        count(*) filter (where resolved_at is not null)::int as resolved,
        count(*) filter (where resolved_on_site and resolved_at is not null)::int as on_site,
        -- Backflow: resolved once (a broken agreement reopened the case and cleared resolved_at)
        -- and came back, as a recurrence case or a follow-up that found it broken or recurred.
        count(*) filter (where resolved_at is not null or broken)::int as ever_resolved,
        count(*) filter (where broken or recurred)::int as came_back,
        percentile_cont(0.5) within group (order by extract(epoch from accepted_at - reported_at)) filter (where accepted_at is not null) as accept_p50,
        percentile_cont(0.9) within group (order by extract(epoch from accepted_at - reported_at)) filter (where accepted_at is not null) as accept_p90,
        percentile_cont(0.5) within group (order by extract(epoch from dispatched_at - reported_at)) filter (where dispatched_at is not null) as dispatch_p50,
        percentile_cont(0.9) within group (order by extract(epoch from dispatched_at - reported_at)) filter (where dispatched_at is not null) as dispatch_p90,
        count(*) filter (where dispatched_at is not null)::int as dispatched,
        percentile_cont(0.5) within group (order by extract(epoch from resolved_at - reported_at)) filter (where resolved_at is not null) as resolve_p50,
        percentile_cont(0.9) within group (order by extract(epoch from resolved_at - reported_at)) filter (where resolved_at is not null) as resolve_p90,
        count(*) filter (where resolved_at is not null)::int as resolved_timed
      from cohort`,
      [...params, tz, tz],
    );
    const [o] = parts.has('onTime')
      ? await scope.em.execute<{ on_time: number; met: number }[]>(
          `
      select count(*) filter (where d.status = 'MET' and d.met_at <= d.due_at)::int as on_time, count(*) filter (where d.status = 'MET')::int as met
      from deadlines d join cases c on c.tenant_id = d.tenant_id and c.id = d.case_id
      where d.step = 'RESOLVE' and d.status = 'MET' and ${where}`,
          params,
        )
      : [{ on_time: 0, met: 0 }];
    const overdue = parts.has('onTime') ? await this.openOverdue(scope, q) : 0;
    const n = (k: string) => Number(m![k] ?? 0);
    const hours = (k: string) =>
      m![k] === null || m![k] === undefined ? null : Math.round((Number(m![k]) / 3600) * 100) / 100;
    return {
      from: q.from,
      to: q.to,
      timeZone: tz,
      reported: n('reported'),
      sameDayAcceptance: ratio(n('same_day'), n('reported')),
      resolution: ratio(n('resolved'), n('accepted')),
      onSiteResolution: ratio(n('on_site'), n('resolved')),
      backflow: ratio(n('came_back'), n('ever_resolved')),
      onTime: ratio(o!.on_time, o!.met + overdue),
      timeToAccept: { median: hours('accept_p50'), p90: hours('accept_p90'), count: n('accepted') },
      timeToDispatch: { median: hours('dispatch_p50'), p90: hours('dispatch_p90'), count: n('dispatched') },
      timeToResolve: { median: hours('resolve_p50'), p90: hours('resolve_p90'), count: n('resolved_timed') },
      ...(await this.parts(scope, q, parts)),
    };
  }

  /**
   * The satisfaction figure: every score given on the cohort's cases, by a follow-up visit (回访)
   * or by the resident themselves (resident_ratings), averaged together. Few rows (a score or two
   * per case), read live like supervision.
   */
  async satisfaction(scope: TenantScope, q: MetricsQuery): Promise<Satisfaction> {
    const { where, params } = this.cohort(scope, q);
    const [r] = await scope.em.execute<{ n: number; visits: number; residents: number; average: string | null }[]>(
      `
      select count(*)::int as n, count(*) filter (where s.src = 'visit')::int as visits,
        count(*) filter (where s.src = 'resident')::int as residents, round(avg(s.score), 2)::text as average
      from (
        select f.satisfaction as score, 'visit' as src from follow_ups f join cases c on c.tenant_id = f.tenant_id and c.id = f.case_id
          where f.satisfaction is not null and ${where}
        union all
        select g.rating, 'resident' from resident_ratings g join cases c on c.tenant_id = g.tenant_id and c.id = g.case_id
          where ${where}
      ) s`,
      [...params, ...params],
    );
    return {
      average: r!.average === null ? null : Number(r!.average),
      count: r!.n,
      fromVisits: r!.visits,
      fromResidents: r!.residents,
    };
  }

  /**
   * Supervision notices issued in the period to the units of the subtree — the unit a notice
   * was sent to answers for it, wherever the case went afterwards — and how they were answered.
   * Few rows (a notice per stuck case at most), so always read live.
   */
  async supervision(scope: TenantScope, q: MetricsQuery): Promise<SupervisionFigures> {
    const unit = this.unitFilter(scope, q.orgUnitId, 'n.org_unit_id');
    const rows = await scope.em.execute<(SupervisionCounts & { org_unit_id: string | null })[]>(
      `
      select n.org_unit_id, count(*)::int as issued, count(*) filter (where n.source = 'MANUAL')::int as manual,
        count(*) filter (where n.replied_at is not null)::int as replied,
        count(*) filter (where n.replied_at > n.reply_by)::int as "repliedLate",
        count(*) filter (where n.replied_at is null and n.reply_by < now())::int as "unansweredOverdue"
      from supervision_notices n where n.tenant_id = ? and n.created_at >= ? and n.created_at < ? ${unit.sql}
      group by n.org_unit_id order by 2 desc, 1`,
      [scope.tenant.id, q.from, q.to, ...unit.params],
    );
    const byUnit = rows.map(({ org_unit_id, ...c }) => ({ orgUnitId: org_unit_id, ...c }));
    const total = (k: keyof SupervisionCounts) => byUnit.reduce((n, u) => n + u[k], 0);
    const counts = {
      issued: total('issued'),
      manual: total('manual'),
      replied: total('replied'),
      repliedLate: total('repliedLate'),
      unansweredOverdue: total('unansweredOverdue'),
    };
    return { ...counts, replyOnTime: replyOnTime(counts), byUnit };
  }

  /** The cohort counted by one dimension; labels are the names of units, categories, people. */
  async groups(scope: TenantScope, q: MetricsQuery, by: GroupBy): Promise<MetricGroup[]> {
    const { where, params } = this.cohort(scope, q);
    const dims: Record<GroupBy, { key: string; label: string; join: string }> = {
      CATEGORY: {
        key: 'c.category_id::text',
        label: 'k.name',
        join: 'left join categories k on k.tenant_id = c.tenant_id and k.id = c.category_id',
      },
      CHANNEL: { key: 'c.channel', label: 'c.channel', join: '' },
      STATUS: { key: 'c.status', label: 'c.status', join: '' },
      RISK_LEVEL: { key: 'c.risk_level', label: 'c.risk_level', join: '' },
      ORG_UNIT: {
        key: 'c.org_unit_id::text',
        label: 'u.name',
        join: 'left join org_units u on u.tenant_id = c.tenant_id and u.id = c.org_unit_id',
      },
      DEPARTMENT: {
        key: 'c.department_id::text',
        label: 'dp.name',
        join: 'left join departments dp on dp.tenant_id = c.tenant_id and dp.id = c.department_id',
      },
      MEDIATOR: {
        key: 's.id::text',
        label: 's.name',
        join: 'join case_assignees a on a.tenant_id = c.tenant_id and a.case_id = c.id join staff_members s on s.tenant_id = a.tenant_id and s.id = a.staff_id and s.is_mediator',
      },
    };
    const d = dims[by];
    const rows = await scope.em.execute<
      { key: string | null; label: string | null; reported: number; resolved: number; open: number }[]
    >(
      `
      select ${d.key} as key, ${d.label} as label, count(*)::int as reported,
             count(*) filter (where c.resolved_at is not null)::int as resolved,
             count(*) filter (where ${openStatusSql('c.status')})::int as open
      from cases c ${d.join} where ${where}
      group by 1, 2 order by 3 desc, 1 limit 500`,
      params,
    );
    return rows;
  }

  /**
   * The RED and YELLOW open cases of a unit's subtree, soonest due first (a case without a
   * running clock last), and how many of each every unit holds: the one-screen overview.
   */
  async board(scope: ReadScope, orgUnitId: string | null, { first, after }: { first: number; after: string[] | null }) {
    const unit = this.unitFilter(scope, orgUnitId);
    const base = `from (select c.*, coalesce((select min(d.due_at) from deadlines d where d.tenant_id = c.tenant_id and d.case_id = c.id and d.status = 'OPEN'
        and d.paused_at is null), '${NO_DUE}'::timestamptz) as next_due
      from cases c where c.tenant_id = ? and c.warning_level in ('RED', 'YELLOW') and ${openStatusSql('c.status')} ${unit.sql}) b`;
    const params = [scope.tenant.id, ...unit.params];
    const rows = await scope.read<{ id: string; next_due: Date }>(
      `select b.id, b.next_due ${base} ${after ? 'where (b.next_due, b.id) > (?, ?)' : ''} order by b.next_due, b.id limit ?`,
      [...params, ...(after ? [after[0], after[1]] : []), first + 1],
    );
    const perUnit = await scope.read<{ org_unit_id: string | null; red: number; yellow: number }>(
      `select b.org_unit_id, count(*) filter (where b.warning_level = 'RED')::int as red, count(*) filter (where b.warning_level = 'YELLOW')::int as yellow
       ${base} group by b.org_unit_id order by 2 desc, 3 desc`,
      params,
    );
    return { rows: rows.map((r) => ({ id: r.id, nextDue: new Date(r.next_due) })), perUnit };
  }

  /**
   * The figures of every tenant below this one (a city: its counties, their towns, their villages),
   * each computed inside that tenant's own isolation context: only numbers and the names of its
   * own categories and units leave it. A suspended tenant is listed with its figures too (its
   * history still counts).
   */
  async forDescendants(scope: TenantScope, q: MetricsQuery): Promise<DescendantFigures[]> {
    const rows = await scope.em.execute<Record<string, unknown>[]>('select * from tenant_descendants()');
    const out: DescendantFigures[] = [];
    for (const row of rows) {
      const tenant = tenantFromRow(row);
      const figures = await withTenantScope(this.orm, tenant, scope.actor, async (s) => {
        const cq = { from: q.from, to: q.to };
        const units = await this.supervision(s, cq);
        const names = await this.unitNames(
          s,
          units.byUnit.map((u) => u.orgUnitId).filter((x): x is string => !!x),
        );
        return {
          metrics: await this.caseMetrics(s, cq),
          byCategory: await this.groups(s, cq, 'CATEGORY'),
          byChannel: await this.groups(s, cq, 'CHANNEL'),
          supervisionByUnit: units.byUnit.map((u) => ({
            ...u,
            orgUnitName: u.orgUnitId ? (names.get(u.orgUnitId) ?? null) : null,
          })),
        };
      });
      out.push({ tenant, depth: Number(row['depth']), ...figures });
    }
    return out;
  }

  private async unitNames(scope: TenantScope, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await scope.em.execute<{ id: string; name: string }[]>(
      'select id, name from org_units where tenant_id = ? and id = any(?::uuid[])',
      [scope.tenant.id, `{${ids.join(',')}}`],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private cohort(scope: TenantScope, q: MetricsQuery): { where: string; params: unknown[] } {
    const unit = this.unitFilter(scope, q.orgUnitId);
    return {
      where: `c.tenant_id = ? and c.reported_at >= ? and c.reported_at < ? and c.status <> 'MERGED' ${unit.sql}`,
      params: [scope.tenant.id, q.from, q.to, ...unit.params],
    };
  }

  private unitFilter(
    scope: ReadScope,
    orgUnitId: string | null | undefined,
    column = 'c.org_unit_id',
  ): { sql: string; params: unknown[] } {
    if (!orgUnitId) return { sql: '', params: [] };
    const sub = subtreeIdsSql('org_units', scope.tenant.id, idOrNoMatch(orgUnitId));
    return { sql: `and ${column} in ${sub.sql}`, params: sub.params };
  }
}
