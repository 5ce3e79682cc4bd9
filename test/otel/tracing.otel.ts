import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, createStaff, mutate, REPORT_CASE } from '../utils/cases';
import { eventually } from '../utils/eventually';
import { personalDataIn } from '../utils/personal-data';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import { freePort, jaegerBinary, startJaeger, type Jaeger, type JaegerSpan, type JaegerTrace } from './jaeger';

const PHONE = '13911112222';
const ID_NUMBER = '330502199001011236';

// Named operations: the span of a GraphQL operation is called after its name.
const REPORT = REPORT_CASE.replace('mutation(', 'mutation ReportCase(');
const ACCEPT =
  'mutation AcceptCase($i: AcceptCaseInput!) { acceptCase(input: $i) { case { id status } userErrors { code message } } }';
const ACCEPT_LATER = ACCEPT.replace('AcceptCase(', 'AcceptLater(');
const UPSERT_POLICY =
  'mutation($i: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $i) { slaPolicy { id } userErrors { field code message } } }';
const SUBSCRIBE =
  'mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { webhookSubscription { id } userErrors { code } } }';

const binary = jaegerBinary();
if ('missing' in binary) {
  console.warn(`SKIPPED the tracing test: no Jaeger binary could be built (.ci/otel-tools jaeger):\n${binary.missing}`);
}
const describeWithJaeger = 'path' in binary ? describe : describe.skip;

const tag = (s: JaegerSpan, key: string) => s.tags.find((t) => t.key === key)?.value;
const parentOf = (s: JaegerSpan) => s.references.find((r) => r.refType === 'CHILD_OF')?.spanID;

interface Proc {
  child: ChildProcess;
  lines: string[];
}

/** A built entry point (dist/, as `npm start` runs it), its stdout kept as JSON log lines. */
function run(script: string, env: NodeJS.ProcessEnv): Proc {
  const lines: string[] = [];
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let rest = '';
  child.stdout!.on('data', (b: Buffer) => {
    const parts = (rest + b.toString()).split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts.filter(Boolean));
  });
  child.stderr!.on('data', (b: Buffer) => lines.push(b.toString()));
  return { child, lines };
}

async function stop(p: Proc | null): Promise<void> {
  if (!p || p.child.exitCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM'); // graceful: the SDK flushes its last spans on the way out
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (p.child.exitCode === null) p.child.kill('SIGKILL');
}

describeWithJaeger('one dispute followed through both processes in Jaeger', () => {
  let jaeger: Jaeger;
  let h: Harness;
  let t: TenantRecord;
  let clerk: string;
  let api: Proc | null = null;
  let workers: Proc | null = null;
  let apiUrl: string;
  let family: string;
  let labor: string;
  let workersMetrics: string;
  let receiver: Server;
  const hooks: { path: string; headers: IncomingHttpHeaders }[] = [];

  const gql = async (query: string, i: Record<string, unknown>) => {
    const r = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${clerk}` },
      body: JSON.stringify({ query, variables: { i } }),
    });
    const body = (await r.json()) as { data?: Record<string, { case: { id: string } | null; userErrors: unknown[] }> };
    const payload = Object.values(body.data ?? {})[0];
    if (!payload?.case || payload.userErrors.length) throw new Error(JSON.stringify(body));
    return payload.case;
  };

  beforeAll(async () => {
    jaeger = await startJaeger((binary as { path: string }).path);
    // Setting up the tenant goes through an untraced API in this process; the traced operations
    // below go to the API and worker processes started with OTEL_* pointing at Jaeger.
    h = await startHarness();
    t = await h.createTenant('otel');
    const admin = await h.token({ tenants: [t.code], roles: ['tenant-admin', 'intake-clerk'] });
    const center = await buildCenter(h, admin);
    family = center.category['family']!;
    labor = center.category['labor']!;
    await createStaff(h, admin, '受理员', ['intake-clerk'], center.stationId);
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk', 'dispatcher'] });
    const policy = await h.gql<{ upsertSlaPolicy: { userErrors: unknown[] } }>(admin, UPSERT_POLICY, {
      i: {
        name: '追踪测试',
        categoryId: center.category['family'],
        targets: [
          { step: 'ACCEPT', duration: 'PT1H', mode: 'CALENDAR' },
          { step: 'DISPATCH', duration: 'PT4S', mode: 'CALENDAR' },
        ],
        yellow: { share: 0.25 },
        red: { share: 1 },
        escalations: [],
      },
    });
    expect(policy.body.data!.upsertSlaPolicy.userErrors).toEqual([]);
    // Labour disputes: an hour to dispatch, so their checkpoints wait while the link test loses one.
    const slow = await h.gql<{ upsertSlaPolicy: { userErrors: unknown[] } }>(admin, UPSERT_POLICY, {
      i: {
        name: '追踪测试（慢）',
        categoryId: center.category['labor'],
        targets: [
          { step: 'ACCEPT', duration: 'PT1H', mode: 'CALENDAR' },
          { step: 'DISPATCH', duration: 'PT1H', mode: 'CALENDAR' },
        ],
        yellow: { share: 0.5 },
        red: { share: 1 },
        escalations: [],
      },
    });
    expect(slow.body.data!.upsertSlaPolicy.userErrors).toEqual([]);

    receiver = createServer((req, res) => {
      hooks.push({ path: req.url ?? '/', headers: req.headers });
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sla`;
    const sub = await mutate<{ userErrors: unknown[] }>(h, admin, SUBSCRIBE, {
      url: hookUrl,
      eventTypes: ['SLA_YELLOW'],
    });
    expect(sub.userErrors).toEqual([]);

    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
      HOST: '127.0.0.1',
      DATABASE_URL: process.env['ONEDOOR_TEST_DATABASE_URL'],
      DATABASE_POOL_MAX: '3',
      REDIS_URL: process.env['ONEDOOR_TEST_REDIS_URL'],
      REDIS_PREFIX: process.env['ONEDOOR_TEST_REDIS_PREFIX'],
      KEYCLOAK_REALM_URL: h.issuer.realmUrl,
      KEYCLOAK_CLIENT_ID: 'onedoor-api',
      OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpUrl,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
    api = run('dist/src/main.js', { ...env, PORT: String(port) });
    workersMetrics = `http://127.0.0.1:${await freePort()}/metrics`;
    workers = run('dist/workers/main.js', { ...env, PORT: '0', WORKER_METRICS_PORT: new URL(workersMetrics).port });
    const ready = (p: Proc, msg: string) =>
      eventually(
        async () => p.lines.some((l) => l.includes(msg)) || p.child.exitCode !== null,
        (v) => v,
        30_000,
        100,
      );
    await Promise.all([ready(api, '"api listening"'), ready(workers, '"workers started"')]);
    if (api.child.exitCode !== null || workers.child.exitCode !== null)
      throw new Error(`a process died:\n${[...api.lines, ...workers.lines].slice(-20).join('\n')}`);
  }, 180_000);

  afterAll(async () => {
    await stop(api);
    await stop(workers);
    await new Promise<void>((r) => {
      if (!receiver) return r();
      receiver.close(() => r());
      // fetch keeps connections alive; close() alone would wait for them.
      receiver.closeAllConnections();
    });
    await h?.close();
    await jaeger?.stop();
  });

  // Before the dispute below: this one raises only RED (no webhook), so the receiver's first call stays that test's.
  it('links a checkpoint job the sweep re-creates (Redis lost it, it was missed) to the trace that scheduled it', async () => {
    const reported = await gql(REPORT, { title: '劳动争议', channel: 'WALK_IN', categoryId: labor });
    await gql(ACCEPT_LATER, { caseId: reported.id });
    const sql = <T>(q: string, params: unknown[]) => withTenant(h.rt.orm, t.id, (em) => em.execute<T[]>(q, params));
    const [red] = await sql<{ id: string; due_at: Date; traceparent: string | null }>(
      `select c.id, c.due_at, c.traceparent from deadline_checkpoints c
         join deadlines d on d.tenant_id = c.tenant_id and d.id = c.deadline_id
        where d.case_id = ? and d.step = 'DISPATCH' and c.kind = 'RED' and c.status = 'PENDING'`,
      [reported.id],
    );
    // The acceptance that scheduled it left its trace context on the row.
    expect(red!.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const [, scheduledTrace, scheduledSpan] = red!.traceparent!.split('-');

    // Redis loses the job, and the checkpoint falls due meanwhile: only the sweep can bring it back.
    const sla = h.rt.services.queues!.queue('sla');
    expect(await sla.remove(`sla.checkpoint-${red!.id}-${new Date(red!.due_at).getTime()}`)).toBe(1);
    const [missed] = await sql<{ due_at: Date }>(
      `update deadline_checkpoints set due_at = now() where id = ? returning due_at`,
      [red!.id],
    );
    const recreatedId = `sla.checkpoint-${red!.id}-${new Date(missed!.due_at).getTime()}`;
    await h.rt.services.queues!.enqueue('sla.horizon-sweep', {}, { jobId: `otel-sweep-${red!.id}` });
    await eventually(
      async () =>
        (await sql<{ status: string }>('select status from deadline_checkpoints where id = ?', [red!.id]))[0]!.status,
      (status) => status === 'FIRED',
      20_000,
      100,
    );

    // In Jaeger: the re-creation's span, in the workers, links to the acceptance's trace in the API;
    // the job it added, and the checkpoint fired by it, continue under it.
    const linked = await eventually(
      async () => {
        for (const tr of await jaeger.traces('onedoor-workers')) {
          const span = tr.spans.find(
            (s) =>
              s.operationName === 'sla.checkpoint recreate' && s.references.some((r) => r.traceID === scheduledTrace),
          );
          if (span) {
            const full = (await jaeger.trace(tr.traceID))!;
            if (
              full.spans.some(
                (s) => tag(s, 'bullmq.job.name') === 'sla.checkpoint' && tag(s, 'span.kind') === 'consumer',
              )
            )
              return { tr: full, span };
          }
        }
        return null;
      },
      (v) => !!v,
      20_000,
      250,
    );
    expect(linked).not.toBeNull();
    const { tr, span } = linked!;
    expect(tr.processes[span.processID]!.serviceName).toBe('onedoor-workers');
    expect(span.references).toContainEqual(
      expect.objectContaining({ refType: 'FOLLOWS_FROM', traceID: scheduledTrace, spanID: scheduledSpan }),
    );
    expect(tag(span, 'onedoor.job.id')).toBe(recreatedId);
    const byId = new Map(tr.spans.map((s) => [s.spanID, s]));
    const above = (s: JaegerSpan): JaegerSpan[] => {
      const up = byId.get(parentOf(s) ?? '');
      return up ? [up, ...above(up)] : [];
    };
    const fired = tr.spans.find(
      (s) => tag(s, 'bullmq.job.name') === 'sla.checkpoint' && tag(s, 'span.kind') === 'consumer',
    )!;
    expect(above(fired).map((s) => s.spanID)).toContain(span.spanID);
    // The linked-to span is the acceptance's own, in the API's trace.
    const scheduled = await eventually(
      () => jaeger.trace(scheduledTrace!),
      (x) => !!x?.spans.some((s) => s.spanID === scheduledSpan),
      10_000,
      250,
    );
    expect(scheduled!.spans.some((s) => tag(s, 'graphql.operation.name') === 'AcceptLater')).toBe(true);
  }, 60_000);

  it('records the request, its SQL, the job, the worker, its SQL and the webhook call as one trace, with no personal data', async () => {
    const reported = await gql(REPORT, {
      title: '家庭纠纷',
      channel: 'WALK_IN',
      categoryId: family,
      parties: [{ role: 'APPLICANT', kind: 'PERSON', name: '张三', phone: PHONE, idNumber: ID_NUMBER }],
    });
    await gql(ACCEPT, { caseId: reported.id });

    // The DISPATCH clock's yellow point (1 s after acceptance) fires in the worker; its webhook goes out.
    await eventually(
      async () => hooks.length,
      (n) => n > 0,
      20_000,
      100,
    );
    expect(hooks[0]!.headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    // The worker's own metrics saw the checkpoint fire, the job complete, and Redis set up right.
    const scraped = await eventually(
      () => fetch(workersMetrics).then((r) => r.text()),
      (m) => /onedoor_job_last_success_timestamp_seconds\{job_name="webhook.deliver"\}/.test(m),
      5_000,
      100,
    );
    expect(scraped).toMatch(/^onedoor_sla_checkpoint_lateness_seconds_count [1-9]/m);
    expect(scraped).toMatch(/^onedoor_jobs_total\{queue="sla",job_name="sla.checkpoint",outcome="completed"\} [1-9]/m);
    expect(scraped).toContain('onedoor_redis_config_ok{setting="maxmemory-policy"} 1');
    expect(scraped).toMatch(/^onedoor_queue_jobs\{queue="sla",state="delayed"\} \d+/m);
    // Both processes flush their last spans when they stop.
    await stop(api);
    await stop(workers);

    const acceptTrace = await eventually(
      async () => {
        const all = await jaeger.traces('onedoor-api');
        const found = all.find((tr) => tr.spans.some((s) => tag(s, 'graphql.operation.name') === 'AcceptCase'));
        return found ? await jaeger.trace(found.traceID) : null;
      },
      (tr) => !!tr && tr.spans.some((s) => tr.processes[s.processID]?.serviceName === 'onedoor-workers'),
      20_000,
      250,
    );
    expect(acceptTrace).not.toBeNull();
    const tr = acceptTrace as JaegerTrace;
    const service = (s: JaegerSpan) => tr.processes[s.processID]!.serviceName;
    const byId = new Map(tr.spans.map((s) => [s.spanID, s]));
    const inApi = tr.spans.filter((s) => service(s) === 'onedoor-api');
    const inWorkers = tr.spans.filter((s) => service(s) === 'onedoor-workers');

    // The GraphQL operation: its name and the tenant's code, never its variables.
    const operation = inApi.find((s) => tag(s, 'graphql.operation.name') === 'AcceptCase')!;
    expect(operation.operationName).toBe('mutation AcceptCase');
    expect(tag(operation, 'onedoor.tenant.code')).toBe(t.code);
    expect(operation.tags.some((x) => x.key.startsWith('graphql.variables'))).toBe(false);
    // Its SQL, each statement without parameters.
    const sqlApi = inApi.filter(
      (s) => tag(s, 'db.system.name') === 'postgresql' || tag(s, 'db.system') === 'postgresql',
    );
    expect(sqlApi.length).toBeGreaterThan(3);
    expect(sqlApi.every((s) => !s.tags.some((x) => /parameters|values/.test(x.key)))).toBe(true);
    // The jobs enqueued after commit.
    expect(inApi.some((s) => tag(s, 'span.kind') === 'producer' && /sla/.test(s.operationName))).toBe(true);
    // The notification's webhook: a job of its own, whose ancestors lead to the checkpoint's job
    // in the worker, whose parent is the job added by the request in the API.
    const deliverJob = inWorkers.find(
      (s) => tag(s, 'span.kind') === 'consumer' && tag(s, 'bullmq.job.name') === 'webhook.deliver',
    )!;
    expect(deliverJob).toBeDefined();
    const ancestors = (s: JaegerSpan): JaegerSpan[] => {
      const up = byId.get(parentOf(s) ?? '');
      return up ? [up, ...ancestors(up)] : [];
    };
    const checkpointJob = ancestors(deliverJob).find(
      (s) => tag(s, 'span.kind') === 'consumer' && tag(s, 'bullmq.job.name') === 'sla.checkpoint',
    )!;
    expect(checkpointJob).toBeDefined();
    expect(service(checkpointJob)).toBe('onedoor-workers');
    const enqueued = byId.get(parentOf(checkpointJob)!)!;
    expect(service(enqueued)).toBe('onedoor-api');
    expect(tag(enqueued, 'span.kind')).toBe('producer');
    // One tree: the request's HTTP span is the root above the operation, the enqueue and the webhook call.
    const root = (s: JaegerSpan) => ancestors(s).at(-1) ?? s;
    expect(root(enqueued).spanID).toBe(root(operation).spanID);
    expect(tag(root(operation), 'span.kind')).toBe('server');
    // The worker's own SQL, under the job.
    const underJob = (root: JaegerSpan) => {
      const out: JaegerSpan[] = [];
      const walk = (id: string) =>
        tr.spans.filter((s) => parentOf(s) === id).forEach((c) => (out.push(c), walk(c.spanID)));
      walk(root.spanID);
      return out;
    };
    expect(
      underJob(checkpointJob).some(
        (s) => tag(s, 'db.system.name') === 'postgresql' || tag(s, 'db.system') === 'postgresql',
      ),
    ).toBe(true);
    const call = underJob(deliverJob).find((s) => tag(s, 'span.kind') === 'client' && /POST/.test(s.operationName))!;
    expect(call).toBeDefined();
    expect(String(tag(call, 'url.full'))).toContain('/sla');
    expect(root(call).spanID).toBe(root(operation).spanID);
    // The receiver got the call's own trace context.
    expect(hooks[0]!.headers['traceparent']).toBe(`00-${tr.traceID}-${call.spanID}-01`);

    // No span of either trace carries the case's phone or ID number, in any form the tests know.
    const reportTrace = (await jaeger.traces('onedoor-api')).find((x) =>
      x.spans.some((s) => tag(s, 'graphql.operation.name') === 'ReportCase'),
    );
    expect(reportTrace).toBeDefined();
    for (const text of [JSON.stringify(tr), JSON.stringify(reportTrace)]) {
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain(ID_NUMBER);
      expect(personalDataIn(text)).toBeNull();
    }

    // A log line written inside the traced operation carries Jaeger's trace id, and keeps the request id.
    const logs = api!.lines.flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
    const line = logs.find((l) => l['msg'] === 'graphql operation' && l['operation'] === 'AcceptCase');
    expect(line).toMatchObject({ trace_id: tr.traceID, reqId: expect.any(String) });
    expect(byId.has(String(line!['span_id']))).toBe(true);
    // (The link test above fired a checkpoint job of its own first: the line of this trace's job is among them.)
    const workerLines = workers!.lines.filter((l) => l.includes('"job done"') && l.includes('"sla.checkpoint"'));
    expect(workerLines.find((l) => l.includes(tr.traceID))).toContain(`"trace_id":"${tr.traceID}"`);
  }, 90_000);
});
