import { startHarness, type Harness } from '../utils/harness';
import { startTcpProxy, type TcpProxy } from '../utils/tcp-proxy';
import { eventually } from '../utils/eventually';
import { BOARD_EVENTS, subscribeWs } from '../utils/subscriptions';

const STATEMENT_TIMEOUT_MS = 1500;
const UNITS = 'query Units { orgUnits(first: 5) { totalCount } }';

/**
 * PostgreSQL and Redis reached through proxies this test stops and freezes, so the shared servers
 * other suites use keep running. The API is never restarted between outage and recovery.
 */
describe('database and Redis outages', () => {
  let pg: TcpProxy;
  let redis: TcpProxy;
  let h: Harness;
  let token: string;
  let admin: string;

  beforeAll(async () => {
    pg = await startTcpProxy(process.env['ONEDOOR_TEST_DATABASE_URL']!);
    redis = await startTcpProxy(process.env['ONEDOOR_TEST_REDIS_URL']!);
    h = await startHarness({
      DATABASE_URL: pg.via(process.env['ONEDOOR_TEST_DATABASE_URL']!),
      REDIS_URL: redis.via(process.env['ONEDOOR_TEST_REDIS_URL']!),
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DATABASE_ACQUIRE_TIMEOUT_MS: '1000',
    });
    const t = await h.createTenant('outage');
    token = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    admin = await h.token({ roles: ['platform-admin'] });
  });
  afterAll(async () => {
    pg.resume();
    await h.close();
    await pg.close();
    await redis.close();
  });

  const expectUnavailable = (res: { status: number; headers: Headers; text: string; body: unknown }) => {
    expect({ status: res.status, body: res.body }).toMatchObject({
      status: 503,
      body: { errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
    });
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  };
  const post = async (query: string, bearer: string) => {
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as Record<string, unknown> };
  };

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while PostgreSQL is stopped, and recovers without a restart', async () => {
    expect((await post(UNITS, token)).status).toBe(200);
    await pg.cut();
    try {
      const res = await post(UNITS, token);
      expectUnavailable(res);
      // The message names neither the server nor the cause.
      expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres|knex/i);
      // A tenant the token lists but the directory has not cached fails at the door: 503 too.
      const other = await h.token({ tenants: ['never-seen-tenant'], roles: ['tenant-admin'] });
      expectUnavailable(await post(UNITS, other));
      const exp = await fetch(`${h.url}/exports/cases.csv`, { headers: { authorization: `Bearer ${token}` } });
      expect(exp.status).toBe(503);
      expect(exp.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await exp.json()) as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE');
      expect((await fetch(`${h.url}/readyz`)).status).toBe(503);
      // A live-board socket whose tenant cannot be looked up: 1013, try again later.
      const ws = subscribeWs(
        h,
        { authorization: `Bearer ${await h.token({ tenants: ['another-unseen-tenant'], roles: ['tenant-admin'] })}` },
        BOARD_EVENTS,
      );
      await ws.ended;
      expect(ws.closed?.code).toBe(1013);
      await ws.dispose();
    } finally {
      await pg.restore();
    }
    expect(
      (
        await eventually(
          () => post(UNITS, token),
          (r) => r.status === 200,
        )
      ).status,
    ).toBe(200);
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
  }, 30_000);

  it('answers within the statement timeout while PostgreSQL is frozen, and recovers when it thaws', async () => {
    expect((await post(UNITS, token)).status).toBe(200);
    pg.pause();
    try {
      const started = performance.now();
      const answers = await Promise.all([post(UNITS, token), post(UNITS, token), post(UNITS, token)]);
      const ms = performance.now() - started;
      for (const res of answers) expectUnavailable(res);
      // The client's read timeout equals the statement timeout; allow for the request's own work.
      expect(ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 1000);
      // A new connection to a frozen server fails within the acquire timeout as well.
      const again = performance.now();
      expectUnavailable(await post(UNITS, token));
      expect(performance.now() - again).toBeLessThan(STATEMENT_TIMEOUT_MS + 1000);
    } finally {
      pg.resume();
    }
    expect(
      (
        await eventually(
          () => post(UNITS, token),
          (r) => r.status === 200,
        )
      ).status,
    ).toBe(200);
  }, 30_000);

  it('answers 503 for Redis-backed operations while Redis is stopped, and /readyz says which', async () => {
    const q = 'query Q { queueStatus(failures: 0) { name waiting } }';
    expect((await post(q, admin)).status).toBe(200);
    await redis.cut();
    try {
      const started = performance.now();
      expectUnavailable(await post(q, admin));
      expect(performance.now() - started).toBeLessThan(8000);
      const ready = await fetch(`${h.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ database: 'ok', redis: 'unavailable' });
      // Requests that need only PostgreSQL keep working.
      expect((await post(UNITS, token)).status).toBe(200);
      // A mutation whose after-commit enqueue cannot reach Redis has committed: it answers, without
      // waiting for Redis to come back (the sweep enqueues the work later).
      const t0 = performance.now();
      const created = await post(
        `mutation { createTenant(input: { code: "out-${Date.now().toString(36)}", name: "Outage", level: TOWN }) { tenant { id } userErrors { code } } }`,
        admin,
      );
      expect(created.body).toMatchObject({
        data: { createTenant: { tenant: { id: expect.any(String) }, userErrors: [] } },
      });
      expect(performance.now() - t0).toBeLessThan(5000);
    } finally {
      await redis.restore();
    }
    expect(
      (
        await eventually(
          () => post(q, admin),
          (r) => r.status === 200,
          15_000,
        )
      ).status,
    ).toBe(200);
  }, 40_000);
});
