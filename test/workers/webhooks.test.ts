import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { startHarness, type Harness } from '../utils/harness';
import { addStaff, buildCenter, mutate, REPORT_CASE } from '../utils/cases';
import { startWorkers, type WorkerSet } from '../../workers/runtime';
import { createServices, type Services } from '../../src/services';
import { emReader, withTenant } from '../../src/core/tenancy/tenant-tx';
import { QUEUES } from '../../src/core/queue/queues';
import type { TenantScope } from '../../src/core/tenancy/scope';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import type { NotifyInput } from '../../src/modules/notification/notification.service';
import { verifyWebhook } from '../../src/modules/notification/webhook.signing';
import { PHONE, personalDataIn } from '../utils/personal-data';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A receiver on 127.0.0.1 whose answer per path the test decides. */
async function startReceiver(
  answer: (path: string, n: number) => number,
): Promise<{ url: string; got: Received[]; close(): Promise<void> }> {
  const got: Received[] = [];
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const n = (counts.get(path) ?? 0) + 1;
      counts.set(path, n);
      const status = answer(path, n);
      got.push({ path, headers: req.headers, body, answered: status });
      res
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status < 300 ? 'ok' : 'receiver says 13911112222 is broken');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    got,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        // fetch keeps connections alive; close() alone would wait for them.
        server.closeAllConnections();
      }),
  };
}

async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('webhook deliveries through the workers', () => {
  let h: Harness;
  let t: TenantRecord;
  let admin: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  /** the workers' own service graph, with retries in tenths of a second instead of seconds */
  let ws: Services;
  let workers: WorkerSet | null = null;
  const logs: string[] = [];
  let li: string;
  let caseId: string;
  let caseNumber: string;
  let seq = 0;
  const flakyBehaviour = { healthy: false };

  const subscribe = async (path: string, eventTypes = ['SLA_RED']) => {
    const r = await mutate<{ webhookSubscription: { id: string }; secret: string; userErrors: unknown[] }>(
      h,
      admin,
      'mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { webhookSubscription { id } secret userErrors { code } } }',
      { url: `${receiver.url}${path}`, eventTypes },
    );
    expect(r.userErrors).toEqual([]);
    return { id: r.webhookSubscription.id, secret: r.secret };
  };
  /** notify() as the SLA module calls it, in a transaction that enqueues after commit like a request does. */
  const notifyCommitted = async (over: Partial<NotifyInput> = {}) => {
    const after: (() => Promise<void>)[] = [];
    const n: NotifyInput = {
      caseId,
      type: 'SLA_RED',
      level: 'RED',
      title: `${caseNumber} 化解时限已超期`,
      data: { caseId, deadlineId: '019a0000-0000-7000-8000-0000000000aa' },
      recipients: { staffIds: [li] },
      dedupeKey: `wh-${++seq}`,
      urgent: true,
      ...over,
    };
    await withTenant(h.rt.orm, t.id, async (em) => {
      const scope: TenantScope = {
        tenant: t,
        em,
        read: emReader(em),
        actor: { subject: 'system:test', requestId: 'test', ip: null },
        afterCommit: (fn) => after.push(fn),
      };
      await h.rt.services.notifications.notify(scope, n);
    });
    for (const fn of after) await fn();
    return n;
  };
  const deliveriesOf = (subscriptionId: string) =>
    withTenant(h.rt.orm, t.id, (em) =>
      em.execute<
        { id: string; status: string; attempts: number; last_error: string | null; last_status_code: number | null }[]
      >(
        'select id, status, attempts, last_error, last_status_code from webhook_deliveries where subscription_id = ? order by id',
        [subscriptionId],
      ),
    );
  const settled = (subscriptionId: string) =>
    eventually(
      () => deliveriesOf(subscriptionId),
      (d) => d.length > 0 && d.every((x) => x.status !== 'PENDING'),
    );

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('hooks');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin', 'intake-clerk'] });
    await buildCenter(h, admin);
    li = await addStaff(h, admin, { name: '李', subject: `li-${t.code}`, roles: ['mediator'] });
    const c = (
      await mutate(h, admin, REPORT_CASE, {
        title: '欠薪',
        channel: 'WALK_IN',
        parties: [
          { role: 'APPLICANT', kind: 'PERSON', name: '张三', phone: '13911112222', idNumber: '330502199001011236' },
        ],
      })
    ).case!;
    caseId = c.id;
    caseNumber = c.number;
    receiver = await startReceiver((path, n) => {
      if (path === '/flaky') return n <= 2 ? 500 : 204;
      if (path === '/down') return 500;
      if (path === '/mended') return flakyBehaviour.healthy ? 200 : 503;
      return 200;
    });
    ws = createServices(h.rt.orm, h.rt.queues, { webhooks: { retryBaseMs: 100, maxAttempts: 4, timeoutMs: 2_000 } });
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        logs.push(chunk.toString());
        done();
      },
    });
    workers = startWorkers(ws, h.rt.redis, h.rt.config.REDIS_PREFIX, pino({ level: 'debug' }, sink));
  });
  afterAll(async () => {
    await workers?.close();
    await receiver.close();
    await h.close();
  });

  it('retries a receiver that fails twice and delivers exactly once, signed', async () => {
    const sub = await subscribe('/flaky');
    const started = Date.now();
    await notifyCommitted();
    const [d] = await settled(sub.id);
    expect(d).toMatchObject({ status: 'DELIVERED', attempts: 3, last_error: null, last_status_code: 204 });
    const calls = receiver.got.filter((g) => g.path === '/flaky');
    expect(calls.map((c) => c.answered)).toEqual([500, 500, 204]);
    expect(calls.filter((c) => c.answered < 300)).toHaveLength(1);
    // Backoff 2^n × 100 ms: at least 200 + 400 ms between the first and the last attempt.
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    for (const c of calls) {
      expect(c.headers['x-onedoor-delivery']).toBe(d!.id);
      expect(c.headers['x-onedoor-event']).toBe('SLA_RED');
      const expected = createHmac('sha256', sub.secret)
        .update(`${c.headers['x-onedoor-timestamp']}.${c.body}`)
        .digest('hex');
      expect(c.headers['x-onedoor-signature']).toBe(`sha256=${expected}`);
      expect(
        verifyWebhook(
          sub.secret,
          { timestamp: String(c.headers['x-onedoor-timestamp']), signature: String(c.headers['x-onedoor-signature']) },
          c.body,
        ),
      ).toBe(true);
      expect(
        verifyWebhook(
          'whsec_wrong',
          { timestamp: String(c.headers['x-onedoor-timestamp']), signature: String(c.headers['x-onedoor-signature']) },
          c.body,
        ),
      ).toBe(false);
    }
    const body = JSON.parse(calls[2]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'SLA_RED',
      tenantId: t.id,
      caseId,
      data: { caseId },
      notification: { level: 'RED', title: `${caseNumber} 化解时限已超期`, recipientStaffIds: [li] },
    });
  });

  it('gives up on a receiver that always fails: the delivery ends DEAD, visible as a dead letter', async () => {
    const sub = await subscribe('/down');
    await notifyCommitted();
    const [d] = await settled(sub.id);
    expect(d).toMatchObject({ status: 'DEAD', attempts: 4, last_error: 'HTTP 500', last_status_code: 500 });
    expect(receiver.got.filter((g) => g.path === '/down')).toHaveLength(4);
    const r = await h.gql<{
      webhookDeliveries: {
        edges: {
          node: {
            id: string;
            status: string;
            attempts: number;
            lastError: string;
            nextAttemptAt: string | null;
            subscription: { id: string };
          };
        }[];
      };
    }>(
      admin,
      '{ webhookDeliveries(first: 10, filter: { status: DEAD }) { edges { node { id status attempts lastError nextAttemptAt subscription { id } } } } }',
    );
    expect(r.body.data!.webhookDeliveries.edges.map((e) => e.node)).toEqual([
      {
        id: d!.id,
        status: 'DEAD',
        attempts: 4,
        lastError: 'HTTP 500',
        nextAttemptAt: null,
        subscription: { id: sub.id },
      },
    ]);
    // The receiver's words (which may hold anything) are not kept.
    expect(personalDataIn(JSON.stringify(await deliveriesOf(sub.id)))).toBeNull();
  });

  it('sends a dead letter again once its receiver is mended', async () => {
    const sub = await subscribe('/mended');
    await notifyCommitted();
    const [dead] = await settled(sub.id);
    expect(dead!.status).toBe('DEAD');
    flakyBehaviour.healthy = true;
    const r = await mutate<{ webhookDelivery: { status: string; attempts: number }; userErrors: unknown[] }>(
      h,
      admin,
      'mutation($i: WebhookIdInput!) { redeliverWebhookDelivery(input: $i) { webhookDelivery { status attempts } userErrors { code } } }',
      { id: dead!.id },
    );
    expect(r).toEqual({ webhookDelivery: { status: 'PENDING', attempts: 0 }, userErrors: [] });
    const [again] = await settled(sub.id);
    expect(again).toMatchObject({ status: 'DELIVERED', attempts: 1 });
    const codes = await mutate<{ userErrors: { code: string }[] }>(
      h,
      admin,
      'mutation($i: WebhookIdInput!) { redeliverWebhookDelivery(input: $i) { userErrors { code } } }',
      { id: dead!.id },
    );
    expect(codes.userErrors.map((e) => e.code)).toEqual(['NOT_DEAD']);
  });

  it('rebuilds deliveries from the rows after Redis loses the jobs', async () => {
    await workers!.close();
    workers = null;
    const sub = await subscribe('/ok');
    await notifyCommitted();
    await h.rt.queues.queue(QUEUES.webhooks).obliterate({ force: true });
    expect(await deliveriesOf(sub.id)).toMatchObject([{ status: 'PENDING', attempts: 0 }]);
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        logs.push(chunk.toString());
        done();
      },
    });
    workers = startWorkers(ws, h.rt.redis, h.rt.config.REDIS_PREFIX, pino({ level: 'debug' }, sink));
    expect(await ws.webhookDelivery.sweep()).toBeGreaterThanOrEqual(1);
    expect((await settled(sub.id))[0]).toMatchObject({ status: 'DELIVERED', attempts: 1 });
    // Sweeping again finds nothing due: a delivered event is never sent twice.
    const before = receiver.got.filter((g) => g.path === '/ok').length;
    await ws.webhookDelivery.sweep();
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.got.filter((g) => g.path === '/ok')).toHaveLength(before);
  });

  it('lets only one of two workers racing for a delivery send it', async () => {
    const sub = await subscribe('/race');
    const n = await withTenant(h.rt.orm, t.id, async (em) => {
      // No after-commit dispatch: the two workers below race for the delivery themselves.
      await h.rt.services.notifications.notify(
        {
          tenant: t,
          em,
          read: emReader(em),
          actor: { subject: 's', requestId: 'r', ip: null },
          afterCommit: () => undefined,
        },
        {
          caseId,
          type: 'SLA_RED',
          level: 'RED',
          title: `${caseNumber} 竞争`,
          recipients: {},
          dedupeKey: `race-${++seq}`,
        },
      );
      return em.execute<{ id: string }[]>('select id from webhook_deliveries where subscription_id = ?', [sub.id]);
    });
    const other = createServices(h.rt.orm, null);
    const outcomes = await Promise.all([
      ws.webhookDelivery.deliver(t.id, n[0]!.id),
      other.webhookDelivery.deliver(t.id, n[0]!.id),
    ]);
    // The loser finds the row claimed (and waits for the claim to lapse) or already delivered.
    expect(outcomes.filter((o) => o.kind === 'delivered')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'retry' || o.kind === 'skipped')).toHaveLength(1);
    expect(receiver.got.filter((g) => g.path === '/race')).toHaveLength(1);
    expect(await deliveriesOf(sub.id)).toMatchObject([{ status: 'DELIVERED', attempts: 1 }]);
  });

  it('stops calling a subscription once it is deleted', async () => {
    await workers!.close();
    workers = null;
    const sub = await subscribe('/deleted');
    await notifyCommitted();
    await mutate(
      h,
      admin,
      'mutation($i: WebhookIdInput!) { deleteWebhookSubscription(input: $i) { userErrors { code } } }',
      { id: sub.id },
    );
    const [d] = await deliveriesOf(sub.id);
    expect(d).toMatchObject({ status: 'DEAD', last_error: 'subscription deleted' });
    expect(await ws.webhookDelivery.deliver(t.id, d!.id)).toEqual({ kind: 'skipped' });
    expect(receiver.got.filter((g) => g.path === '/deleted')).toHaveLength(0);
  });

  it('keeps job payloads and worker logs to ids: no phone or ID number in Redis or the logs', async () => {
    const prefix = h.rt.config.REDIS_PREFIX;
    const values: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await h.rt.redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      for (const k of keys) {
        const type = await h.rt.redis.type(k);
        if (type === 'hash') values.push(...Object.values(await h.rt.redis.hgetall(k)));
        else if (type === 'string') values.push((await h.rt.redis.get(k)) ?? '');
        else if (type === 'list') values.push(...(await h.rt.redis.lrange(k, 0, -1)));
        else if (type === 'zset') values.push(...(await h.rt.redis.zrange(k, 0, -1)));
      }
      cursor = next;
    } while (cursor !== '0');
    expect(values.length).toBeGreaterThan(0);
    const jobData = values.filter((v) => v.includes('deliveryId'));
    expect(jobData.length).toBeGreaterThan(0);
    expect(logs.some((l) => l.includes('webhook.deliver'))).toBe(true);
    for (const v of [...values, ...logs]) {
      expect([v, personalDataIn(v)]).toEqual([v, null]);
    }
    // The case holds both, so their absence above is not for want of personal data nearby.
    const [party] = await withTenant(h.rt.orm, t.id, (em) =>
      em.execute<{ phone: string }[]>('select phone from case_parties where case_id = ?', [caseId]),
    );
    expect(party!.phone).toMatch(PHONE);
  });
});
