import { NIL_UUID } from '../../shared/ids';
import type { TenantScope } from '../../core/tenancy/scope';
import type { Orm } from '../../core/db/orm';
import { withTenantScope } from '../../core/tenancy/tenant-tx';
import { pgArray } from '../../core/db/by-id';
import type { TenantDirectory } from '../tenant/tenant.directory';

/** Geometric duration buckets: bucket i holds [60·1.1^i, 60·1.1^(i+1)) seconds (bucket 0 anything under a minute). */
export const BUCKETS = 150;
const BASE = 60;
const GROWTH = 1.1;
/** The unit key of cases that have none (a key in the daily figures). */
export const NO_UNIT = NIL_UUID;

/** Additive figures of a set of cases; `hist` are duration histograms in the buckets above. */
export interface DayFigures {
  reported: number;
  decidedSameDay: number;
  accepted: number;
  dispatched: number;
  resolved: number;
  onSite: number;
  everResolved: number;
  cameBack: number;
  clocksMet: number;
  clocksMetOnTime: number;
  hist: { accept: number[]; dispatch: number[]; resolve: number[] };
}

export const emptyFigures = (): DayFigures => ({
  reported: 0,
  decidedSameDay: 0,
  accepted: 0,
  dispatched: 0,
  resolved: 0,
  onSite: 0,
  everResolved: 0,
  cameBack: 0,
  clocksMet: 0,
  clocksMetOnTime: 0,
  hist: { accept: Array(BUCKETS).fill(0), dispatch: Array(BUCKETS).fill(0), resolve: Array(BUCKETS).fill(0) },
});

export function addFigures(into: DayFigures, f: DayFigures): DayFigures {
  for (const k of [
    'reported',
    'decidedSameDay',
    'accepted',
    'dispatched',
    'resolved',
    'onSite',
    'everResolved',
    'cameBack',
    'clocksMet',
    'clocksMetOnTime',
  ] as const)
    into[k] += f[k];
  for (const h of ['accept', 'dispatch', 'resolve'] as const) f.hist[h].forEach((n, i) => (into.hist[h][i]! += n));
  return into;
}

/** The bucket of a duration in seconds: the formula the SQL uses (see `bucket` below). */
export const bucketOf = (secs: number): number =>
  Math.min(BUCKETS - 1, Math.max(0, Math.floor(Math.log(Math.max(secs, BASE) / BASE) / Math.log(GROWTH))));

/** Hours at a percentile of a histogram, interpolated geometrically inside the bucket. */
export function percentileHours(hist: number[], p: number): number | null {
  const total = hist.reduce((a, b) => a + b, 0);
  if (!total) return null;
  const rank = p * total;
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    const n = hist[i]!;
    if (n && seen + n >= rank) {
      const lo = i === 0 ? 0 : BASE * GROWTH ** i;
      const hi = BASE * GROWTH ** (i + 1);
      const within = (rank - seen) / n;
      const secs = i === 0 ? hi * within : lo * (hi / lo) ** within;
      return Math.round((secs / 3600) * 100) / 100;
    }
    seen += n;
  }
  return null;
}

const bucket = (expr: string) =>
  `least(${BUCKETS - 1}, greatest(0, floor(ln(greatest(extract(epoch from ${expr}), ${BASE})::numeric / ${BASE}) / ln(${GROWTH}))))::int`;

/**
 * The figures of the cases reported on some local days, by day and handling unit, computed
 * from the cases with the same definitions as the exact figures (docs/metrics.md). Used to
 * refresh stored days, and directly for days whose stored figures are stale.
 */
export async function computeDays(
  scope: TenantScope,
  days: string[],
  unitIds: string[] | null,
): Promise<Map<string, DayFigures>> {
  const tz = scope.tenant.timeZone;
  const unitSql = unitIds ? 'and c.org_unit_id = any(?::uuid[])' : '';
  const params = [tz, scope.tenant.id, pgArray(days), ...(unitIds ? [pgArray(unitIds)] : [])];
  const cohort = `
    select c.*, (c.reported_at at time zone ?)::date as day, coalesce(c.org_unit_id, '${NO_UNIT}') as unit,
      exists (select 1 from follow_ups f where f.tenant_id = c.tenant_id and f.case_id = c.id and f.result in ('BROKEN', 'RECURRED')) as broken,
      exists (select 1 from cases r where r.tenant_id = c.tenant_id and r.recurrence_of_id = c.id) as recurred,
      (select count(*) from deadlines d where d.tenant_id = c.tenant_id and d.case_id = c.id and d.step = 'RESOLVE' and d.status = 'MET') as met,
      (select count(*) from deadlines d where d.tenant_id = c.tenant_id and d.case_id = c.id and d.step = 'RESOLVE' and d.status = 'MET' and d.met_at <= d.due_at) as met_on_time
    from cases c where c.tenant_id = ? and (c.reported_at at time zone '${tz.replace(/'/g, "''")}')::date = any(?::date[]) and c.status <> 'MERGED' ${unitSql}`;
  const counts = await scope.em.execute<Record<string, string | number>[]>(
    `
    with cohort as (${cohort})
    select day::text as day, unit, count(*)::int as reported,
      count(*) filter (where coalesce(accepted_at, case when status = 'REJECTED' then closed_at end) is not null
        and (coalesce(accepted_at, closed_at) at time zone ?)::date = day)::int as decided_same_day,
      count(*) filter (where accepted_at is not null)::int as accepted,
      count(*) filter (where dispatched_at is not null)::int as dispatched,
      count(*) filter (where resolved_at is not null)::int as resolved,
      count(*) filter (where resolved_on_site and resolved_at is not null)::int as on_site,
      count(*) filter (where resolved_at is not null or broken)::int as ever_resolved,
      count(*) filter (where broken or recurred)::int as came_back,
      sum(met)::int as clocks_met, sum(met_on_time)::int as clocks_met_on_time
    from cohort group by day, unit`,
    [...params, tz],
  );
  const hist = await scope.em.execute<
    { day: string; unit: string; m: 'accept' | 'dispatch' | 'resolve'; b: number; n: number }[]
  >(
    `
    with cohort as (${cohort})
    select day::text as day, unit, 'accept' as m, ${bucket('accepted_at - reported_at')} as b, count(*)::int as n from cohort where accepted_at is not null group by 1, 2, 4
    union all
    select day::text, unit, 'dispatch', ${bucket('dispatched_at - reported_at')}, count(*)::int from cohort where dispatched_at is not null group by 1, 2, 4
    union all
    select day::text, unit, 'resolve', ${bucket('resolved_at - reported_at')}, count(*)::int from cohort where resolved_at is not null group by 1, 2, 4`,
    [...params, ...params, ...params],
  );
  const out = new Map<string, DayFigures>();
  const key = (day: string, unit: string) => `${day}|${unit}`;
  for (const r of counts) {
    const f = emptyFigures();
    Object.assign(f, {
      reported: Number(r['reported']),
      decidedSameDay: Number(r['decided_same_day']),
      accepted: Number(r['accepted']),
      dispatched: Number(r['dispatched']),
      resolved: Number(r['resolved']),
      onSite: Number(r['on_site']),
      everResolved: Number(r['ever_resolved']),
      cameBack: Number(r['came_back']),
      clocksMet: Number(r['clocks_met']),
      clocksMetOnTime: Number(r['clocks_met_on_time']),
    });
    out.set(key(String(r['day']), String(r['unit'])), f);
  }
  for (const h of hist) out.get(key(h.day, h.unit))?.hist[h.m].splice(h.b, 1, h.n);
  return out;
}

/**
 * Stored daily figures: refreshed from the cases for the days marked dirty by case changes (a
 * worker sweep), read by the metrics for large periods. Marking happens in the step's own
 * transaction, so a change is never missed; the refresh is idempotent.
 */
export class MetricDays {
  /** days each unit of work (its entity manager: one per transaction) has marked dirty */
  private readonly marked = new WeakMap<object, Set<string>>();

  constructor(
    private readonly orm: Orm,
    private readonly directory: TenantDirectory,
  ) {}

  async markDirty(scope: TenantScope, days: string[]): Promise<void> {
    // A day marked earlier in this transaction stays marked until it commits (a refresh in it
    // forgets the marks): a transaction of many steps on one day marks it once, not per step.
    let marked = this.marked.get(scope.em);
    if (!marked) this.marked.set(scope.em, (marked = new Set()));
    const fresh = [...new Set(days)].filter((d) => !marked.has(d));
    if (!fresh.length) return;
    await scope.em.execute(
      `insert into case_stats_dirty (tenant_id, day) select ?, d from unnest(?::date[]) d on conflict do nothing`,
      [scope.tenant.id, pgArray(fresh)],
    );
    for (const d of fresh) marked.add(d);
  }

  /** Recomputes the given days (default: the dirty ones) of the scope's tenant. */
  async refresh(scope: TenantScope, days?: string[]): Promise<number> {
    this.marked.delete(scope.em);
    const list =
      days ??
      (
        await scope.em.execute<{ day: string }[]>(
          'delete from case_stats_dirty where tenant_id = ? and day in (select day from case_stats_dirty where tenant_id = ? order by day limit 400 for update skip locked) returning day::text as day',
          [scope.tenant.id, scope.tenant.id],
        )
      ).map((r) => r.day);
    if (!list.length) return 0;
    const figures = await computeDays(scope, list, null);
    await scope.em.execute('delete from case_day_stats where tenant_id = ? and day = any(?::date[])', [
      scope.tenant.id,
      pgArray(list),
    ]);
    for (const [k, f] of figures) {
      const [day, unit] = k.split('|');
      await scope.em.execute(
        `insert into case_day_stats (tenant_id, day, org_unit_id, reported, decided_same_day, accepted, dispatched, resolved, on_site,
          ever_resolved, came_back, clocks_met, clocks_met_on_time, accept_hist, dispatch_hist, resolve_hist)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::int[], ?::int[], ?::int[])`,
        [
          scope.tenant.id,
          day,
          unit,
          f.reported,
          f.decidedSameDay,
          f.accepted,
          f.dispatched,
          f.resolved,
          f.onSite,
          f.everResolved,
          f.cameBack,
          f.clocksMet,
          f.clocksMetOnTime,
          `{${f.hist.accept.join(',')}}`,
          `{${f.hist.dispatch.join(',')}}`,
          `{${f.hist.resolve.join(',')}}`,
        ],
      );
    }
    return list.length;
  }

  /** The worker sweep: every tenant with dirty days, each in its own isolation context. */
  async sweep(): Promise<number> {
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ tenant_id: string }[]>('select tenant_id from platform_dirty_stat_tenants(1000)');
    let n = 0;
    for (const { tenant_id } of rows) {
      const [tenant] = await this.directory.byIds([tenant_id]);
      if (!tenant) continue;
      n += await withTenantScope(
        this.orm,
        tenant,
        { subject: 'system:metrics', requestId: 'metrics-sweep', ip: null },
        (scope) => this.refresh(scope),
      );
    }
    return n;
  }
}
