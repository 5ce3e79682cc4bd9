import { startHarness } from '../utils/harness';
import { loadDemoData } from '../../src/dev/demo-data';
import { loadOlderHistory } from '../../src/dev/demo-year';
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
    const ownerUrl = process.env['ONEDOOR_TEST_OWNER_URL']!;
    // As `npm start` does: the recent weeks before the API answers, the older months after.
    let started = Date.now();
    expect(await loadDemoData(h.rt.services, { ownerUrl, olderHistory: 'later' })).toBe(true);
    const recentMs = Date.now() - started;
    started = Date.now();
    const older = await loadOlderHistory(h.rt.services, ownerUrl);
    console.log(`demo data: recent weeks in ${recentMs} ms, ${older} older stories in ${Date.now() - started} ms`);
    // A second run (npm start again) finds the year complete and adds nothing.
    expect(await loadOlderHistory(h.rt.services, ownerUrl)).toBe(0);
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
    expect(history.filter((r) => r.off_hours !== 0 || r.out_of_order !== 0)).toEqual([]);
    // A mediation session moved with its case: its booking event and row agree, and it lies before its outcome
    // (its own: a case mediated twice has a second session after the first one's outcome).
    const sessions = await withTenant(h.rt.orm, zhili!.id, (em) =>
      em.execute<{ bad: number; n: number }[]>(
        `select count(*)::int as n, count(*) filter (where (e.data->>'startsAt')::timestamptz <> s.starts_at
           or s.ends_at > (select min(o.occurred_at) from case_events o where o.tenant_id = s.tenant_id and o.case_id = s.case_id
             and o.type = 'MEDIATION_OUTCOME' and o.data->>'sessionId' = s.id::text))::int as bad
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

    // Issue 17, demo data: a year of several hundred cases in every state a case can rest in.
    expect(history.reduce((n, r) => n + r.n, 0)).toBeGreaterThanOrEqual(300);
    for (const st of ['ACCEPTED', 'DISPATCHED', 'ESCALATED', 'REFERRED', 'MERGED'])
      expect(statuses[st]?.n ?? 0).toBeGreaterThan(0);
    const [wuxing] = await h.rt.services.tenants.byCodesForSeed(['wuxing']);
    const shape = await withTenant(h.rt.orm, zhili!.id, (em) =>
      em.execute<Record<string, number>[]>(
        `select
           (select count(*)::int from case_events where type = 'SETTLED_BY_PARENT') as settled_by_county,
           (select count(*)::int from case_events where type = 'TAKEN_BACK') as taken_back,
           (select count(*)::int from case_escalations where to_tenant_id is not null and parent_case_id is not null) as escalated,
           (select count(*)::int from cases where recurrence_of_id is not null) as recurrences,
           (select count(*)::int from case_events where type = 'REOPENED') as reopened,
           (select count(*)::int from agreement_instalments where status = 'PAID' and paid_at::date <= due_on) as paid_on_time,
           (select count(*)::int from case_events where type = 'INSTALMENT_PAID' and (data->>'late')::boolean) as paid_late,
           (select count(*)::int from agreement_instalments where status <> 'PAID' and due_on < current_date) as overdue,
           (select count(*)::int from mediation_sessions where starts_at > now()) as booked_ahead,
           (select count(*)::int from follow_ups where status = 'DONE') as visits,
           (select count(*)::int from cases where extract(isodow from reported_at at time zone 'Asia/Shanghai') > 5) as weekend,
           (select count(distinct to_char(reported_at at time zone 'Asia/Shanghai', 'YYYY-MM'))::int from cases) as months`,
      ),
    );
    expect(shape[0]).toEqual({
      settled_by_county: expect.any(Number),
      taken_back: expect.any(Number),
      escalated: expect.any(Number),
      recurrences: expect.any(Number),
      reopened: expect.any(Number),
      paid_on_time: expect.any(Number),
      paid_late: expect.any(Number),
      overdue: expect.any(Number),
      booked_ahead: expect.any(Number),
      visits: expect.any(Number),
      weekend: expect.any(Number),
      months: expect.any(Number),
    });
    for (const [k, v] of Object.entries(shape[0]!)) expect([k, v > 0]).toEqual([k, true]);
    expect(shape[0]!['months']).toBeGreaterThanOrEqual(12);
    expect(shape[0]!['visits']).toBeGreaterThan(150);
    // The county decided what it received, in its own tenant: settled there, or sent back.
    const county = await withTenant(h.rt.orm, wuxing!.id, (em) =>
      em.execute<{ status: string; n: number }[]>(
        `select status, count(*)::int as n from cases where origin_case_id is not null group by 1 order by 1`,
      ),
    );
    const decided = Object.fromEntries(county.map((r) => [r.status, r.n]));
    expect(decided['CLOSED'] ?? 0).toBeGreaterThan(0);
    expect(decided['REJECTED'] ?? 0).toBeGreaterThan(0);
    // The county's numbers follow its own year too, without gaps.
    const countyNumbers = await withTenant(h.rt.orm, wuxing!.id, (em) =>
      em.execute<{ gaps: number }[]>(
        `select count(*)::int as gaps from (select split_part(number, '-', 2) y, max(split_part(number, '-', 3)::int) m, count(*) n
           from cases group by 1) g where g.m <> g.n`,
      ),
    );
    expect(countyNumbers[0]!.gaps).toBe(0);
  } finally {
    await h.close();
  }
}, 600_000);

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
