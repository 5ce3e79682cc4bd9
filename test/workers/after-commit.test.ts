import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, REPORT_CASE, step, STEPS, type Center } from '../utils/cases';
import { eventually, sleep } from '../utils/eventually';
import { startWorkers, type WorkerSet } from '../../workers/runtime';
import { withTenant, withTenantScope } from '../../src/core/tenancy/tenant-tx';
import { createLogger } from '../../src/core/observability/logger';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const UPSERT =
  'mutation($i: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $i) { slaPolicy { id } userErrors { field code message } } }';

/**
 * Work a job registers for after its commit (a webhook delivery, the jobs of a re-planned clock)
 * runs right after that commit in the worker process too — not a sweep's minute later. No sweep
 * runs in these tests: only the workers and what the units of work enqueue themselves.
 */
describe('after-commit work in the worker process', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let admin: string;
  let staff: string;
  let workers: WorkerSet | null = null;
  let receiver: Server;
  let receiverUrl: string;
  const received: { at: number; body: string }[] = [];

  const checkpoints = (caseId: string) =>
    withTenant(h.rt.orm, t.id, (em) =>
      em.execute<{ id: string; status: string; fired_at: Date | null; step: string; deadline_status: string }[]>(
        `select c.id, c.status, c.fired_at, d.step, d.status as deadline_status
           from deadline_checkpoints c join deadlines d on d.tenant_id = c.tenant_id and d.id = c.deadline_id
          where d.case_id = ? order by c.due_at`,
        [caseId],
      ),
    );

  beforeAll(async () => {
    h = await startHarness({ SLA_HORIZON_SECONDS: '60' });
    t = await h.createTenant('aftc');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    staff = await h.token({ tenants: [t.code], roles: ['intake-clerk', 'dispatcher', 'mediator', 'leader'] });
    center = await buildCenter(h, admin);
    receiver = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        received.push({ at: Date.now(), body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const sub = await mutate<{ userErrors: unknown[] }>(
      h,
      admin,
      'mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { userErrors { code } } }',
      { url: `${receiverUrl}/sla`, eventTypes: ['SLA_ESCALATION'] },
    );
    expect(sub.userErrors).toEqual([]);
    // First contact due 2 s after dispatch; at the due time the desk is notified and the case raised a level,
    // which restarts the first-contact clock (new checkpoints planned by the job itself).
    const r = await h.gql<{ upsertSlaPolicy: { userErrors: unknown[] } }>(admin, UPSERT, {
      i: {
        name: '首次联系测试',
        categoryId: center.category['neighbourhood-noise'],
        targets: [{ step: 'FIRST_CONTACT', duration: 'PT2S', mode: 'CALENDAR' }],
        yellow: { share: 0.5 },
        red: { share: 0.8 },
        escalations: [{ offset: 'PT0S', actions: [{ type: 'NOTIFY', roles: ['HANDLER'] }, { type: 'ESCALATE' }] }],
      },
    });
    expect(r.body.data!.upsertSlaPolicy.userErrors).toEqual([]);
  });

  afterEach(async () => {
    await workers?.close();
    workers = null;
  });

  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise<void>((r) => receiver.close(() => r()));
    await h.close();
  });

  it('delivers the webhook and feeds the re-planned clock to the queue within 2 s of the job, with no sweep', async () => {
    workers = startWorkers(h.rt.services, h.rt.redis, h.rt.config.REDIS_PREFIX, createLogger('warn'), 5, 2);
    const c = (
      await mutate(h, staff, REPORT_CASE, {
        title: '夜间施工噪音',
        channel: 'WALK_IN',
        categoryId: center.category['neighbourhood-noise'],
      })
    ).case!;
    await step(h, staff, STEPS.accept, { caseId: c.id });
    await step(h, staff, STEPS.dispatch, { caseId: c.id, orgUnitId: center.stationId });

    // The job: the first clock's escalation checkpoint fires in the worker.
    const fired = await eventually(
      () => checkpoints(c.id),
      (cps) => cps.some((p) => p.status === 'FIRED' && p.step === 'FIRST_CONTACT'),
      10_000,
      25,
    );
    const firedAt = Math.min(...fired.filter((p) => p.fired_at).map((p) => new Date(p.fired_at!).getTime()));

    // Its notice reaches the receiver through the delivery job the commit enqueued.
    const got = await eventually(
      async () => received.filter((x) => x.body.includes(c.id)),
      (r) => r.length > 0,
      5_000,
      25,
    );
    expect(got.length).toBeGreaterThan(0);
    expect(got[0]!.at - firedAt).toBeLessThan(2_000);

    // The restarted clock's checkpoints were enqueued by the job's commit: they fire with no sweep.
    const later = await eventually(
      () => checkpoints(c.id),
      (cps) => cps.some((p) => p.deadline_status === 'OPEN' && p.status === 'FIRED'),
      8_000,
      25,
    );
    expect(later.filter((p) => p.deadline_status === 'OPEN' && p.status === 'FIRED').length).toBeGreaterThan(0);
  }, 30_000);

  it('does neither when the job rolls back', async () => {
    workers = startWorkers(h.rt.services, h.rt.redis, h.rt.config.REDIS_PREFIX, createLogger('warn'), 5, 2);
    const c = (
      await mutate(h, staff, REPORT_CASE, {
        title: '楼上漏水',
        channel: 'WALK_IN',
        categoryId: center.category['neighbourhood-noise'],
      })
    ).case!;
    await step(h, staff, STEPS.accept, { caseId: c.id });
    const before = received.length;
    // A job's unit of work that dispatches (planning a first-contact clock) and notifies the desk, then fails.
    await expect(
      withTenantScope(h.rt.orm, t, { subject: 'system:test', requestId: 'rollback', ip: null }, async (scope) => {
        const r = await h.rt.services.handling.dispatch(scope, { caseId: c.id, orgUnitId: center.stationId });
        expect(r.ok).toBe(true);
        await h.rt.services.notifications.notify(scope, {
          caseId: c.id,
          type: 'SLA_ESCALATION',
          level: 'RED',
          title: `${c.number} 测试`,
          data: {},
          recipients: { staffIds: [] },
          dedupeKey: `rollback-${c.id}`,
          urgent: false,
        });
        throw new Error('the job fails before its commit');
      }),
    ).rejects.toThrow('the job fails before its commit');
    await sleep(3_000);
    expect(received.slice(before).filter((x) => x.body.includes(c.id))).toEqual([]);
    expect(await checkpoints(c.id)).toEqual([]);
    const queued = await h.rt.redis.keys(`${h.rt.config.REDIS_PREFIX}:*${c.id}*`);
    expect(queued).toEqual([]);
  }, 30_000);
});
