import { spawn } from 'node:child_process';
import { Queue } from 'bullmq';
import { QUEUES } from '../../src/core/queue/queues';
import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, REPORT_CASE, step, STEPS, type Center } from '../utils/cases';
import { eventually } from '../utils/eventually';
import { withTenant, withTenantScope } from '../../src/core/tenancy/tenant-tx';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import {
  BOARD_EVENTS,
  eventsOf,
  received,
  subscribeBoard,
  subscribeWs,
  waitForSubscribers,
  type BoardEventView,
  type LiveSubscription,
} from '../utils/subscriptions';

const UPSERT_POLICY =
  'mutation($i: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $i) { slaPolicy { id } userErrors { field code message } } }';
type Board = LiveSubscription<{ boardEvents: BoardEventView }>;

/** Live board events over a real WebSocket, published through the run's Redis. */
describe('board subscriptions', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let admin: string;
  let clerk: string;
  const open: LiveSubscription<unknown>[] = [];
  const board = (token: string, opts: Parameters<typeof subscribeBoard>[2] = {}): Board => {
    const s = subscribeBoard(h, token, opts);
    open.push(s);
    return s;
  };
  const report = async (title: string, unitId: string, category = 'family') =>
    (
      await mutate(h, clerk, REPORT_CASE, {
        title,
        channel: 'WALK_IN',
        categoryId: center.category[category],
        reportedOrgUnitId: unitId,
      })
    ).case!;
  const checkpoints = (caseId: string) =>
    withTenant(h.rt.orm, t.id, (em) =>
      em.execute<{ id: string; kind: string; due_at: Date }[]>(
        `select c.id, c.kind, c.due_at from deadline_checkpoints c join deadlines d on d.tenant_id = c.tenant_id and d.id = c.deadline_id
     where d.case_id = ? and c.status = 'PENDING' order by c.due_at`,
        [caseId],
      ),
    );
  const policy = async (name: string, category: string, rules: Record<string, unknown>) => {
    const r = await h.gql<{ upsertSlaPolicy: { userErrors: unknown[] } }>(admin, UPSERT_POLICY, {
      i: { name, categoryId: center.category[category], ...rules },
    });
    expect(r.body.data!.upsertSlaPolicy.userErrors).toEqual([]);
  };

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('live');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk', 'dispatcher', 'leader'] });
    center = await buildCenter(h, admin);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.dispose()));
  });
  afterAll(() => h.close());

  describe('events', () => {
    it('tells a subscriber that a case was reported and accepted: ids and states, never the title', async () => {
      const sub = board(clerk);
      // The Redis message itself, as another replica would receive it.
      const wire: string[] = [];
      const tap = h.rt.redis.duplicate();
      tap.on('message', (_ch: string, m: string) => wire.push(m));
      await tap.subscribe(h.rt.services.board.channel(t.id));
      try {
        await waitForSubscribers(h, t.id);
        const c = await report('张三与李四的邻里纠纷', center.stationId);
        await step(h, clerk, STEPS.accept, { caseId: c.id });
        await received(sub, (d) => d.some((x) => x.boardEvents.eventType === 'ACCEPTED'));
        const mine = eventsOf(sub).filter((e) => e.caseId === c.id);
        expect(mine.map((e) => e.eventType)).toEqual(expect.arrayContaining(['REPORTED', 'ACCEPTED']));
        expect(mine.find((e) => e.eventType === 'REPORTED')).toEqual({
          type: 'CASE_CHANGED',
          caseId: c.id,
          caseNumber: c.number,
          status: 'REPORTED',
          warningLevel: c['warningLevel'],
          orgUnitId: center.stationId,
          occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          eventType: 'REPORTED',
        });
        expect(mine.find((e) => e.eventType === 'ACCEPTED')).toMatchObject({
          type: 'CASE_CHANGED',
          status: 'ACCEPTED',
        });
        expect(sub.errors).toEqual([]);
        await eventually(
          async () => wire.length,
          (n) => n >= 2,
          2000,
          20,
        );
        for (const text of [JSON.stringify(sub.data), ...wire]) expect(text).not.toMatch(/张三|李四|邻里纠纷/);
      } finally {
        await tap.quit();
      }
    });

    it('raises WARNING_RAISED when a deadline checkpoint fires outside any request (as the worker does), after its commit', async () => {
      await policy('看板预警测试', 'consumer', {
        targets: [{ step: 'ACCEPT', duration: 'PT2S', mode: 'CALENDAR' }],
        yellow: { share: 0.5 },
        red: { share: 1 },
        escalations: [],
      });
      const all = board(clerk);
      const warningsOnly = board(clerk, { filter: { warningLevels: ['YELLOW', 'RED'] } });
      await waitForSubscribers(h, t.id, 2);
      const c = await report('消费纠纷', center.centerId, 'consumer');
      const [yellow] = await checkpoints(c.id);
      expect(yellow?.kind).toBe('YELLOW');
      // As the worker would: at the due time (the case's level is computed from its clocks then).
      await eventually(
        async () => Date.now(),
        (now) => now >= new Date(yellow!.due_at).getTime() + 50,
        3000,
        20,
      );
      expect(await h.rt.services.sla.checkpoints.fire(t.id, yellow!.id)).toBe('fired');
      await received(warningsOnly, (d) => d.length >= 1);
      expect(eventsOf(warningsOnly)).toEqual([
        {
          type: 'WARNING_RAISED',
          caseId: c.id,
          caseNumber: c.number,
          status: 'REPORTED',
          warningLevel: 'YELLOW',
          orgUnitId: center.centerId,
          occurredAt: expect.any(String),
          eventType: 'WARNING_RAISED',
        },
      ]);
      await received(all, (d) => d.some((x) => x.boardEvents.type === 'WARNING_RAISED'));
      // Everything before the warning was GREEN, so the filtered subscriber saw none of it.
      expect(
        eventsOf(all)
          .filter((e) => e.caseId === c.id)
          .map((e) => [e.type, e.warningLevel]),
      ).toEqual([
        ['CASE_CHANGED', 'GREEN'],
        ['WARNING_RAISED', 'YELLOW'],
      ]);
    });

    it('publishes nothing for a step that rolls back', async () => {
      const sub = board(clerk);
      await waitForSubscribers(h, t.id);
      const c = await report('退回测试', center.centerId);
      await received(sub, (d) => d.some((x) => x.boardEvents.caseId === c.id));
      await expect(
        withTenantScope(h.rt.orm, t, { subject: 'system:test', requestId: 'rollback', ip: null }, async (scope) => {
          const r = await h.rt.services.handling.accept(scope, { caseId: c.id });
          expect(r.ok).toBe(true);
          throw new Error('rolled back on purpose');
        }),
      ).rejects.toThrow('rolled back on purpose');
      // A later step shows the channel is live; the rolled-back ACCEPTED never arrived before it.
      await step(h, clerk, STEPS.accept, { caseId: c.id });
      await received(sub, (d) =>
        d.some((x) => x.boardEvents.caseId === c.id && x.boardEvents.eventType === 'ACCEPTED'),
      );
      await new Promise((r) => setTimeout(r, 200));
      expect(
        eventsOf(sub)
          .filter((e) => e.caseId === c.id)
          .map((e) => e.eventType),
      ).toEqual(['REPORTED', 'ACCEPTED']);
    });

    it('filters by unit subtree on the server', async () => {
      const station = board(clerk, { filter: { orgUnitId: center.stationId } });
      const whole = board(clerk, { filter: { orgUnitId: center.centerId } });
      await waitForSubscribers(h, t.id, 2);
      const atCenter = await report('中心受理', center.centerId);
      const atGrid = await report('网格上报', center.gridId);
      await received(station, (d) => d.some((x) => x.boardEvents.caseId === atGrid.id));
      await received(whole, (d) => d.some((x) => x.boardEvents.caseId === atGrid.id));
      // One channel delivers in order: the center case came first, so the station board would have had it by now.
      expect(new Set(eventsOf(station).map((e) => e.caseId))).toEqual(new Set([atGrid.id]));
      expect(new Set(eventsOf(whole).map((e) => e.caseId))).toEqual(new Set([atCenter.id, atGrid.id]));
    });

    it('carries a warning raised by the worker process to a subscriber of the API process', async () => {
      await policy('跨进程预警测试', 'traffic', {
        // YELLOW after 1.5 s, RED only after 5 minutes: a worker slowed down by a busy machine still
        // raises YELLOW (fired past the red point, the case would already be RED and filtered out).
        targets: [{ step: 'ACCEPT', duration: 'PT300S', mode: 'CALENDAR' }],
        yellow: { share: 0.005 },
        red: { share: 1 },
        escalations: [],
      });
      const sub = board(clerk, { filter: { warningLevels: ['YELLOW'] } });
      await waitForSubscribers(h, t.id);
      const env = {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: process.env['ONEDOOR_TEST_DATABASE_URL'],
        REDIS_URL: process.env['ONEDOOR_TEST_REDIS_URL'],
        REDIS_PREFIX: h.rt.config.REDIS_PREFIX,
        KEYCLOAK_REALM_URL: h.rt.config.KEYCLOAK_REALM_URL,
      };
      const worker = spawn(process.execPath, ['dist/workers/main.js'], { env, stdio: 'ignore' });
      const sla = new Queue(QUEUES.sla, { connection: h.rt.redis, prefix: h.rt.config.REDIS_PREFIX });
      try {
        // On a busy machine the worker process can take many seconds to start: wait for it, not for the clock.
        const workersUp = await eventually(
          () => sla.getWorkersCount(),
          (n) => n > 0,
          60_000,
          100,
        );
        expect(workersUp).toBeGreaterThan(0);
        const c = await report('交通事故', center.centerId, 'traffic');
        // A generous deadline; on failure the comparison below shows what did arrive.
        await received(sub, (d) => d.some((x) => x.boardEvents.caseId === c.id), 30_000);
        expect(eventsOf(sub).filter((e) => e.caseId === c.id)).toEqual([
          expect.objectContaining({ type: 'WARNING_RAISED', warningLevel: 'YELLOW', caseNumber: c.number }),
        ]);
      } finally {
        await sla.close();
        worker.kill('SIGTERM');
        await new Promise((r) => worker.once('exit', r));
      }
    }, 120_000);
  });

  describe('who may subscribe', () => {
    const ws = (params: Record<string, unknown>) => {
      const s = subscribeWs(h, params, BOARD_EVENTS);
      open.push(s);
      return s;
    };

    it('closes the socket with 4401 for a missing, malformed, forged or expired token', async () => {
      const expired = await h.token({ tenants: [t.code], roles: ['leader'], expiresInSeconds: -120 });
      const [header, body] = clerk.split('.');
      for (const params of [
        {},
        { authorization: 'Basic abc' },
        { authorization: `Bearer ${header}.${body}.forged` },
        { authorization: `Bearer ${expired}` },
      ]) {
        const s = ws(params);
        await s.ended;
        expect(s.closed?.code).toBe(4401);
        expect(s.data).toEqual([]);
      }
    });

    it('closes the socket with 4401 when the token expires during the connection', async () => {
      // The verifier allows 30 s of clock skew; the socket closes at the token's own expiry.
      const short = await h.token({ tenants: [t.code], roles: ['leader'], expiresInSeconds: 2 });
      // English, the language this assertion is written in (close reasons follow the connection's language).
      const s = board(short, { lang: 'en' });
      await waitForSubscribers(h, t.id);
      await s.ended;
      expect(s.closed?.code).toBe(4401);
      expect(s.closed?.reason).toMatch(/expired/);
    });

    it('closes the socket with 4403 for a tenant the token does not list, or a suspended tenant', async () => {
      const other = await h.createTenant('live-other');
      const s = board(clerk, { tenant: other.code });
      await s.ended;
      expect(s.closed?.code).toBe(4403);

      const platform = await h.token({ roles: ['platform-admin'] });
      const user = await h.token({ tenants: [other.code], roles: ['leader'] });
      const SUSPEND = 'mutation($input: SuspendTenantInput!) { suspendTenant(input: $input) { tenant { status } } }';
      await h.gql(platform, SUSPEND, { input: { id: other.id } });
      const suspended = board(user, { lang: 'en' });
      await suspended.ended;
      expect(suspended.closed?.code).toBe(4403);
      expect(suspended.closed?.reason).toMatch(/suspended/);
    });

    it('refuses platform admins without a tenant, and roles that do not read cases', async () => {
      for (const token of [
        await h.token({ roles: ['platform-admin'] }),
        await h.token({ tenants: [t.code], roles: ['intake-system'] }),
      ]) {
        const s = board(token);
        await s.ended;
        expect(s.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        // The client closes its idle socket normally; the server never closed it.
        expect(s.closed?.code ?? 1000).toBe(1000);
      }
      expect(h.rt.services.board.subscribers(t.id)).toBe(0);
    });

    it('closes every socket with 1001 when the API stops', async () => {
      const h2 = await startHarness();
      try {
        const s = subscribeBoard(h2, await h2.token({ tenants: [t.code], roles: ['leader'] }));
        await eventually(
          async () => h2.rt.services.board.subscribers(t.id),
          (n) => n === 1,
          5000,
          20,
        );
        await h2.close();
        await s.ended;
        expect(s.closed?.code).toBe(1001);
        await s.dispose();
      } catch (e) {
        await h2.close().catch(() => undefined);
        throw e;
      }
    });
  });

  describe('connection caps', () => {
    it('caps the sockets of one person (1008) and of the process (1013), and frees a place when a socket closes', async () => {
      const h2 = await startHarness({ WS_MAX_CONNECTIONS_PER_USER: '2', WS_MAX_CONNECTIONS: '3' });
      const mine: LiveSubscription<unknown>[] = [];
      try {
        const asWho = (subject: string) => h2.token({ subject, tenants: [t.code], roles: ['leader'] });
        const zhang = await asWho('cap-zhang');
        const live = (n: number) =>
          eventually(
            async () => h2.rt.services.board.subscribers(t.id),
            (x) => x === n,
            5000,
            20,
          );
        mine.push(subscribeBoard(h2, zhang), subscribeBoard(h2, zhang));
        await live(2);
        // English, the language this assertion is written in (close reasons follow the connection's language).
        const third = subscribeBoard(h2, zhang, { lang: 'en' });
        mine.push(third);
        await third.ended;
        expect(third.closed).toEqual({ code: 1008, reason: 'At most 2 connections per person' });
        // Someone else still gets in, up to the process's three.
        mine.push(subscribeBoard(h2, await asWho('cap-li')));
        await live(3);
        const fourth = subscribeBoard(h2, await asWho('cap-wang'));
        mine.push(fourth);
        await fourth.ended;
        expect(fourth.closed?.code).toBe(1013);
        // Zhang closes one tab and may open another.
        await mine[0]!.dispose();
        await live(2);
        mine.push(subscribeBoard(h2, zhang));
        await live(3);
      } finally {
        await Promise.all(mine.map((x) => x.dispose()));
        await h2.close();
      }
    });
  });

  describe('limits', () => {
    let sqlCount = 0;
    beforeAll(() => {
      h.rt.orm.em
        .getConnection()
        .getKnex()
        .on('query', () => sqlCount++);
    });
    const refused = async (query: string) => {
      // English, the language these assertions are written in (Chinese is the default).
      const s = subscribeWs(h, { authorization: `Bearer ${clerk}`, 'accept-language': 'en' }, query);
      open.push(s);
      await s.ended;
      return s;
    };

    it('refuses an over-deep operation before it runs, as over HTTP', async () => {
      let sel = 'id';
      for (let i = 0; i < 10; i++) sel = `parent { ${sel} }`;
      await h.gql(clerk, '{ me { subject } }'); // the tenant directory's cache, warm as in the HTTP hygiene test
      const before = sqlCount;
      const s = await refused(`{ orgUnits(first: 1) { edges { node { ${sel} } } } }`);
      expect(s.errors.map((e) => [e.extensions?.code, e.message])).toEqual([
        ['QUERY_TOO_COMPLEX', expect.stringMatching(/depth \d+ exceeds the limit of 8/)],
      ]);
      expect(sqlCount - before).toBe(0);
    });

    it('refuses a subscription with too many aliases', async () => {
      const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: caseId`).join(' ');
      const s = await refused(`subscription { boardEvents { ${aliases} } }`);
      expect(s.errors.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    });

    it('serves only subscriptions: queries and mutations go over HTTP', async () => {
      const s = await refused('{ me { subject } }');
      expect(s.errors.map((e) => [e.extensions?.code, e.message])).toEqual([
        ['BAD_USER_INPUT', expect.stringMatching(/over HTTP/)],
      ]);
    });

    it('refuses a subscription sent over HTTP', async () => {
      const r = await h.gql(clerk, 'subscription { boardEvents { caseId } }', undefined, { 'accept-language': 'en' });
      expect(r.status).toBe(400);
      expect(r.body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        ['BAD_USER_INPUT', expect.stringMatching(/WebSocket/)],
      ]);
    });

    it('refuses invalid documents with the same codes as HTTP', async () => {
      expect((await refused('subscription { boardEvents { title } }')).errors.map((e) => e.extensions?.code)).toEqual([
        'GRAPHQL_VALIDATION_FAILED',
      ]);
      expect((await refused('subscription { boardEvents { ')).errors.map((e) => e.extensions?.code)).toEqual([
        'GRAPHQL_PARSE_FAILED',
      ]);
    });
  });
});
