import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const listening = () =>
  new Promise<net.Server>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
const closed = (s: net.Server) =>
  new Promise<number>((resolve) => {
    const port = (s.address() as net.AddressInfo).port;
    s.close(() => resolve(port));
  });

export const freePort = async () => closed(await listening());

/**
 * `n` different free ports: all held open until each is known. One at a time, the kernel may hand
 * the port just closed out again (Jaeger's query API and its gRPC once got the same one).
 */
async function freePorts(n: number): Promise<number[]> {
  const held: net.Server[] = [];
  for (let i = 0; i < n; i++) held.push(await listening());
  return Promise.all(held.map(closed));
}

/**
 * The Jaeger binary from .ci/otel-tools (built from the Go module proxy on first use, then
 * cached), or why it cannot be had.
 */
export function jaegerBinary(): { path: string } | { missing: string } {
  const r = spawnSync('bash', ['.ci/otel-tools', 'jaeger'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60 * 60_000,
  });
  if (r.status === 0 && r.stdout.trim()) return { path: r.stdout.trim() };
  return { missing: (r.stderr || r.error?.message || `exit ${r.status}`).trim() };
}

export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  processID: string;
  references: { refType: string; traceID: string; spanID: string }[];
  tags: { key: string; type: string; value: unknown }[];
  logs: { fields: { key: string; value: unknown }[] }[];
}
export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string; tags: unknown[] }>;
}

export interface Jaeger {
  otlpUrl: string;
  traces(service: string): Promise<JaegerTrace[]>;
  trace(id: string): Promise<JaegerTrace | null>;
  stop(): Promise<void>;
}

/**
 * Jaeger all-in-one with in-memory storage: OTLP over HTTP and the query API, each on a free
 * port of 127.0.0.1, nothing else listening.
 */
export async function startJaeger(binary: string): Promise<Jaeger> {
  const [otlp, query, queryGrpc] = (await freePorts(3)) as [number, number, number];
  const dir = mkdtempSync(join(tmpdir(), 'onedoor-jaeger-'));
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    `service:
  extensions: [jaeger_storage, jaeger_query]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
    logs:
      level: warn
extensions:
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 10000
  jaeger_query:
    storage:
      traces: memstore
    http:
      endpoint: 127.0.0.1:${query}
    grpc:
      endpoint: 127.0.0.1:${queryGrpc}
receivers:
  otlp:
    protocols:
      http:
        endpoint: 127.0.0.1:${otlp}
processors:
  batch:
    timeout: 100ms
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
`,
  );
  const output: string[] = [];
  const child: ChildProcess = spawn(binary, ['--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (b: Buffer) => output.push(b.toString()));
  child.stderr?.on('data', (b: Buffer) => output.push(b.toString()));
  const api = `http://127.0.0.1:${query}/api`;
  const until = Date.now() + 30_000;
  for (;;) {
    const ok = await fetch(`${api}/services`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`Jaeger did not start:\n${output.join('').slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const get = async <T>(path: string): Promise<T> => {
    const r = await fetch(`${api}${path}`);
    return (await r.json()) as T;
  };
  return {
    otlpUrl: `http://127.0.0.1:${otlp}`,
    traces: async (service) =>
      (
        await get<{ data: JaegerTrace[] | null }>(
          `/traces?service=${encodeURIComponent(service)}&limit=200&lookback=1h`,
        )
      ).data ?? [],
    trace: async (id) => (await get<{ data: JaegerTrace[] | null }>(`/traces/${id}`)).data?.[0] ?? null,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
