import { startHarness } from '../utils/harness';
import { loadDemoData } from '../../src/dev/demo-data';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import { Client } from 'pg';
import { CASE_TABLES } from '../../src/dev/demo-time-shift';

/**
 * The demo `npm start` loads goes through the same rules as everyone (rosters, opening hours,
 * outcomes after the session): a rule that refuses the demo's own story breaks `npm start`.
 */
it('loads the demo towns through the services, once', async () => {
  const h = await startHarness();
  try {
    const started = Date.now();
    expect(await loadDemoData(h.rt.services, { ownerUrl: process.env['ONEDOOR_TEST_OWNER_URL'] })).toBe(true);
    console.log(`demo data loaded in ${Date.now() - started} ms`);
    expect(await loadDemoData(h.rt.services)).toBe(false);

    // Issue 17, demo data: a town's own department names, 司法所 resident and the court rotating with a roster.
    const [zhili] = await h.rt.services.tenants.byCodesForSeed(['zhili']);
    const desks = await withTenant(h.rt.orm, zhili!.id, (em) =>
      em.execute<{ code: string; name: string; mode: string; shifts: number }[]>(
        `select d.code, d.name, r.mode,
           (select count(*)::int from rotation_shifts s where s.tenant_id = r.tenant_id and s.residency_id = r.id) as shifts
         from residencies r join departments d on d.tenant_id = r.tenant_id and d.id = r.department_id
         where d.code in ('justice', 'court', 'human-resources') order by d.code`,
      ),
    );
    expect(desks).toEqual([
      { code: 'court', name: '吴兴区人民法院织里法庭', mode: 'ROTATING', shifts: expect.any(Number) },
      { code: 'human-resources', name: '织里镇劳动保障所', mode: 'RESIDENT', shifts: 0 },
      { code: 'justice', name: '织里司法所', mode: 'RESIDENT', shifts: 0 },
    ]);
    expect(desks[0]!.shifts).toBeGreaterThan(0);

    // Issue 17, demo data: RED and YELLOW when the demo starts, raised by the SLA code (on the timeline, notified).
    const warned = await withTenant(h.rt.orm, zhili!.id, (em) =>
      em.execute<{ level: string; cases: number; raised: number }[]>(
        `select c.warning_level as level, count(*)::int as cases,
           count(*) filter (where exists (select 1 from case_events e where e.tenant_id = c.tenant_id and e.case_id = c.id
             and e.type = 'WARNING_RAISED'))::int as raised
         from cases c where c.warning_level in ('YELLOW', 'RED') group by 1 order by 1`,
      ),
    );
    const by = Object.fromEntries(warned.map((w) => [w.level, w]));
    expect(by['RED']!.cases).toBeGreaterThanOrEqual(1);
    expect(by['YELLOW']!.cases).toBeGreaterThanOrEqual(3);
    expect(by['RED']!.raised).toBe(by['RED']!.cases);

    // A year of history in every ending, reported at working hours, each case consistent in itself.
    const history = await withTenant(h.rt.orm, zhili!.id, (em) =>
      em.execute<{ status: string; n: number; oldest: number; off_hours: number; out_of_order: number }[]>(
        `select c.status, count(*)::int as n,
           max(extract(epoch from now() - c.reported_at) / 86400)::int as oldest,
           count(*) filter (where c.reported_at < now() - interval '2 days' and
             extract(hour from c.reported_at at time zone 'Asia/Shanghai') not between 8 and 16)::int as off_hours,
           count(*) filter (where exists (select 1 from case_events e where e.tenant_id = c.tenant_id and e.case_id = c.id
             and (e.occurred_at < c.reported_at - interval '1 second' or e.occurred_at > now())))::int as out_of_order
         from cases c group by 1 order by 1`,
      ),
    );
    const statuses = Object.fromEntries(history.map((r) => [r.status, r]));
    for (const st of ['CLOSED', 'REJECTED', 'UNRESOLVED', 'FOLLOW_UP', 'IN_PROGRESS', 'REPORTED'])
      expect(statuses[st]?.n ?? 0).toBeGreaterThan(0);
    expect(statuses['CLOSED']!.n).toBeGreaterThanOrEqual(40);
    expect(statuses['CLOSED']!.oldest).toBeGreaterThan(300);
    expect(history.every((r) => r.off_hours === 0 && r.out_of_order === 0)).toBe(true);
    // A mediation session moved with its case: its booking event and row agree, and it lies before the outcome.
    const sessions = await withTenant(h.rt.orm, zhili!.id, (em) =>
      em.execute<{ bad: number; n: number }[]>(
        `select count(*)::int as n, count(*) filter (where (e.data->>'startsAt')::timestamptz <> s.starts_at
           or s.ends_at > (select min(o.occurred_at) from case_events o where o.tenant_id = s.tenant_id and o.case_id = s.case_id
             and o.type = 'MEDIATION_OUTCOME'))::int as bad
         from mediation_sessions s join case_events e on e.tenant_id = s.tenant_id and e.case_id = s.case_id
           and e.type = 'MEDIATION_SCHEDULED' and e.data->>'sessionId' = s.id::text`,
      ),
    );
    // Numbers follow the year each case was reported in, on the timeline too, without gaps.
    const numbers = await withTenant(h.rt.orm, zhili!.id, (em) =>
      em.execute<{ bad: number; gaps: number; years: number }[]>(
        `select count(*) filter (where split_part(c.number, '-', 2)::int <> extract(year from c.reported_at at time zone 'Asia/Shanghai')
             or e.data->>'number' <> c.number)::int as bad,
           (select count(distinct split_part(number, '-', 2))::int from cases) as years,
           (select count(*)::int from (select split_part(number, '-', 2) y, max(split_part(number, '-', 3)::int) m, count(*) n
              from cases group by 1) g where g.m <> g.n) as gaps
         from cases c join case_events e on e.tenant_id = c.tenant_id and e.case_id = c.id and e.type = 'REPORTED'`,
      ),
    );
    expect(numbers[0]).toEqual({ bad: 0, gaps: 0, years: 2 });
    expect(sessions[0]!.n).toBeGreaterThan(10);
    expect(sessions[0]!.bad).toBe(0);
  } finally {
    await h.close();
  }
}, 120_000);

/** A table that gains a case's rows must move with the case, or a demo case's history tears apart. */
it('moves every table that holds a case row when it moves a demo case back in time', async () => {
  const owner = new Client({ connectionString: process.env['ONEDOOR_TEST_OWNER_URL'] });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ table_name: string }>(
      `select distinct c.table_name from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.column_name = 'case_id' order by 1`,
    );
    expect(rows.map((r) => r.table_name).filter((t) => !(t in CASE_TABLES))).toEqual([]);
  } finally {
    await owner.end();
  }
});
