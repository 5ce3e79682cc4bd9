import { spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, createStaff, mutate, REPORT_CASE, step, STEPS, type Center } from '../utils/cases';
import { eventually, sleep } from '../utils/eventually';
import { startWorkers, type WorkerSet } from '../../workers/runtime';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import { Queue } from 'bullmq';
import { QUEUES, jobId } from '../../src/core/queue/queues';
import { createLogger } from '../../src/core/observability/logger';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import { personalDataIn } from '../utils/personal-data';

const UPSERT =
  'mutation($i: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $i) { slaPolicy { id } userErrors { field code message } } }';
const HORIZON_SECONDS = 4;

/** Deadlines fired by real BullMQ workers on the run's Redis, with second-scale policies. */
describe('SLA checkpoints through the workers', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let admin: string;
  let clerk: string;
  let workers: WorkerSet | null = null;
  let sweeper: NodeJS.Timeout | null = null;

  const events = (caseId: string) =>
    withTenant(h.rt.orm, t.id, (em) =>
      em.execute<{ type: string; data: Record<string, unknown> }[]>(
        'select type, data from case_events where case_id = ? order by occurred_at, id',
        [caseId],
      ),
    );
  const checkpoints = (caseId: string) =>
    withTenant(h.rt.orm, t.id, (em) =>
      em.execute<
        { id: string; kind: string; level: number; status: string; due_at: Date; fired_at: Date | null; step: string }[]
      >(
        `select c.id, c.kind, c.level, c.status, c.due_at, c.fired_at, d.step from deadline_checkpoints c join deadlines d on d.tenant_id = c.tenant_id and d.id = c.deadline_id
     where d.case_id = ? order by c.due_at`,
        [caseId],
      ),
    );
  const policy = async (name: string, categoryCode: string, rules: Record<string, unknown>) => {
    const r = await h.gql<{ upsertSlaPolicy: { userErrors: unknown[] } }>(admin, UPSERT, {
      i: { name, categoryId: center.category[categoryCode], ...rules },
    });
    expect(r.body.data!.upsertSlaPolicy.userErrors).toEqual([]);
  };
  // Everything the workers log during these tests, scanned for personal data at the end.
  const logLines: string[] = [];
  const logSink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const run = () => {
    workers = startWorkers(h.rt.services, h.rt.redis, h.rt.config.REDIS_PREFIX, createLogger('debug', logSink), 5, 2);
    // The scheduler's minute-by-minute sweep, faster: it feeds what the horizon now reaches.
    sweeper = setInterval(() => void h.rt.services.sla.scheduler.sweep().catch(() => undefined), 500);
  };

  beforeAll(async () => {
    h = await startHarness({ SLA_HORIZON_SECONDS: String(HORIZON_SECONDS) });
    t = await h.createTenant('sla');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk', 'dispatcher', 'mediator', 'leader'] });
    center = await buildCenter(h, admin);
    const person = (name: string, roles: string[], orgUnitId: string) => createStaff(h, admin, name, roles, orgUnitId);
    center.staff['clerk'] = await person('站点受理员', ['intake-clerk'], center.stationId);
    center.staff['lead'] = await person('站长', ['leader'], center.stationId);
    center.staff['chief'] = await person('中心主任', ['leader'], center.centerId);
  });
  afterEach(async () => {
    if (sweeper) clearInterval(sweeper);
    sweeper = null;
    await workers?.close();
    workers = null;
  });
  afterAll(() => h.close());

  it('turns a case not accepted in time YELLOW, then RED, notifies the handler, then the unit lead, then raises it a level — each once', async () => {
    await policy('噪音受理测试', 'neighbourhood-noise', {
      targets: [{ step: 'ACCEPT', duration: 'PT3S', mode: 'CALENDAR' }],
      yellow: { share: 0.3 },
      red: { share: 0.6 },
      escalations: [
        { offset: 'PT0S', actions: [{ type: 'NOTIFY', roles: ['HANDLER'] }] },
        { offset: 'PT1S', actions: [{ type: 'NOTIFY', roles: ['UNIT_LEAD'] }, { type: 'SUPERVISE' }] },
        { offset: 'PT2S', actions: [{ type: 'ESCALATE' }] },
      ],
    });
    run();
    const c = (
      await mutate(h, clerk, REPORT_CASE, {
        title: '夜间施工噪音',
        channel: 'GRID_WORKER',
        categoryId: center.category['neighbourhood-noise'],
        reportedOrgUnitId: center.stationId,
      })
    ).case!;
    expect(c.warningLevel).toBe('GREEN');
    const warning = async () =>
      (
        await h.gql<{ case: { warningLevel: string } }>(clerk, 'query($id: ID!) { case(id: $id) { warningLevel } }', {
          id: c.id,
        })
      ).body.data!.case.warningLevel;
    expect(await eventually(warning, (w) => w === 'YELLOW', 3000, 50)).toBe('YELLOW');
    expect(await eventually(warning, (w) => w === 'RED', 3000, 50)).toBe('RED');
    await eventually(
      () => events(c.id),
      (e) => e.some((x) => x.type === 'LEVEL_RAISED'),
      10_000,
    );
    await sleep(1500); // room for any double to show up
    const file = await events(c.id);
    const types = file.map((e) => e.type);
    expect(types.filter((x) => x === 'WARNING_RAISED')).toHaveLength(2);
    expect(file.filter((e) => e.type === 'WARNING_RAISED').map((e) => e.data['level'])).toEqual(['YELLOW', 'RED']);
    const chain = file.filter((e) => e.type === 'SLA_ESCALATION').map((e) => e.data);
    expect(chain.map((d) => d['level'])).toEqual([0, 1, 2]);
    expect(chain[0]!['actions']).toEqual([{ type: 'NOTIFY', roles: ['HANDLER'], staffIds: [center.staff['clerk']] }]);
    expect(chain[1]!['actions']).toEqual([
      { type: 'NOTIFY', roles: ['UNIT_LEAD'], staffIds: [center.staff['lead']] },
      { type: 'SUPERVISE', noticeId: expect.any(String) },
    ]);
    expect(types.filter((x) => x === 'SUPERVISION_ISSUED')).toHaveLength(1);
    expect(types.filter((x) => x === 'LEVEL_RAISED')).toHaveLength(1);
    // The in-app notices: the desk got YELLOW, RED and the first escalation; the unit lead the second. One row each.
    const sent = await withTenant(h.rt.orm, t.id, (em) =>
      em.execute<{ recipient_staff_id: string; type: string; n: string }[]>(
        'select recipient_staff_id, type, count(*) as n from notifications where case_id = ? group by 1, 2 order by 2, 1',
        [c.id],
      ),
    );
    expect(sent.map((r) => [r.recipient_staff_id, r.type, Number(r.n)])).toEqual(
      [
        [center.staff['clerk'], 'SLA_ESCALATION', 1],
        [center.staff['lead'], 'SLA_ESCALATION', 1],
        [center.staff['clerk'], 'SLA_RED', 1],
        [center.staff['clerk'], 'SLA_YELLOW', 1],
        // The supervision notice goes to the unit's desk, copied to its lead.
        [center.staff['clerk'], 'SUPERVISION_ISSUED', 1],
        [center.staff['lead'], 'SUPERVISION_ISSUED', 1],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0]))),
    );
    const now = await h.gql<{
      case: { status: string; orgUnit: { id: string }; supervisionNotices: { source: string }[] };
    }>(clerk, 'query($id: ID!) { case(id: $id) { status orgUnit { id } supervisionNotices { source } } }', {
      id: c.id,
    });
    expect(now.body.data!.case).toEqual({
      status: 'REPORTED',
      orgUnit: { id: center.centerId },
      supervisionNotices: [{ source: 'SLA' }],
    });
    expect((await checkpoints(c.id)).every((p) => p.status === 'FIRED')).toBe(true);

    // Accepting meets the clock: the warning goes back to what the open clocks say.
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    expect(await warning()).toBe('GREEN');
  }, 30_000);

  it('reminds about a follow-up before it is due, and completing it cancels the overdue notice', async () => {
    await policy('回访提醒测试', 'family', {
      targets: [{ step: 'FOLLOW_UP', duration: 'PT3S', mode: 'CALENDAR' }],
      yellow: { share: 0.2 },
      red: { share: 1 },
      escalations: [],
    });
    const c = (
      await mutate(h, clerk, REPORT_CASE, {
        title: '家庭纠纷',
        channel: 'WALK_IN',
        categoryId: center.category['family'],
      })
    ).case!;
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    await step(h, clerk, STEPS.dispatch, { caseId: c.id, orgUnitId: center.centerId });
    run();
    await step(h, clerk, STEPS.resolve, { caseId: c.id, resolution: '和好' });
    await eventually(
      () => events(c.id),
      (e) => e.some((x) => x.type === 'WARNING_RAISED' && x.data['step'] === 'FOLLOW_UP'),
      3000,
      50,
    );
    const visit = (
      await h.gql<{ case: { followUps: { id: string }[] } }>(
        clerk,
        'query($id: ID!) { case(id: $id) { followUps { id } } }',
        { id: c.id },
      )
    ).body.data!.case.followUps[0]!;
    await step(h, clerk, STEPS.completeFollowUp, { followUpId: visit.id, result: 'KEPT' });
    await sleep(3500);
    const warnings = (await events(c.id))
      .filter((e) => e.type === 'WARNING_RAISED')
      .map((e) => `${e.data['step']}:${e.data['level']}`);
    expect(warnings).toEqual(['FOLLOW_UP:YELLOW']);
    const fu = (await checkpoints(c.id)).filter((p) => p.step === 'FOLLOW_UP');
    expect(fu.map((p) => [p.kind, p.status])).toEqual([
      ['YELLOW', 'FIRED'],
      ['RED', 'CANCELLED'],
    ]);
  }, 30_000);

  it('keeps a checkpoint beyond the horizon out of Redis until the horizon reaches it, then fires it on time', async () => {
    await policy('视界测试', 'consumer', {
      targets: [{ step: 'ACCEPT', duration: 'PT8S', mode: 'CALENDAR' }],
      yellow: { share: 1 },
      red: { share: 1 },
      escalations: [],
    });
    const c = (
      await mutate(h, clerk, REPORT_CASE, {
        title: '消费纠纷',
        channel: 'WALK_IN',
        categoryId: center.category['consumer'],
      })
    ).case!;
    const [yellow] = await checkpoints(c.id);
    const id = jobId('sla.checkpoint', yellow!.id, String(new Date(yellow!.due_at).getTime()));
    const queue = h.rt.queues.queue(QUEUES.sla);
    expect(await queue.getJob(id)).toBeUndefined();
    run();
    expect(
      await eventually(
        async () => !!(await queue.getJob(id)),
        (x) => x,
        8000,
        100,
      ),
    ).toBe(true);
    const fired = await eventually(
      () => checkpoints(c.id),
      (cps) => cps.every((p) => p.status === 'FIRED'),
      10_000,
      100,
    );
    for (const p of fired)
      expect(Math.abs(new Date(p.fired_at!).getTime() - new Date(p.due_at).getTime())).toBeLessThan(1500);
  }, 30_000);

  it('rebuilds every pending checkpoint after Redis loses its jobs, and each fires once', async () => {
    await policy('重建测试', 'traffic', {
      targets: [{ step: 'ACCEPT', duration: 'PT2S', mode: 'CALENDAR' }],
      yellow: { share: 0.5 },
      red: { share: 1 },
      escalations: [{ offset: 'PT0S', actions: [{ type: 'NOTIFY', roles: ['LEADER'] }] }],
    });
    const c = (
      await mutate(h, clerk, REPORT_CASE, {
        title: '交通事故',
        channel: 'WALK_IN',
        categoryId: center.category['traffic'],
      })
    ).case!;
    const queue = h.rt.queues.queue(QUEUES.sla);
    expect(await queue.getDelayedCount()).toBeGreaterThanOrEqual(3);
    await queue.obliterate({ force: true });
    expect(await queue.getDelayedCount()).toBe(0);
    expect(await h.rt.services.sla.scheduler.sweep()).toBeGreaterThanOrEqual(3);
    workers = startWorkers(h.rt.services, h.rt.redis, h.rt.config.REDIS_PREFIX, createLogger('debug', logSink), 5, 2);
    await eventually(
      () => checkpoints(c.id),
      (cps) => cps.every((p) => p.status === 'FIRED'),
      8000,
    );
    await h.rt.services.sla.scheduler.sweep();
    await sleep(1000);
    const file = await events(c.id);
    expect(file.filter((e) => e.type === 'WARNING_RAISED')).toHaveLength(2);
    expect(file.filter((e) => e.type === 'SLA_ESCALATION')).toHaveLength(1);
  }, 30_000);

  it('loses nothing and doubles nothing when the worker process is killed mid-job', async () => {
    await policy('崩溃测试', 'finance', {
      targets: [{ step: 'ACCEPT', duration: 'PT1S', mode: 'CALENDAR' }],
      yellow: { share: 1 },
      red: { share: 1 },
      escalations: [{ offset: 'PT0S', actions: [{ type: 'SUPERVISE' }] }],
    });
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: process.env['ONEDOOR_TEST_DATABASE_URL'],
      REDIS_URL: process.env['ONEDOOR_TEST_REDIS_URL'],
      REDIS_PREFIX: h.rt.config.REDIS_PREFIX,
      KEYCLOAK_REALM_URL: h.rt.config.KEYCLOAK_REALM_URL,
      WORKER_LOCK_SECONDS: '2',
    };
    const worker = (pause: number): ChildProcess =>
      spawn(process.execPath, ['dist/workers/main.js'], {
        env: { ...env, FAULT_CHECKPOINT_PAUSE_MS: String(pause) },
        stdio: 'ignore',
      });
    const first = worker(60_000);
    const slaQueue = new Queue(QUEUES.sla, { connection: h.rt.redis, prefix: h.rt.config.REDIS_PREFIX });
    try {
      // On a busy machine the worker process can take many seconds to start: wait for it, not for the clock.
      expect(
        await eventually(
          () => slaQueue.getWorkersCount(),
          (n) => n > 0,
          60_000,
          100,
        ),
      ).toBeGreaterThan(0);
      const c = (
        await mutate(h, clerk, REPORT_CASE, {
          title: '借贷纠纷',
          channel: 'WALK_IN',
          categoryId: center.category['finance'],
        })
      ).case!;
      // The worker claims a checkpoint and holds its transaction open: kill it right there.
      const active = await eventually(
        () =>
          withTenant(h.rt.orm, t.id, (em) =>
            em.execute<{ n: string }[]>(
              "select count(*) as n from pg_stat_activity where state = 'idle in transaction'",
            ),
          ),
        (r) => Number(r[0]!.n) > 0,
        30_000,
        50,
      );
      expect(Number(active[0]!.n)).toBeGreaterThan(0);
      first.kill('SIGKILL');
      await sleep(300);
      expect((await checkpoints(c.id)).every((p) => p.status === 'PENDING')).toBe(true);
      const second = worker(0);
      try {
        await eventually(
          () => checkpoints(c.id),
          (cps) => cps.every((p) => p.status === 'FIRED'),
          20_000,
          200,
        );
        await sleep(1000);
        const file = await events(c.id);
        expect(file.filter((e) => e.type === 'SLA_ESCALATION')).toHaveLength(1);
        expect(file.filter((e) => e.type === 'SUPERVISION_ISSUED')).toHaveLength(1);
      } finally {
        second.kill('SIGTERM');
      }
    } finally {
      if (first.exitCode === null) first.kill('SIGKILL');
      await slaQueue.close();
    }
  }, 150_000);

  it('keeps personal data out of job payloads and worker logs (11-digit mobiles and 18-character ID numbers, not inside longer numbers such as timestamps)', async () => {
    const found = personalDataIn;
    const keys = await h.rt.redis.keys(`${h.rt.config.REDIS_PREFIX}:*`);
    let scanned = 0;
    for (const k of keys) {
      if ((await h.rt.redis.type(k)) !== 'hash') continue;
      scanned++;
      expect({ k, found: found(JSON.stringify(await h.rt.redis.hgetall(k))) }).toEqual({ k, found: null });
    }
    expect(scanned).toBeGreaterThan(0);
    expect(logLines.length).toBeGreaterThan(0);
    expect(found(logLines.join('\n'))).toBeNull();
    // The scan itself finds what it is meant to.
    expect(found('{"phone":"13812345678"}')?.match).toBe('13812345678');
    expect(found('id 330502199003071232 x')?.match).toBe('330502199003071232');
  });
});
