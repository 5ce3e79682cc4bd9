import { Client } from 'pg';
import { startHarness, type Harness } from '../utils/harness';
import {
  buildCenter,
  mutate,
  RECORD_OUTCOME,
  REPORT_CASE,
  SCHEDULE_MEDIATION,
  step,
  STEPS,
  type Center,
} from '../utils/cases';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const CASE_TABLES = [
  'cases',
  'case_parties',
  'case_assignees',
  'case_events',
  'case_duplicates',
  'case_escalations',
  'case_settings',
  'case_number_counters',
  'intake_keys',
  'routing_rules',
  'mediation_sessions',
  'session_mediators',
  'session_departments',
  'agreements',
  'referrals',
  'follow_ups',
];

/** The case operations across tenants: tenant A's staff, with every role, aim at tenant B's rows. */
describe('case isolation', () => {
  let h: Harness;
  let a: TenantRecord;
  let b: TenantRecord;
  let tokenA: string;
  let tokenB: string;
  let bCenter: Center;
  let aCenter: Center;
  const bIds: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    a = await h.createTenant('ciso-a');
    b = await h.createTenant('ciso-b');
    tokenA = await h.token({
      tenants: [a.code],
      roles: ['tenant-admin', 'intake-clerk', 'dispatcher', 'mediator', 'liaison', 'grid-worker', 'leader', 'auditor'],
    });
    tokenB = await h.token({
      tenants: [b.code],
      roles: ['tenant-admin', 'intake-clerk', 'dispatcher', 'mediator', 'leader'],
    });
    aCenter = await buildCenter(h, tokenA, [{ key: 'm', name: 'A 调解员', mediator: true }]);
    bCenter = await buildCenter(h, tokenB, [{ key: 'm', name: 'B 调解员', mediator: true }]);

    const report = (title: string) =>
      mutate(h, tokenB, REPORT_CASE, {
        title,
        channel: 'WALK_IN',
        categoryId: bCenter.category['lease'],
        idempotencyKey: `b-${title}`,
        parties: [{ role: 'APPLICANT', kind: 'PERSON', name: 'B 当事人', phone: '13911112222' }],
      });
    const resolved = (await report('B 已调解')).case!;
    bIds['resolved'] = resolved.id;
    bIds['resolvedNumber'] = resolved.number;
    await step(h, tokenB, STEPS.accept, { caseId: resolved.id });
    await step(h, tokenB, STEPS.dispatch, { caseId: resolved.id, orgUnitId: bCenter.centerId });
    const at = new Date(Date.now() - 2 * 3_600_000);
    const s = await mutate<{ session: { id: string } }>(h, tokenB, SCHEDULE_MEDIATION, {
      caseId: resolved.id,
      startsAt: at.toISOString(),
      endsAt: new Date(at.getTime() + 3_600_000).toISOString(),
      online: true,
      method: 'ONLINE',
      chosenBy: 'CLERK',
      mediatorIds: [bCenter.staff['m']],
    });
    bIds['session'] = s.session.id;
    await mutate(h, tokenB, RECORD_OUTCOME, {
      sessionId: s.session.id,
      outcome: 'AGREED',
      lateReason: '补录',
      agreement: { terms: 'B 的协议', amount: '100.00' },
    });
    await step(h, tokenB, STEPS.resolve, { caseId: resolved.id, resolution: 'B 解决' });
    const file = await h.gql<{
      case: { parties: { id: string }[]; agreements: { id: string }[]; followUps: { id: string }[] };
    }>(tokenB, 'query($id: ID!) { case(id: $id) { parties { id } agreements { id } followUps { id } } }', {
      id: resolved.id,
    });
    bIds['party'] = file.body.data!.case.parties[0]!.id;
    bIds['agreement'] = file.body.data!.case.agreements[0]!.id;
    bIds['followUp'] = file.body.data!.case.followUps[0]!.id;

    const referred = (await report('B 已移送')).case!;
    bIds['referredCase'] = referred.id;
    await step(h, tokenB, STEPS.accept, { caseId: referred.id });
    await step(h, tokenB, STEPS.refer, { caseId: referred.id, target: 'COURT', targetName: 'B 法院' });
    const rf = await h.gql<{ case: { referrals: { id: string }[] } }>(
      tokenB,
      'query($id: ID!) { case(id: $id) { referrals { id } } }',
      { id: referred.id },
    );
    bIds['referral'] = rf.body.data!.case.referrals[0]!.id;
    bIds['reported'] = (await report('B 新报')).case!.id;
    const rule = await h.gql<{ upsertRoutingRule: { routingRule: { id: string } } }>(
      tokenB,
      'mutation($i: UpsertRoutingRuleInput!) { upsertRoutingRule(input: $i) { routingRule { id } } }',
      { i: { name: 'B 规则', priority: 1, targetOrgUnitId: bCenter.stationId } },
    );
    bIds['rule'] = rule.body.data!.upsertRoutingRule.routingRule.id;
  });
  afterAll(() => h.close());

  const snapshotB = () =>
    withTenant(h.rt.orm, b.id, async (em) => ({
      cases: await em.execute(
        'select id, status, org_unit_id, closed_at, resolved_at, merged_into_id from cases order by id',
      ),
      events: (await em.execute<{ n: string }[]>('select count(*) as n from case_events'))[0]!.n,
      followUps: await em.execute('select id, status from follow_ups order by id'),
      agreements: await em.execute('select id, confirmation_status from agreements'),
      referrals: await em.execute('select id, outcome from referrals'),
      sessions: await em.execute('select id, status from mediation_sessions'),
      rules: await em.execute('select id, name, active from routing_rules'),
      settings: await em.execute('select * from case_settings'),
    }));

  it('never shows B cases, parties, rules or settings', async () => {
    const r = await h.gql<Record<string, unknown>>(
      tokenA,
      `query($id: ID!, $n: String!) { case(id: $id) { id } caseByNumber(number: $n) { id }
      cases(first: 100, filter: { statuses: [REPORTED, ACCEPTED, FOLLOW_UP, REFERRED, MERGED] }) { totalCount edges { node { id } } }
      routingRules(first: 100) { edges { node { id } } } caseSettings { followUpDays } }`,
      { id: bIds['resolved'], n: bIds['resolvedNumber'] },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toMatchObject({
      case: null,
      caseByNumber: null,
      cases: { totalCount: 0, edges: [] },
      routingRules: { edges: [] },
    });
  });

  it("suggests no B case as a duplicate of A's report, though B's own desk finds it", async () => {
    const DUPLICATES = 'query($i: DuplicateCheckInput!) { duplicateCandidates(input: $i) { case { id } reasons } }';
    const ask = (token: string) =>
      h.gql<{ duplicateCandidates: { case: { id: string } | null; reasons: string[] }[] }>(token, DUPLICATES, {
        i: { phones: ['13911112222'] },
      });
    const fromB = await ask(tokenB);
    expect(fromB.body.data!.duplicateCandidates.length).toBeGreaterThan(0);
    const fromA = await ask(tokenA);
    expect(fromA.body.errors).toBeUndefined();
    expect(fromA.body.data!.duplicateCandidates).toEqual([]);
  });

  it('cannot move, annotate, merge, mediate, refer, follow up or reveal B rows, and says "not found"', async () => {
    const before = await snapshotB();
    const codes = async (q: string, i: Record<string, unknown>) =>
      (await mutate<{ userErrors: { code: string }[] }>(h, tokenA, q, i)).userErrors.map((e) => e.code);
    const onB: [string, Record<string, unknown>, string][] = [
      [STEPS.accept, { caseId: bIds['reported'] }, 'NOT_FOUND'],
      [STEPS.reject, { caseId: bIds['reported'], reason: 'x' }, 'NOT_FOUND'],
      [STEPS.dispatch, { caseId: bIds['reported'], orgUnitId: aCenter.centerId }, 'NOT_FOUND'],
      [STEPS.return, { caseId: bIds['reported'], reason: 'x' }, 'NOT_FOUND'],
      [STEPS.assign, { caseId: bIds['reported'], staffIds: [aCenter.staff['m']] }, 'NOT_FOUND'],
      [STEPS.note, { caseId: bIds['resolved'], text: 'x' }, 'NOT_FOUND'],
      [STEPS.resolve, { caseId: bIds['reported'], resolution: 'x' }, 'NOT_FOUND'],
      [STEPS.unresolved, { caseId: bIds['reported'], reason: 'x' }, 'NOT_FOUND'],
      [STEPS.escalate, { caseId: bIds['reported'], reason: 'x' }, 'NOT_FOUND'],
      [STEPS.takeBack, { caseId: bIds['reported'], reason: 'x' }, 'NOT_FOUND'],
      [STEPS.close, { caseId: bIds['resolved'] }, 'NOT_FOUND'],
      [STEPS.reopen, { caseId: bIds['resolved'], reason: 'x' }, 'NOT_FOUND'],
      [STEPS.refer, { caseId: bIds['reported'], target: 'COURT', targetName: 'x' }, 'NOT_FOUND'],
      [
        STEPS.scheduleFollowUp,
        { caseId: bIds['resolved'], dueAt: new Date(Date.now() + 86_400_000).toISOString() },
        'NOT_FOUND',
      ],
      [STEPS.completeFollowUp, { followUpId: bIds['followUp'], result: 'KEPT' }, 'FOLLOW_UP_NOT_FOUND'],
      [
        SCHEDULE_MEDIATION,
        {
          caseId: bIds['reported'],
          startsAt: new Date(Date.now() + 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + 7_200_000).toISOString(),
          online: true,
          method: 'ONLINE',
          chosenBy: 'CLERK',
          mediatorIds: [aCenter.staff['m']],
        },
        'NOT_FOUND',
      ],
      [RECORD_OUTCOME, { sessionId: bIds['session'], outcome: 'FAILED' }, 'SESSION_NOT_FOUND'],
      [
        'mutation($i: RescheduleMediationInput!) { rescheduleMediation(input: $i) { userErrors { code } } }',
        {
          sessionId: bIds['session'],
          startsAt: new Date(Date.now() + 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + 7_200_000).toISOString(),
          reason: 'x',
        },
        'SESSION_NOT_FOUND',
      ],
      [
        'mutation($i: CancelMediationInput!) { cancelMediation(input: $i) { userErrors { code } } }',
        { sessionId: bIds['session'], reason: 'x' },
        'SESSION_NOT_FOUND',
      ],
      [
        'mutation($i: RecordJudicialConfirmationInput!) { recordJudicialConfirmation(input: $i) { userErrors { code } } }',
        { agreementId: bIds['agreement'], status: 'CONFIRMED', court: 'x' },
        'AGREEMENT_NOT_FOUND',
      ],
      [
        'mutation($i: RecordReferralOutcomeInput!) { recordReferralOutcome(input: $i) { userErrors { code } } }',
        { referralId: bIds['referral'], outcome: 'x' },
        'REFERRAL_NOT_FOUND',
      ],
      [
        'mutation($i: RevealPartyInput!) { revealParty(input: $i) { party { phone } userErrors { code } } }',
        { partyId: bIds['party'], reason: 'x' },
        'NOT_FOUND',
      ],
      [
        'mutation($i: UpsertRoutingRuleInput!) { upsertRoutingRule(input: $i) { userErrors { code } } }',
        { id: bIds['rule'], name: 'x', priority: 1, targetOrgUnitId: aCenter.centerId },
        'NOT_FOUND',
      ],
      [
        'mutation($i: DeleteRoutingRuleInput!) { deleteRoutingRule(input: $i) { userErrors { code } } }',
        { id: bIds['rule'] },
        'NOT_FOUND',
      ],
    ];
    for (const [q, i, code] of onB)
      expect([q.match(/\{ (\w+)\(/)![1], await codes(q, i)]).toEqual([q.match(/\{ (\w+)\(/)![1], [code]]);

    // A's own cases cannot point at B's units, departments, categories, staff or cases.
    const own = (await mutate(h, tokenA, REPORT_CASE, { title: 'A 案件', channel: 'WALK_IN' })).case!;
    await step(h, tokenA, STEPS.accept, { caseId: own.id });
    expect(
      await codes(REPORT_CASE, {
        title: 'x',
        channel: 'WALK_IN',
        categoryId: bCenter.category['lease'],
        reportedOrgUnitId: bCenter.gridId,
      }),
    ).toEqual(['CATEGORY_NOT_FOUND', 'ORG_UNIT_NOT_FOUND']);
    expect(await codes(STEPS.dispatch, { caseId: own.id, orgUnitId: bCenter.centerId })).toEqual([
      'ORG_UNIT_NOT_FOUND',
    ]);
    expect(await codes(STEPS.dispatch, { caseId: own.id, departmentId: bCenter.dept['lawyers'] })).toEqual([
      'DEPARTMENT_NOT_FOUND',
    ]);
    expect(await codes(STEPS.assign, { caseId: own.id, staffIds: [bCenter.staff['m']] })).toEqual(['STAFF_NOT_FOUND']);
    expect(await codes(STEPS.merge, { survivorId: own.id, duplicateIds: [bIds['reported']] })).toEqual(['NOT_FOUND']);
    expect(await codes(STEPS.merge, { survivorId: bIds['reported'], duplicateIds: [own.id] })).toEqual(['NOT_FOUND']);
    expect(
      await codes('mutation($i: UpsertRoutingRuleInput!) { upsertRoutingRule(input: $i) { userErrors { code } } }', {
        name: 'x',
        priority: 1,
        categoryId: bCenter.category['lease'],
        targetOrgUnitId: bCenter.centerId,
        targetDepartmentId: bCenter.dept['lawyers'],
      }),
    ).toEqual(['CATEGORY_NOT_FOUND', 'ORG_UNIT_NOT_FOUND', 'DEPARTMENT_NOT_FOUND']);
    // B's idempotency key means nothing in A: A gets its own case.
    const sameKey = await mutate(h, tokenA, REPORT_CASE, {
      title: 'B 新报',
      channel: 'WALK_IN',
      idempotencyKey: 'b-B 新报',
    });
    expect(sameKey.case!.id).not.toBe(bIds['reported']);
    await h.gql(
      tokenA,
      'mutation { updateCaseSettings(input: { followUpDays: 30, personalDataRoles: ["mediator"] }) { userErrors { code } } }',
    );

    expect(await snapshotB()).toEqual(before);
  });

  it('keeps every case table behind RLS for the app role', async () => {
    const db = new Client({ connectionString: process.env['ONEDOOR_TEST_DATABASE_URL'] });
    await db.connect();
    try {
      for (const t of CASE_TABLES)
        expect([t, (await db.query(`select count(*)::int as n from ${t}`)).rows[0].n]).toEqual([t, 0]);
      await db.query('begin');
      await db.query("select set_config('app.tenant_id', $1, true)", [a.id]);
      expect((await db.query('update cases set status = $1 where tenant_id = $2', ['CLOSED', b.id])).rowCount).toBe(0);
      await expect(
        db.query('insert into case_events (tenant_id, id, case_id, type) values ($1, gen_random_uuid(), $2, $3)', [
          b.id,
          bIds['resolved'],
          'FORGED',
        ]),
      ).rejects.toThrow(/row-level security/);
      await db.query('rollback');
      await db.query('begin');
      await db.query("select set_config('app.tenant_id', $1, true)", [b.id]);
      // The digital file is append-only, even for its own tenant.
      await expect(db.query("update case_events set type = 'X'")).rejects.toThrow(/permission denied/);
      await db.query('rollback');
      await expect(db.query('delete from case_events')).rejects.toThrow(/permission denied/);
    } finally {
      await db.end();
    }
  });
});
