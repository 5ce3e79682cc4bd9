/**
 * `npm run bench:metrics`: caseMetrics over a year for one tenant holding BENCH_METRICS_CASES
 * cases (default 1,000,000), seeded by SQL in the tenant's own isolation context, against a
 * fresh database on TEST_PG_ADMIN_URL. Prints the seeding time and the query times; asserts nothing.
 */
import { MetricsService } from '../src/modules/metrics/metrics.service';
import { runBench, withBench } from './setup';

const N = Number(process.env['BENCH_METRICS_CASES'] ?? 1_000_000);
const RUNS = Number(process.env['BENCH_METRICS_RUNS'] ?? 5);

async function main(): Promise<void> {
  await withBench({ name: 'metrics', tenantPrefix: 'bm' }, async ({ rt, tenant, inTenant, analyze }) => {
    const t0 = performance.now();
    // A year of reports; 95 % accepted within two hours, 90 % of those resolved within 20 days,
    // 60 % of resolutions on site, 3 % coming back as recurrences; a RESOLVE clock per accepted case.
    await inTenant(async ({ em }) => {
      await em.execute(
        `
        insert into cases (tenant_id, id, number, title, channel, status, risk_level, warning_level, category_id, reported_at, accepted_at, dispatched_at, resolved_at, resolved_on_site)
        select ?, gen_random_uuid(), 'BM-2026-' || lpad(g::text, 7, '0'), '纠纷 ' || g,
          (array['WALK_IN','HOTLINE','HOTLINE_12345','GRID_WORKER','PATROL','QR_CODE'])[1 + g % 6],
          case when g % 20 = 0 then 'REPORTED' when g % 10 = 1 then 'IN_PROGRESS' else 'CLOSED' end, 'LOW',
          case when g % 20 = 0 then 'YELLOW' when g % 10 = 1 then 'GREEN' else 'NONE' end,
          (select id from categories where code = (array['labor-wages','lease-rent','neighbourhood-noise','family','traffic'])[1 + g % 5]),
          r, case when g % 20 <> 0 then r + (g % 120) * interval '1 minute' end,
          case when g % 20 <> 0 then r + (g % 240) * interval '1 minute' end,
          case when g % 20 <> 0 and g % 10 <> 1 then r + (g % 20) * interval '1 day' + interval '3 hours' end,
          case when g % 20 <> 0 and g % 10 <> 1 then g % 5 < 3 end
        from generate_series(1, ?) g, lateral (select timestamptz '2026-01-01 00:00:00+08' + (g::float / ? * 365) * interval '1 day' as r) t`,
        [tenant.id, N, N],
      );
      await em.execute(`
        insert into deadlines (tenant_id, id, case_id, step, target, mode, started_at, due_at, yellow_at, red_at, status, met_at)
        select tenant_id, gen_random_uuid(), id, 'RESOLVE', 'P15D', 'CALENDAR', accepted_at, accepted_at + interval '15 days', accepted_at + interval '7 days',
          accepted_at + interval '12 days', case when resolved_at is null then 'OPEN' else 'MET' end, resolved_at
        from cases where accepted_at is not null`);
      await em.execute(`
        update cases c set recurrence_of_id = o.id from cases o
        where c.tenant_id = o.tenant_id and c.number = 'BM-2026-' || lpad((split_part(o.number, '-', 3)::int + 7)::text, 7, '0')
          and split_part(o.number, '-', 3)::int % 33 = 2 and o.resolved_at is not null`);
    });
    await analyze(['cases', 'deadlines', 'follow_ups']);
    console.log(
      `seeded ${N.toLocaleString('en')} cases (+ deadlines, recurrences) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    // Seeded by SQL, so no step marked the days: build the stored daily figures as the worker would.
    const r0 = performance.now();
    const days = Array.from({ length: 366 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    ).filter((d) => d.startsWith('2026'));
    for (let i = 0; i < days.length; i += 31)
      await inTenant((scope) => rt.services.metrics.days.refresh(scope, days.slice(i, i + 31)));
    await analyze(['case_day_stats']);
    console.log(
      `stored daily figures for ${days.length} days built in ${((performance.now() - r0) / 1000).toFixed(1)} s`,
    );
    const exactService = new MetricsService(rt.orm, rt.services.metrics.days, Number.MAX_SAFE_INTEGER);

    const q = { from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') };
    const times: number[] = [];
    let last: unknown;
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      last = await inTenant((scope) => rt.services.metrics.caseMetrics(scope, q));
      times.push(performance.now() - s);
      if (process.env['BENCH_VERBOSE']) console.log(`run ${i + 1}: ${(performance.now() - s).toFixed(0)} ms`);
    }
    const e0 = performance.now();
    await inTenant((scope) => exactService.caseMetrics(scope, q));
    console.log(`the same straight from the cases (exact path): ${(performance.now() - e0).toFixed(0)} ms`);
    const g = performance.now();
    await inTenant((scope) => rt.services.metrics.groups(scope, q, 'CATEGORY'));
    const groupMs = performance.now() - g;
    times.sort((a, b) => a - b);
    console.log(
      `caseMetrics over a year of ${N.toLocaleString('en')} cases: best ${times[0]!.toFixed(0)} ms, median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms (${RUNS} runs); groups(CATEGORY) ${groupMs.toFixed(0)} ms`,
    );
    console.log(JSON.stringify(last));
  });
}

runBench(main);
