import { startHarness, type Harness } from '../utils/harness';
import { addStaff, buildCenter, mutate, REPORT_CASE, type Center } from '../utils/cases';
import { eventually } from '../utils/eventually';
import { startWorkers, type WorkerSet } from '../../workers/runtime';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import { createLogger } from '../../src/core/observability/logger';
import { DEFAULT_POLICIES } from '../../src/modules/sla/sla.policy';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

interface EventRow {
  type: string;
  data: Record<string, unknown>;
}

/**
 * Issue 17, item 3: every notice reaches someone. A 12345 case with no unit and no assignee used
 * to turn YELLOW and RED with `notified: []` and its 督办 went to nobody.
 */
describe('notices that must reach someone', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let admin: string;
  let feed: string;
  let dispatcherId: string;
  let workers: WorkerSet | null = null;

  const sql = <T>(q: string, params: unknown[] = []) => withTenant(h.rt.orm, t.id, (em) => em.execute<T[]>(q, params));

  beforeAll(async () => {
    h = await startHarness({ SLA_HORIZON_SECONDS: '5' });
    t = await h.createTenant('reach');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    feed = await h.token({ tenants: [t.code], roles: ['intake-system'], subject: 'service-account-12345' });
    center = await buildCenter(h, admin);
    // The center has a dispatcher and nobody else: no leader anywhere, nobody at the station.
    dispatcherId = await addStaff(h, admin, { name: '调度员 钱', roles: ['dispatcher'], orgUnitId: center.centerId });
  });
  afterAll(async () => {
    await workers?.close();
    await h.close();
  });

  it('fires every checkpoint of every starter policy on an unowned 12345 case to someone', async () => {
    const policies = (
      await h.gql<{ slaPolicies: { edges: { node: { name: string; riskLevel: string | null } }[] } }>(
        admin,
        '{ slaPolicies(first: 20) { edges { node { name riskLevel } } } }',
      )
    ).body.data!.slaPolicies.edges.map((e) => e.node);
    expect(policies.map((p) => p.name).sort()).toEqual(DEFAULT_POLICIES.map((p) => p.name).sort());

    const cases: { id: string; risk: string | null }[] = [];
    for (const p of DEFAULT_POLICIES) {
      const r = await mutate(h, feed, REPORT_CASE, {
        title: `12345转办：${p.name}`,
        channel: 'HOTLINE_12345',
        riskLevel: p.riskLevel ?? 'LOW',
        externalRef: `12345-${p.name}`,
        idempotencyKey: `12345-${p.name}`,
      });
      expect(r.userErrors).toEqual([]);
      expect(r.case!.orgUnit).toBeNull();
      cases.push({ id: r.case!.id, risk: p.riskLevel });
    }
    const ids = cases.map((c) => c.id);
    // Every checkpoint of these cases falls due now: warnings and the whole escalation chain.
    const all = await sql<{ id: string; kind: string; level: number; policy: string }>(
      `select c.id, c.kind, c.level, p.name as policy from deadline_checkpoints c
       join deadlines d on d.tenant_id = c.tenant_id and d.id = c.deadline_id
       join sla_policies p on p.tenant_id = d.tenant_id and p.id = d.policy_id
       where d.case_id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    );
    for (const p of DEFAULT_POLICIES)
      expect(all.filter((c) => c.policy === p.name)).toHaveLength(2 + p.rules.escalations.length);
    await sql(`update deadline_checkpoints set due_at = now() - interval '1 second' where id = any(?::uuid[])`, [
      `{${all.map((c) => c.id).join(',')}}`,
    ]);
    workers = startWorkers(h.rt.services, h.rt.redis, h.rt.config.REDIS_PREFIX, createLogger('silent'), 5, 2);
    await h.rt.services.sla.scheduler.sweep();
    const fired = await eventually(
      () =>
        sql<{ n: string }>(
          `select count(*) as n from deadline_checkpoints where id = any(?::uuid[]) and status = 'FIRED'`,
          [`{${all.map((c) => c.id).join(',')}}`],
        ),
      (r) => Number(r[0]!.n) === all.length,
      20_000,
    );
    expect(Number(fired[0]!.n)).toBe(all.length);

    for (const c of cases) {
      const events = await sql<EventRow>(
        'select type, data from case_events where case_id = ? order by occurred_at, id',
        [c.id],
      );
      const warnings = events.filter((e) => e.type === 'WARNING_RAISED');
      expect(warnings.map((w) => w.data['level']).sort()).toEqual(['RED', 'YELLOW']);
      for (const w of warnings) expect(w.data).toMatchObject({ notified: [dispatcherId], notifiedVia: 'DISPATCHERS' });
      const notices = events
        .filter((e) => e.type === 'SLA_ESCALATION')
        .flatMap((e) => e.data['actions'] as Record<string, unknown>[])
        .filter((a) => a['type'] === 'NOTIFY');
      expect(notices.length).toBeGreaterThan(0);
      for (const n of notices) expect(n['staffIds']).toEqual([dispatcherId]);
      const supervision = events.filter((e) => e.type === 'SUPERVISION_ISSUED');
      expect(supervision).toHaveLength(1);
      expect(supervision[0]!.data['notified']).toEqual([dispatcherId]);
      // And the in-app rows exist: one per checkpoint (dedupe per checkpoint), plus the 督办.
      const rows = await sql<{ type: string; recipient_staff_id: string }>(
        'select type, recipient_staff_id from notifications where case_id = ?',
        [c.id],
      );
      expect(rows.every((r) => r.recipient_staff_id === dispatcherId)).toBe(true);
      expect(rows.map((r) => r.type).sort()).toEqual(
        ['SLA_ESCALATION', 'SLA_ESCALATION', 'SLA_ESCALATION', 'SLA_RED', 'SLA_YELLOW', 'SUPERVISION_ISSUED'].sort(),
      );
    }
  }, 60_000);

  it('sends a 督办 on a case nobody owns to the desk of the unit that reported it', async () => {
    const clerkId = await addStaff(h, admin, {
      name: '站点受理员',
      roles: ['intake-clerk'],
      orgUnitId: center.stationId,
    });
    const leader = await h.token({ tenants: [t.code], roles: ['leader'] });
    const reported = await mutate(h, feed, REPORT_CASE, {
      title: '12345转办：网格上报',
      channel: 'HOTLINE_12345',
      reportedOrgUnitId: center.gridId,
      idempotencyKey: '12345-grid',
      externalRef: '12345-grid',
    });
    expect(reported.userErrors).toEqual([]);
    const c = reported.case!;
    // Nobody works at the grid: the nearest desk above the reporting unit takes the notice.
    const r = await mutate<{ userErrors: unknown[] }>(
      h,
      leader,
      'mutation($i: SuperviseCaseInput!) { superviseCase(input: $i) { userErrors { field code } } }',
      { caseId: c.id, message: '请尽快受理', replyBy: new Date(Date.now() + 86_400_000).toISOString() },
    );
    expect(r.userErrors).toEqual([]);
    const [issued] = await sql<EventRow>(
      "select type, data from case_events where case_id = ? and type = 'SUPERVISION_ISSUED'",
      [c.id],
    );
    expect(issued!.data).toMatchObject({ notified: [clerkId], notifiedVia: 'REPORTING_UNIT' });
  });
});
