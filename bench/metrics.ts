/**
 * `npm run bench:metrics`: caseMetrics over a year for one tenant holding BENCH_METRICS_CASES
 * cases (default 1,000,000), seeded by SQL in the tenant's own isolation context, against a
 * fresh database on TEST_PG_ADMIN_URL. Prints the seeding time and the query times; asserts nothing.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/core/observability/logger';
import { provisionDatabase, dropDatabase } from '../src/core/db/provision';
import { runMigrations } from '../src/core/db/orm';
import { bootstrap } from '../src/bootstrap';
import { withTenant } from '../src/core/tenancy/tenant-tx';
import { MetricsService } from '../src/modules/metrics/metrics.service';

const ADMIN = process.env['TEST_PG_ADMIN_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const REDIS = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const N = Number(process.env['BENCH_METRICS_CASES'] ?? 1_000_000);
const RUNS = Number(process.env['BENCH_METRICS_RUNS'] ?? 5);

async function main(): Promise<void> {
  const run = randomBytes(4).toString('hex');
  const database = `onedoor_bench_metrics_${run}`;
  const urls = await provisionDatabase({ adminUrl: ADMIN, database, ownerPassword: 'onedoor_owner', appPassword: 'onedoor_app' });
  await runMigrations(urls.ownerUrl);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: urls.appUrl, REDIS_URL: REDIS, REDIS_PREFIX: `onedoor-bench-${run}` });
  const rt = await bootstrap(config, createLogger('silent'));
  try {
    const created = await rt.services.tenants.create({ subject: 'bench', requestId: null }, { code: `bm-${run}`, name: 'Bench', level: 'TOWN' });
    if (!created.ok) throw new Error('tenant');
    const tenant = created.value;
    await rt.services.provisioning.seedDefaults(tenant.id);
    const t0 = performance.now();
    // A year of reports; 95 % accepted within two hours, 90 % of those resolved within 20 days,
    // 60 % of resolutions on site, 3 % coming back as recurrences; a RESOLVE clock per accepted case.
    await withTenant(rt.orm, tenant.id, async (em) => {
      await em.execute(`
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
        from generate_series(1, ?) g, lateral (select timestamptz '2026-01-01 00:00:00+08' + (g::float / ? * 365) * interval '1 day' as r) t`, [tenant.id, N, N]);
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
    // Statistics as autovacuum would gather them: ANALYZE needs the owner role.
    const owner = new Client({ connectionString: urls.ownerUrl });
    await owner.connect();
    await owner.query('analyze cases; analyze deadlines; analyze follow_ups');
    console.log(`seeded ${N.toLocaleString('en')} cases (+ deadlines, recurrences) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const scopeIn = (em: Parameters<Parameters<typeof withTenant>[2]>[0]) => ({ tenant, em, actor: { subject: 'bench', requestId: 'bench', ip: null } });
    // Seeded by SQL, so no step marked the days: build the stored daily figures as the worker would.
    const r0 = performance.now();
    const days = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)).filter((d) => d.startsWith('2026'));
    for (let i = 0; i < days.length; i += 31) await withTenant(rt.orm, tenant.id, (em) => rt.services.metrics.days.refresh(scopeIn(em), days.slice(i, i + 31)));
    await owner.query('analyze case_day_stats');
    await owner.end();
    console.log(`stored daily figures for ${days.length} days built in ${((performance.now() - r0) / 1000).toFixed(1)} s`);
    const exactService = new MetricsService(rt.orm, rt.services.metrics.days, Number.MAX_SAFE_INTEGER);

    const q = { from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') };
    const times: number[] = [];
    let last: unknown;
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      last = await withTenant(rt.orm, tenant.id, (em) => rt.services.metrics.caseMetrics({ tenant, em, actor: { subject: 'bench', requestId: 'bench', ip: null } }, q));
      times.push(performance.now() - s);
      if (process.env['BENCH_VERBOSE']) console.log(`run ${i + 1}: ${(performance.now() - s).toFixed(0)} ms`);
    }
    const e0 = performance.now();
    await withTenant(rt.orm, tenant.id, (em) => exactService.caseMetrics(scopeIn(em), q));
    console.log(`the same straight from the cases (exact path): ${(performance.now() - e0).toFixed(0)} ms`);
    const g = performance.now();
    await withTenant(rt.orm, tenant.id, (em) => rt.services.metrics.groups({ tenant, em, actor: { subject: 'bench', requestId: 'bench', ip: null } }, q, 'CATEGORY'));
    const groupMs = performance.now() - g;
    times.sort((a, b) => a - b);
    console.log(`caseMetrics over a year of ${N.toLocaleString('en')} cases: best ${times[0]!.toFixed(0)} ms, median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms (${RUNS} runs); groups(CATEGORY) ${groupMs.toFixed(0)} ms`);
    console.log(JSON.stringify(last));
  } finally {
    await rt.close();
    await dropDatabase(ADMIN, database);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
