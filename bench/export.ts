/**
 * `npm run bench:export`: downloads `/exports/cases.csv` and `/exports/cases.xlsx` over HTTP for a
 * tenant holding BENCH_EXPORT_CASES cases (default 1,000,000), seeded by SQL in the tenant's own
 * isolation context on a fresh database on TEST_PG_ADMIN_URL. Prints rows/s, time to first
 * byte, file size and the process's peak RSS growth (server and client share the process, as in
 * the tests); asserts nothing.
 */
import { runBench, withBench } from './setup';

const PORT = Number(process.env['BENCH_PORT'] ?? 4556);
const N = Number(process.env['BENCH_EXPORT_CASES'] ?? 1_000_000);

async function main(): Promise<void> {
  await withBench(
    { name: 'export', tenantPrefix: 'bx', port: PORT },
    async ({ rt, tenant, inTenant, analyze, http }) => {
      const { base, issuer } = http!;
      const t0 = performance.now();
      await inTenant(async (scope) => {
        const unit = await rt.services.orgUnits.create(scope, { kind: 'CENTER', name: '织里镇社会治理中心' });
        if (!unit.ok) throw new Error('unit');
        await scope.em.execute(
          `
        insert into cases (tenant_id, id, number, title, channel, status, risk_level, warning_level, category_id, org_unit_id,
          is_group_dispute, people_involved, amount_involved, reported_at, accepted_at, closed_at)
        select ?, gen_random_uuid(), 'BX-2026-' || lpad(g::text, 7, '0'), '邻里纠纷第' || g || '号：楼上装修噪音扰民，多次协商未果',
          (array['WALK_IN','HOTLINE','HOTLINE_12345','GRID_WORKER','PATROL','QR_CODE'])[1 + g % 6],
          (array['REPORTED','ACCEPTED','DISPATCHED','IN_PROGRESS','RESOLVED','FOLLOW_UP','CLOSED'])[1 + g % 7],
          (array['LOW','MEDIUM','HIGH','MAJOR'])[1 + g % 4], (array['NONE','GREEN','YELLOW','RED'])[1 + g % 4],
          (select id from categories where code = (array['labor-wages','lease-rent','neighbourhood-noise','family','traffic'])[1 + g % 5]),
          ?, g % 50 = 0, 1 + g % 30, case when g % 3 <> 0 then (g % 100000)::numeric / 4 end,
          r, r + interval '2 hours', case when g % 7 = 6 then r + interval '10 days' end
        from generate_series(1, ?) g, lateral (select timestamptz '2026-01-01 00:00:00+08' + (g::float / ? * 365) * interval '1 day' as r) t`,
          [tenant.id, unit.value.id, N, N],
        );
      });
      await analyze(['cases']);
      console.log(`seeded ${N.toLocaleString('en')} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

      const token = await issuer.sign({ subject: 'bench', tenants: [tenant.code], roles: ['leader'] });
      for (const path of [
        '/exports/cases.csv',
        '/exports/cases.xlsx',
        '/exports/cases.csv?riskLevels=MAJOR&channels=PATROL,HOTLINE',
      ]) {
        const rss0 = process.memoryUsage().rss;
        let peak = rss0;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
        const s = performance.now();
        const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
        let bytes = 0;
        let first = 0;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          if (!bytes) first = performance.now() - s;
          bytes += chunk.length;
        }
        clearInterval(sampler);
        const ms = performance.now() - s;
        // The audit row, written once the last byte is out, says how many rows went.
        let rows = 0;
        for (let i = 0; i < 50 && !rows; i++) {
          const [a] = await inTenant((scope) =>
            scope.em.execute<{ rows: number }[]>(
              `select (after->>'rows')::int as rows from audit_events where action = 'cases.export' and request_id = ?`,
              [res.headers.get('x-request-id')],
            ),
          );
          if (a) rows = a.rows;
          else await new Promise((r) => setTimeout(r, 100));
        }
        console.log(
          `${path}: ${res.status}, ${rows.toLocaleString('en')} rows in ${(ms / 1000).toFixed(1)} s = ${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s, ` +
            `first byte ${first.toFixed(0)} ms, ${(bytes / 1048576).toFixed(1)} MiB, peak RSS growth ${((peak - rss0) / 1048576).toFixed(0)} MiB`,
        );
      }
    },
  );
}

runBench(main);
