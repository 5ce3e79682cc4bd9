import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, REPORT_CASE, step, STEPS } from '../utils/cases';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

/** SLA policies, calendars, deadlines, extensions and supervision across tenants. */
describe('SLA isolation', () => {
  let h: Harness;
  let a: TenantRecord;
  let b: TenantRecord;
  let tokenA: string;
  const bIds: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    a = await h.createTenant('sla-iso-a');
    b = await h.createTenant('sla-iso-b');
    tokenA = await h.token({
      tenants: [a.code],
      roles: ['tenant-admin', 'leader', 'dispatcher', 'mediator', 'auditor'],
    });
    const tokenB = await h.token({ tenants: [b.code], roles: ['tenant-admin', 'leader', 'intake-clerk', 'mediator'] });
    const centerB = await buildCenter(h, tokenB, [{ key: 'm', name: '乙调解员', mediator: true }]);
    bIds['staff'] = centerB.staff['m']!;
    const policies = await h.gql<{ slaPolicies: { edges: { node: { id: string } }[] } }>(
      tokenB,
      '{ slaPolicies(first: 10) { edges { node { id } } } }',
    );
    bIds['policy'] = policies.body.data!.slaPolicies.edges[0]!.node.id;
    const c = (await mutate(h, tokenB, REPORT_CASE, { title: 'B 案件', channel: 'WALK_IN' })).case!;
    bIds['case'] = c.id;
    await step(h, tokenB, STEPS.accept, { caseId: c.id });
    const d = await h.gql<{ case: { deadlines: { id: string; step: string }[] } }>(
      tokenB,
      'query($id: ID!) { case(id: $id) { deadlines { id step } } }',
      { id: c.id },
    );
    bIds['deadline'] = d.body.data!.case.deadlines.find((x) => x.step === 'RESOLVE')!.id;
    const r = await mutate<{ extensionRequest: { id: string } }>(
      h,
      tokenB,
      'mutation($i: RequestDeadlineExtensionInput!) { requestDeadlineExtension(input: $i) { extensionRequest { id } userErrors { code } } }',
      { deadlineId: bIds['deadline'], newDueAt: new Date(Date.now() + 90 * 86_400_000).toISOString(), reason: 'B' },
    );
    bIds['request'] = r.extensionRequest.id;
    const n = await mutate<{ supervisionNotice: { id: string } }>(
      h,
      tokenB,
      'mutation($i: SuperviseCaseInput!) { superviseCase(input: $i) { supervisionNotice { id } userErrors { code } } }',
      { caseId: c.id, message: 'B 督办', replyBy: new Date(Date.now() + 86_400_000).toISOString() },
    );
    bIds['notice'] = n.supervisionNotice.id;
    await h.gql(
      tokenB,
      'mutation { updateWorkingCalendar(input: { closedDates: ["2026-12-25"] }) { userErrors { code } } }',
    );
  });
  afterAll(() => h.close());

  const snapshotB = () =>
    withTenant(h.rt.orm, b.id, async (em) => ({
      policies: await em.execute('select id, name, targets from sla_policies order by id'),
      deadlines: await em.execute('select id, status, due_at, extensions from deadlines order by id'),
      requests: await em.execute('select id, status from extension_requests'),
      notices: await em.execute('select id, reply from supervision_notices'),
      calendar: await em.execute('select closed_dates from tenant_calendars'),
    }));

  it('shows A nothing of B and lets A change nothing of B', async () => {
    const before = await snapshotB();
    const reads = await h.gql<{
      slaPolicies: { edges: { node: { id: string } }[] };
      workingCalendar: { closedDates: string[] };
    }>(tokenA, '{ slaPolicies(first: 50) { edges { node { id } } } workingCalendar { closedDates } }');
    expect(reads.body.data!.slaPolicies.edges.map((e) => e.node.id)).not.toContain(bIds['policy']);
    expect(reads.body.data!.workingCalendar.closedDates).toEqual([]);
    const codes = async (q: string, i: Record<string, unknown>) =>
      (await mutate<{ userErrors: { code: string }[] }>(h, tokenA, q, i)).userErrors.map((e) => e.code);
    expect(
      await codes('mutation($i: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $i) { userErrors { code } } }', {
        id: bIds['policy'],
        name: 'x',
        targets: [],
        yellow: { share: 0.5 },
        red: { share: 0.9 },
        riskLevel: 'LOW',
      }),
    ).toEqual(['NOT_FOUND']);
    expect(
      await codes('mutation($i: DeleteSlaPolicyInput!) { deleteSlaPolicy(input: $i) { userErrors { code } } }', {
        id: bIds['policy'],
      }),
    ).toEqual(['NOT_FOUND']);
    expect(
      await codes(
        'mutation($i: RequestDeadlineExtensionInput!) { requestDeadlineExtension(input: $i) { userErrors { code } } }',
        { deadlineId: bIds['deadline'], newDueAt: new Date(Date.now() + 99 * 86_400_000).toISOString(), reason: 'x' },
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      await codes(
        'mutation($i: DecideDeadlineExtensionInput!) { decideDeadlineExtension(input: $i) { userErrors { code } } }',
        { requestId: bIds['request'], approve: true },
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      await codes('mutation($i: SuperviseCaseInput!) { superviseCase(input: $i) { userErrors { code } } }', {
        caseId: bIds['case'],
        message: 'x',
        replyBy: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    ).toEqual(['NOT_FOUND']);
    expect(
      await codes('mutation($i: ReplySupervisionInput!) { replySupervision(input: $i) { userErrors { code } } }', {
        noticeId: bIds['notice'],
        reply: 'x',
      }),
    ).toEqual(['NOT_FOUND']);
    expect(
      await codes(
        'mutation($i: UpdateWorkingCalendarInput!) { updateWorkingCalendar(input: $i) { userErrors { code } } }',
        { closedDates: ['2026-12-24'] },
      ),
    ).toEqual([]);
    expect(await snapshotB()).toEqual(before);
  });

  it("refuses an SLA policy whose REASSIGN names another tenant's staff, and takes its own", async () => {
    const UPSERT =
      'mutation($i: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $i) { slaPolicy { id } userErrors { field code } } }';
    const centerA = await buildCenter(h, tokenA, [{ key: 'm', name: '甲调解员', mediator: true }]);
    const policy = (staffId: string) => ({
      name: `改派 ${staffId.slice(-4)}`,
      targets: [{ step: 'ACCEPT', duration: 'PT4H', mode: 'CALENDAR' }],
      yellow: { share: 0.5 },
      red: { share: 0.9 },
      riskLevel: 'MEDIUM',
      escalations: [{ offset: 'PT1H', actions: [{ type: 'SUPERVISE' }, { type: 'REASSIGN', staffId }] }],
    });
    const before = await snapshotB();
    const refused = await mutate<{ slaPolicy: unknown; userErrors: { field: string[]; code: string }[] }>(
      h,
      tokenA,
      UPSERT,
      policy(bIds['staff']!),
    );
    expect(refused.slaPolicy).toBeNull();
    expect(refused.userErrors).toEqual([
      { field: ['input', 'escalations', '0', 'actions', '1', 'staffId'], code: 'STAFF_NOT_FOUND' },
    ]);
    const accepted = await mutate<{ slaPolicy: { id: string } | null; userErrors: unknown[] }>(
      h,
      tokenA,
      UPSERT,
      policy(centerA.staff['m']!),
    );
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.slaPolicy?.id).toBeTruthy();
    expect(await snapshotB()).toEqual(before);
  });

  it('keeps the queue dashboard for platform admins', async () => {
    const r = await h.gql(tokenA, '{ queueStatus { name } }');
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await h.token({ roles: ['platform-admin'] });
    const ok = await h.gql<{ queueStatus: { name: string; schedulers: string[] }[] }>(
      admin,
      '{ queueStatus(failures: 5) { name waiting delayed failed schedulers recentFailures { jobId } } }',
    );
    expect(ok.body.data!.queueStatus.map((q) => q.name)).toEqual(
      expect.arrayContaining(['provisioning', 'cases', 'sla']),
    );
  });
});
