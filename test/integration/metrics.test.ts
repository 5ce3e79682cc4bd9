import { randomUUID } from 'node:crypto';
import { tenantReads } from '../../src/core/db/tenant-read';
import { startHarness, type Harness } from '../utils/harness';
import { withTenant, withTenantScope, type Em } from '../../src/core/tenancy/tenant-tx';
import { MetricsService } from '../../src/modules/metrics/metrics.service';
import type { TenantScope } from '../../src/core/tenancy/scope';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

/** Beijing time (UTC+8) as an instant. */
const bj = (local: string) => new Date(`${local}+08:00`);

interface Seed {
  reported: string;
  status: string;
  channel?: string;
  accepted?: string;
  dispatched?: string;
  resolved?: string;
  closed?: string;
  onSite?: boolean;
  warning?: string;
  recurrenceOf?: string;
  /** the RESOLVE clock: [due, met or null] */
  clock?: [string, string | null];
}

const METRICS = /* GraphQL */ `query($r: DateRangeInput!, $g: MetricsGroupBy) { caseMetrics(range: $r, groupBy: $g) {
  reported timeZone
  sameDayAcceptance { numerator denominator rate lowConfidence } onSiteResolution { numerator denominator }
  resolution { numerator denominator } backflow { numerator denominator } onTime { numerator denominator }
  timeToAccept { medianHours p90Hours count } timeToResolve { count } openByWarning { green yellow red }
  groups { key reported resolved open } } }`;

/**
 * Hand-computed figures over cases whose times are set exactly (seeded as rows: the figures read
 * rows, and the case steps cannot be run in the past). October 2026, Beijing time.
 */
describe('case metrics', () => {
  let h: Harness;
  let county: TenantRecord;
  let town: TenantRecord;
  let town2: TenantRecord;
  const ids: Record<string, string> = {};
  const october = { from: bj('2026-10-01T00:00:00').toISOString(), to: bj('2026-11-01T00:00:00').toISOString() };

  async function seed(em: Em, t: TenantRecord, key: string, s: Seed) {
    const id = randomUUID();
    ids[key] = id;
    await em.execute(
      `insert into cases (tenant_id, id, number, title, channel, status, risk_level, warning_level, reported_at, accepted_at, dispatched_at, resolved_at, closed_at, resolved_on_site, recurrence_of_id)
       values (?, ?, ?, ?, ?, ?, 'LOW', ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        t.id,
        id,
        `${t.caseNumberPrefix}-2026-${key}`,
        `案件 ${key}`,
        s.channel ?? 'WALK_IN',
        s.status,
        s.warning ?? (['CLOSED', 'REJECTED', 'MERGED'].includes(s.status) ? 'NONE' : 'GREEN'),
        bj(s.reported),
        s.accepted ? bj(s.accepted) : null,
        s.dispatched ? bj(s.dispatched) : null,
        s.resolved ? bj(s.resolved) : null,
        s.closed ? bj(s.closed) : null,
        s.onSite ?? null,
        s.recurrenceOf ? ids[s.recurrenceOf] : null,
      ],
    );
    if (s.clock) {
      await em.execute(
        `insert into deadlines (tenant_id, id, case_id, step, target, mode, started_at, due_at, yellow_at, red_at, status, met_at)
         values (?, ?, ?, 'RESOLVE', 'P5D', 'CALENDAR', ?, ?, ?, ?, ?, ?)`,
        [
          t.id,
          randomUUID(),
          id,
          bj(s.accepted!),
          bj(s.clock[0]),
          bj(s.clock[0]),
          bj(s.clock[0]),
          s.clock[1] ? 'MET' : 'OPEN',
          s.clock[1] ? bj(s.clock[1]) : null,
        ],
      );
    }
  }

  beforeAll(async () => {
    h = await startHarness();
    county = await h.createTenant('mx-county', { level: 'DISTRICT' });
    town = await h.createTenant('mx-town', { parentId: county.id, level: 'TOWN' });
    town2 = await h.createTenant('mx-town2', { parentId: county.id, level: 'TOWN' });
    await withTenant(h.rt.orm, town.id, async (em) => {
      // Reported 23:59, accepted six minutes later on the next local day: not same-day.
      await seed(em, town, 'A', {
        reported: '2026-10-10T23:59:00',
        accepted: '2026-10-11T00:05:00',
        resolved: '2026-10-12T10:00:00',
        closed: '2026-10-20T10:00:00',
        status: 'CLOSED',
        onSite: true,
        clock: ['2026-10-20T00:00:00', '2026-10-12T10:00:00'],
      });
      // Reported 00:01 (still 10 October in UTC), accepted 00:30: same local day. Resolved after escalation, late.
      await seed(em, town, 'B', {
        reported: '2026-10-11T00:01:00',
        accepted: '2026-10-11T00:30:00',
        dispatched: '2026-10-11T09:00:00',
        resolved: '2026-10-20T10:00:00',
        status: 'FOLLOW_UP',
        onSite: false,
        clock: ['2026-10-15T00:00:00', '2026-10-20T10:00:00'],
      });
      await seed(em, town, 'C', {
        reported: '2026-10-15T10:00:00',
        accepted: '2026-10-15T10:30:00',
        resolved: '2026-10-16T10:00:00',
        closed: '2026-10-23T10:00:00',
        status: 'CLOSED',
        onSite: true,
        channel: 'PATROL',
        clock: ['2026-10-25T00:00:00', '2026-10-16T10:00:00'],
      });
      // C came back: a recurrence, open and past its due time.
      await seed(em, town, 'D', {
        reported: '2026-10-25T09:00:00',
        accepted: '2026-10-25T10:00:00',
        status: 'IN_PROGRESS',
        warning: 'RED',
        recurrenceOf: 'C',
        clock: ['2026-10-27T00:00:00', null],
      });
      await seed(em, town, 'E', { reported: '2026-10-20T09:00:00', closed: '2026-10-20T11:00:00', status: 'REJECTED' });
      await seed(em, town, 'F', { reported: '2026-10-05T09:00:00', status: 'REPORTED', warning: 'YELLOW' });
      // Outside October by a minute either side, and a merged duplicate: not in the cohort.
      await seed(em, town, 'G', {
        reported: '2026-09-30T23:59:00',
        accepted: '2026-09-30T23:59:30',
        status: 'CLOSED',
        closed: '2026-10-02T00:00:00',
      });
      await seed(em, town, 'H', { reported: '2026-11-01T00:01:00', status: 'REPORTED' });
      await seed(em, town, 'M', { reported: '2026-10-12T09:00:00', status: 'MERGED' });
    });
    await withTenant(h.rt.orm, town2.id, async (em) => {
      await seed(em, town2, 'P', {
        reported: '2026-10-03T08:00:00',
        accepted: '2026-10-03T09:00:00',
        resolved: '2026-10-04T08:00:00',
        status: 'FOLLOW_UP',
        onSite: true,
        clock: ['2026-10-10T00:00:00', '2026-10-04T08:00:00'],
      });
      await seed(em, town2, 'Q', {
        reported: '2026-10-03T22:00:00',
        accepted: '2026-10-04T08:00:00',
        status: 'IN_PROGRESS',
      });
    });
  });
  afterAll(() => h.close());

  it('computes every figure with its numerator and denominator', async () => {
    const leader = await h.token({ tenants: [town.code], roles: ['leader'] });
    const r = await h.gql<{ caseMetrics: Record<string, unknown> }>(leader, METRICS, { r: october });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.caseMetrics).toEqual({
      reported: 6,
      timeZone: 'Asia/Shanghai',
      // B, C, D accepted and E rejected on their local day; A (23:59 → 00:05) and F (never) not.
      sameDayAcceptance: { numerator: 4, denominator: 6, rate: 4 / 6, lowConfidence: true },
      onSiteResolution: { numerator: 2, denominator: 3 }, // A and C of A, B, C
      resolution: { numerator: 3, denominator: 4 }, // A, B, C of the accepted A, B, C, D
      backflow: { numerator: 1, denominator: 3 }, // C came back as D
      onTime: { numerator: 2, denominator: 4 }, // A and C in time; B late; D open past due counts as late
      // Hours to accept: 0.1 (A), 0.483 (B), 0.5 (C), 1 (D): median 0.49, p90 0.85.
      timeToAccept: { medianHours: 0.49, p90Hours: 0.85, count: 4 },
      timeToResolve: { count: 3 },
      // Every open case now, in or out of the range: B and H green, F yellow, D red.
      openByWarning: { green: 2, yellow: 1, red: 1 },
      groups: [],
    });
  });

  it('computes only the parts the operation selects, through fragments, with the same figures', async () => {
    const leader = await h.token({ tenants: [town.code], roles: ['leader'] });
    let statements = 0;
    const knex = h.rt.orm.em.getConnection().getKnex();
    const onQuery = () => statements++;
    knex.on('query', onQuery);
    // Reads outside a transaction (the caller's saved language on a cache miss): the setting and the statement.
    const onRead = () => (statements += 2);
    tenantReads.on('read', onRead);
    try {
      const run = async (query: string) => {
        const before = statements;
        const r = await h.gql<{ caseMetrics: Record<string, unknown> }>(leader, query, { r: october });
        expect(r.body.errors).toBeUndefined();
        return { figures: r.body.data!.caseMetrics, statements: statements - before };
      };
      const full = await run(METRICS);
      // The board's trend day: two numbers, asked through a fragment.
      const day = await run(
        'query($r: DateRangeInput!) { caseMetrics(range: $r) { ...D } } fragment D on CaseMetrics { reported resolution { numerator } }',
      );
      expect(day.figures).toEqual({ reported: 6, resolution: { numerator: 3 } });
      // Each part costs at least one statement of its own: the seven-day trend paid for six it never showed.
      expect(day.statements).toBeLessThanOrEqual(full.statements - 4);
      // A part asked for only inside a fragment is still computed.
      const warnings = await run(
        'query($r: DateRangeInput!) { caseMetrics(range: $r) { reported ... on CaseMetrics { ...W } } } fragment W on CaseMetrics { openByWarning { green yellow red } onTime { numerator denominator } }',
      );
      expect(warnings.figures).toEqual({
        reported: 6,
        openByWarning: full.figures['openByWarning'],
        onTime: full.figures['onTime'],
      });
    } finally {
      knex.off('query', onQuery);
      tenantReads.off('read', onRead);
    }
  });

  it('gives the same figures from the stored daily figures, with changed days computed live', async () => {
    const q = { from: new Date(october.from), to: new Date(october.to) };
    const inTown = <T>(fn: (scope: TenantScope) => Promise<T>) =>
      withTenantScope(h.rt.orm, town, { subject: 'test', requestId: 'test', ip: null }, fn);
    const days = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
    expect(await inTown((s) => h.rt.services.metrics.days.refresh(s, days))).toBe(31);
    const stored = new MetricsService(h.rt.orm, h.rt.services.metrics.days, 1);
    const exact = await inTown((s) => h.rt.services.metrics.caseMetrics(s, q));
    const summed = await inTown((s) => stored.caseMetrics(s, q));
    const { timeToAccept: ea, timeToDispatch: _ed, timeToResolve: _er, ...exactCounts } = exact;
    const { timeToAccept: sa, timeToDispatch: _sd, timeToResolve: _sr, ...summedCounts } = summed;
    expect(summedCounts).toEqual(exactCounts);
    expect(sa.count).toBe(ea.count);
    expect(Math.abs(sa.median! - ea.median!) / ea.median!).toBeLessThan(0.1);
    // Four values: the exact p90 interpolates between them, the histogram within a bucket; both lie in the data's range.
    expect(sa.p90!).toBeGreaterThanOrEqual(0.1);
    expect(sa.p90!).toBeLessThanOrEqual(1.1);

    // F is accepted the day it was reported; its day is marked changed and is counted live until refreshed.
    await withTenant(h.rt.orm, town.id, (em) =>
      em.execute('update cases set accepted_at = ?, status = ? where id = ?', [
        bj('2026-10-05T10:00:00'),
        'ACCEPTED',
        ids['F'],
      ]),
    );
    await inTown((s) => h.rt.services.metrics.days.markDirty(s, ['2026-10-05']));
    const live = await inTown((s) => stored.caseMetrics(s, q));
    expect(live.sameDayAcceptance).toEqual({ numerator: 5, denominator: 6, rate: 5 / 6 });
    expect(await inTown((s) => h.rt.services.metrics.days.refresh(s))).toBe(1);
    expect((await inTown((s) => stored.caseMetrics(s, q))).sameDayAcceptance.numerator).toBe(5);
    await withTenant(h.rt.orm, town.id, (em) =>
      em.execute('update cases set accepted_at = null, status = ? where id = ?', ['REPORTED', ids['F']]),
    );
    await inTown((s) => h.rt.services.metrics.days.refresh(s, ['2026-10-05']));
  });

  it('breaks the cohort down by the dimension asked for', async () => {
    const leader = await h.token({ tenants: [town.code], roles: ['leader'] });
    const r = await h.gql<{
      caseMetrics: { groups: { key: string; reported: number; resolved: number; open: number }[] };
    }>(leader, METRICS, { r: october, g: 'CHANNEL' });
    expect(r.body.data!.caseMetrics.groups).toEqual([
      { key: 'WALK_IN', reported: 5, resolved: 2, open: 3 },
      { key: 'PATROL', reported: 1, resolved: 1, open: 0 },
    ]);
  });

  it('rolls the towns up to the county: the sum of the children, and no case of theirs', async () => {
    const countyLeader = await h.token({ tenants: [county.code], roles: ['leader'] });
    const r = await h.gql<{
      childTenantMetrics: Record<string, unknown> & {
        children: {
          tenant: { code: string };
          metrics: { reported: number; sameDayAcceptance: { numerator: number; denominator: number } };
        }[];
      };
    }>(
      countyLeader,
      `query($r: DateRangeInput!) { childTenantMetrics(range: $r) { reported sameDayAcceptance { numerator denominator } resolution { numerator denominator }
        onTime { numerator denominator } openByWarning { green yellow red }
        children { tenant { code } metrics { reported sameDayAcceptance { numerator denominator } } } } }`,
      { r: october },
    );
    const roll = r.body.data!.childTenantMetrics;
    expect(roll.children.map((c) => [c.tenant.code, c.metrics.reported, c.metrics.sameDayAcceptance])).toEqual(
      [
        [town.code, 6, { numerator: 4, denominator: 6 }],
        [town2.code, 2, { numerator: 1, denominator: 2 }],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(roll).toMatchObject({
      reported: 8,
      sameDayAcceptance: { numerator: 5, denominator: 8 },
      resolution: { numerator: 4, denominator: 6 },
      onTime: { numerator: 3, denominator: 5 },
      openByWarning: { green: 4, yellow: 1, red: 1 },
    });
    // The county's own figures and lists contain none of the towns' cases.
    const own = await h.gql<{ caseMetrics: { reported: number }; cases: { edges: unknown[] }; case: null }>(
      countyLeader,
      `query($r: DateRangeInput!, $id: ID!) { caseMetrics(range: $r) { reported } cases(first: 50) { edges { node { id } } } case(id: $id) { id } }`,
      { r: october, id: ids['A'] },
    );
    expect(own.body.data).toEqual({ caseMetrics: { reported: 0 }, cases: { edges: [] }, case: null });
    const partyId = randomUUID();
    await withTenant(h.rt.orm, town.id, (em) =>
      em.execute(
        "insert into case_parties (tenant_id, id, case_id, role, kind, name, phone) values (?, ?, ?, 'APPLICANT', 'PERSON', '村民甲', '13600001111')",
        [town.id, partyId, ids['A']],
      ),
    );
    const reveal = await h.gql<{ revealParty: { party: null; userErrors: { code: string }[] } }>(
      countyLeader,
      'mutation($i: RevealPartyInput!) { revealParty(input: $i) { party { phone } userErrors { code } } }',
      { i: { partyId, reason: '区级核查' } },
    );
    expect(reveal.body.data!.revealParty).toEqual({ party: null, userErrors: [{ code: 'NOT_FOUND' }] });
    // A town has no children to roll up, and cannot reach its siblings through the roll-up.
    const townLeader = await h.token({ tenants: [town.code], roles: ['leader'] });
    const none = await h.gql<{ childTenantMetrics: { children: unknown[]; reported: number } }>(
      townLeader,
      'query($r: DateRangeInput!) { childTenantMetrics(range: $r) { reported children { tenant { code } } } }',
      { r: october },
    );
    expect(none.body.data!.childTenantMetrics).toEqual({ reported: 0, children: [] });
  });

  it('exports the figures as CSV, Chinese by default, with the breakdown asked for', async () => {
    const leader = await h.token({ tenants: [town.code], roles: ['leader'] });
    const get = (q: string) =>
      fetch(`${h.url}/exports/metrics.csv?${q}`, { headers: { authorization: `Bearer ${leader}` } });
    const res = await get('from=2026-10-01&to=2026-11-01&groupBy=CHANNEL');
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^指标,分子,分母,比率/);
    expect(lines.find((l) => l.startsWith('当日受理率,'))).toMatch(/^当日受理率,4,6,/);
    expect(lines.find((l) => l.startsWith('按时办结率,'))).toMatch(/^按时办结率,2,4,/);
    // Groups by their labels (issue 14); this read 渠道：WALK_IN before.
    expect(lines.find((l) => l.startsWith('渠道：来访,'))).toMatch(/^渠道：来访,2,5,/);
    const en = await (await get('from=2026-10-01&to=2026-11-01&lang=en')).text();
    expect(en).toContain('Same-day acceptance,4,6');
    expect((await get('to=2026-11-01')).status).toBe(400);
    const mediator = await h.token({ tenants: [town.code], roles: ['mediator'] });
    expect(
      (
        await fetch(`${h.url}/exports/metrics.csv?from=2026-10-01&to=2026-11-01`, {
          headers: { authorization: `Bearer ${mediator}` },
        })
      ).status,
    ).toBe(403);
  });

  it('lists RED and YELLOW cases soonest due first, with counts per unit', async () => {
    const leader = await h.token({ tenants: [town.code], roles: ['leader'] });
    const r = await h.gql<{
      warningBoard: {
        entries: { edges: { node: { nextDueAt: string | null; case: { number: string; warningLevel: string } } }[] };
        perUnit: { red: number; yellow: number }[];
      };
    }>(
      leader,
      '{ warningBoard(first: 10) { entries { edges { node { nextDueAt case { number warningLevel } } } } perUnit { red yellow } } }',
    );
    expect(r.body.data!.warningBoard.entries.edges.map((e) => [e.node.case.warningLevel, e.node.nextDueAt])).toEqual([
      ['RED', bj('2026-10-27T00:00:00').toISOString()],
      ['YELLOW', null],
    ]);
    expect(r.body.data!.warningBoard.perUnit).toEqual([{ red: 1, yellow: 1 }]);
  });

  it('refuses ranges that are backwards or too long, and roles that may not see figures', async () => {
    const leader = await h.token({ tenants: [town.code], roles: ['leader'] });
    const back = await h.gql(leader, METRICS, { r: { from: october.to, to: october.from } });
    expect(back.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const clerk = await h.token({ tenants: [town.code], roles: ['mediator'] });
    expect((await h.gql(clerk, METRICS, { r: october })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('counts supervision notices against the unit they were sent to: answered in time, late, and unanswered past the reply-by time', async () => {
    const unit = { center: randomUUID(), a: randomUUID(), grid: randomUUID(), b: randomUUID() };
    await withTenant(h.rt.orm, town.id, async (em) => {
      for (const [id, kind, name, parent] of [
        [unit.center, 'CENTER', '镇综治中心', null],
        [unit.a, 'STATION', '甲村工作站', unit.center],
        [unit.grid, 'GRID', '甲村一网格', unit.a],
        [unit.b, 'STATION', '乙村工作站', unit.center],
      ] as const) {
        await em.execute('insert into org_units (tenant_id, id, kind, name, parent_id) values (?, ?, ?, ?, ?)', [
          town.id,
          id,
          kind,
          name,
          parent,
        ]);
      }
      const notice = (orgUnitId: string, source: string, created: string, replyBy: string, replied: string | null) =>
        em.execute(
          `insert into supervision_notices (tenant_id, id, case_id, org_unit_id, source, message, reply_by, reply, replied_at, created_at)
         values (?, ?, ?, ?, ?, '请加快办理', ?, ?, ?, ?)`,
          [
            town.id,
            randomUUID(),
            ids['B'],
            orgUnitId,
            source,
            bj(replyBy),
            replied ? '已处理' : null,
            replied ? bj(replied) : null,
            bj(created),
          ],
        );
      await notice(unit.a, 'MANUAL', '2026-10-12T10:00:00', '2026-10-13T10:00:00', '2026-10-13T09:00:00'); // answered in time
      await notice(unit.a, 'SLA', '2026-10-20T10:00:00', '2026-10-21T10:00:00', '2026-10-22T10:00:00'); // answered a day late
      await notice(unit.grid, 'MANUAL', '2026-10-25T10:00:00', '2026-10-26T10:00:00', null); // never answered, past due
      await notice(unit.b, 'MANUAL', '2026-10-28T10:00:00', '2099-01-01T00:00:00', null); // not answered yet, not due
      await notice(unit.a, 'MANUAL', '2026-09-30T23:00:00', '2026-10-01T10:00:00', null); // issued in September
    });
    const leader = await h.token({ tenants: [town.code], roles: ['leader'] });
    const q = `query($r: DateRangeInput!, $u: ID) { caseMetrics(range: $r, orgUnitId: $u) { supervision {
      issued manual replied repliedLate unansweredOverdue replyOnTime { numerator denominator }
      byUnit { orgUnit { name } issued replied repliedLate unansweredOverdue } } } }`;
    type Sup = {
      issued: number;
      replyOnTime: { numerator: number; denominator: number };
      byUnit: { orgUnit: { name: string }; issued: number }[];
    };
    const all = await h.gql<{ caseMetrics: { supervision: Sup } }>(leader, q, { r: october });
    expect(all.body.errors).toBeUndefined();
    const sv = all.body.data!.caseMetrics.supervision;
    expect({ ...sv, byUnit: undefined }).toEqual({
      issued: 4,
      manual: 3,
      replied: 2,
      repliedLate: 1,
      unansweredOverdue: 1,
      replyOnTime: { numerator: 1, denominator: 3 },
      byUnit: undefined,
    });
    expect(sv.byUnit[0]).toEqual({
      orgUnit: { name: '甲村工作站' },
      issued: 2,
      replied: 2,
      repliedLate: 1,
      unansweredOverdue: 0,
    });
    expect(sv.byUnit.slice(1).sort((x, y) => x.orgUnit.name.localeCompare(y.orgUnit.name))).toEqual(
      [
        { orgUnit: { name: '乙村工作站' }, issued: 1, replied: 0, repliedLate: 0, unansweredOverdue: 0 },
        { orgUnit: { name: '甲村一网格' }, issued: 1, replied: 0, repliedLate: 0, unansweredOverdue: 1 },
      ].sort((x, y) => x.orgUnit.name.localeCompare(y.orgUnit.name)),
    );

    // A station answers for its own notices and its grids'.
    const station = await h.gql<{ caseMetrics: { supervision: Sup } }>(leader, q, { r: october, u: unit.a });
    expect(station.body.data!.caseMetrics.supervision).toMatchObject({
      issued: 3,
      replied: 2,
      repliedLate: 1,
      unansweredOverdue: 1,
      replyOnTime: { numerator: 1, denominator: 3 },
    });

    // The county sees the sum, and no unit of the town's.
    const countyLeader = await h.token({ tenants: [county.code], roles: ['leader'] });
    const roll = await h.gql<{ childTenantMetrics: { supervision: Record<string, unknown> } }>(
      countyLeader,
      'query($r: DateRangeInput!) { childTenantMetrics(range: $r) { supervision { issued replied repliedLate unansweredOverdue replyOnTime { numerator denominator } } } }',
      { r: october },
    );
    expect(roll.body.data!.childTenantMetrics.supervision).toEqual({
      issued: 4,
      replied: 2,
      repliedLate: 1,
      unansweredOverdue: 1,
      replyOnTime: { numerator: 1, denominator: 3 },
    });

    const csv = await (
      await fetch(`${h.url}/exports/metrics.csv?from=2026-10-01&to=2026-11-01`, {
        headers: { authorization: `Bearer ${leader}` },
      })
    ).text();
    expect(csv).toMatch(/\r?\n督办按时回复率,1,3,/);
    expect(csv).toMatch(/\r?\n督办：逾期未回复,1,/);
  });
});
