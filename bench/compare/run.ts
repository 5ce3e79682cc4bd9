/**
 * `npm run bench:compare`: OneDoor (the built dist, its own process) and PostGraphile 5 (its own
 * process) side by side over one throw-away database, the same non-owner app role under the same
 * RLS policies, the tenant from the same RS256 token. Checks the three operations return the same
 * rows on both, then drives each from a separate load-generator process and prints req/s, latency,
 * server CPU per request (from /proc/<pid>/stat) and the ratio. See bench/README.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { runBench, withBench } from '../setup';
import { startIssuer } from './issuer';
import { seedCases } from './seed';
import { benchQueries, type BenchQuery } from './queries';
import { cpuOfAll, cpuSpent, processCpuMs } from './proc-cpu';
import type { LoadResult, LoadSpec } from './load';

const num = (k: string, d: number) => Number(process.env[k] ?? d);
const CASES = num('BENCH_CASES', 10_000);
const SECONDS = num('BENCH_SECONDS', 15);
const WARMUP = num('BENCH_WARMUP_SECONDS', 5);
const ROUNDS = num('BENCH_ROUNDS', 3);
const CONNECTIONS = num('BENCH_CONNECTIONS', 16);
const PORT = num('BENCH_COMPARE_PORT', 4715);
/** a directory: OneDoor runs under `node --cpu-prof` and writes its profile there when stopped */
const CPU_PROF = process.env['BENCH_CPU_PROF'];
/** only the operations whose name contains this */
const ONLY = process.env['BENCH_ONLY'];
const CLIENT_ID = 'onedoor-api';

type Api = 'onedoor' | 'postgraphile';
interface Server {
  api: Api;
  proc: ChildProcess;
  url: string;
  stderr: string[];
  /** bytes the process's heap allocated so far, summed from V8's GC trace (`allocated=` per GC) */
  allocated: { bytes: number };
}

const dist = (...p: string[]) => join(__dirname, '..', '..', ...p);
/** BENCH_ONEDOOR_DIST: another build's `dist` (e.g. an older commit's) to time instead of this one */
const ONEDOOR_MAIN = join(process.env['BENCH_ONEDOOR_DIST'] ?? dist(), 'src', 'main.js');

/**
 * Each server runs with `--trace-gc-nvp`: V8 prints a line per collection with the bytes allocated
 * since the one before, and their sum over a run is the heap allocated per request (item 4 of the
 * issue: GC was a quarter of the process's CPU). Both servers pay the same few lines per collection.
 */
function start(api: Api, args: string[], env: NodeJS.ProcessEnv, url: string): Server {
  const proc = spawn(process.execPath, ['--trace-gc-nvp', ...args], {
    env: { PATH: process.env['PATH'], ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  const allocated = { bytes: 0 };
  proc.stderr!.on('data', (b: Buffer) => stderr.push(b.toString()));
  let partial = '';
  proc.stdout!.on('data', (b: Buffer) => {
    const lines = (partial + b.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const m = / allocated=(\d+)/.exec(line);
      if (m) allocated.bytes += Number(m[1]);
    }
  });
  return { api, proc, url, stderr, allocated };
}

async function ready(s: Server): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (s.proc.exitCode !== null) throw new Error(`${s.api} exited: ${s.stderr.join('')}`);
    try {
      // Any answer means it listens with its schema built (a token-less probe is refused, as it should be).
      await fetch(s.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{__typename}"}',
      });
      return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${s.api} did not start: ${s.stderr.join('')}`);
}

/**
 * A Redis of the bench's own, with AOF on: OneDoor runs as deployed (NODE_ENV=production), and
 * production refuses a Redis that would lose queued jobs on a restart (the shared one has none).
 */
async function persistentRedis(port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'onedoor-bench-redis-'));
  const proc = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--save', '', '--dir', dir],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`redis-server exited (${proc.exitCode}); is port ${port} free?`);
    const up = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1', () => sock.end(() => resolve(true))).on('error', () => resolve(false));
    });
    if (up) break;
    if (i > 100) throw new Error('redis-server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function stop(s: Server): Promise<void> {
  if (s.proc.exitCode !== null) return;
  const exited = new Promise((r) => s.proc.once('exit', r));
  s.proc.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
}

async function post(
  url: string,
  token: string,
  query: string,
): Promise<{ text: string; data: Record<string, unknown> }> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const text = await r.text();
  const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown };
  if (r.status !== 200 || body.errors || !body.data) throw new Error(`${url}: HTTP ${r.status} ${text.slice(0, 500)}`);
  return { text, data: body.data };
}

function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [join(__dirname, 'load.js'), JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator: exit ${code}`)),
    );
  });
}

interface Measured extends LoadResult {
  rps: number;
  cpuMs: number;
  dbCpuMs: number;
  /** heap allocated per request, KiB */
  allocKb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  await withBench({ name: 'compare', tenantPrefix: 'cmp' }, async (b) => {
    const t0 = performance.now();
    const { detailCaseId } = await seedCases(b, CASES);
    await b.analyze(['cases', 'case_parties', 'case_assignees', 'case_events', 'categories', 'staff_members']);
    console.log(
      `seeded ${CASES} cases (2 parties each, a quarter accepted and assigned) through the intake service in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );

    const issuer = await startIssuer(PORT + 2, CLIENT_ID);
    const token = await issuer.issuer.sign({
      subject: 'bench',
      tenants: [b.tenant.code],
      roles: ['tenant-admin', 'intake-clerk'],
    });
    const redis = await persistentRedis(PORT + 3);
    const onedoor = start(
      'onedoor',
      [...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : []), ONEDOOR_MAIN],
      {
        // As deployed: graphql-js, express and the error masking behave differently in development.
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(PORT),
        DATABASE_URL: b.db.appUrl,
        REDIS_URL: redis.url,
        REDIS_PREFIX: b.db.redisPrefix,
        KEYCLOAK_REALM_URL: issuer.issuer.realmUrl,
        KEYCLOAK_CLIENT_ID: CLIENT_ID,
        DATA_DIR: join(CPU_PROF ?? '/tmp', `onedoor-bench-compare-${process.pid}`),
        CONSOLE_DIR: '/nonexistent',
      },
      `http://127.0.0.1:${PORT}/graphql`,
    );
    const pgl = start(
      'postgraphile',
      [join(__dirname, 'postgraphile-server.js')],
      {
        NODE_ENV: 'production',
        PG_BENCH_DATABASE_URL: b.db.appUrl,
        PG_BENCH_REALM_URL: issuer.issuer.realmUrl,
        PG_BENCH_CLIENT_ID: CLIENT_ID,
        PG_BENCH_TENANTS: JSON.stringify({ [b.tenant.code]: b.tenant.id }),
        PG_BENCH_PORT: String(PORT + 1),
        PG_BENCH_SDL: process.env['BENCH_PG_SDL'] ?? '',
      },
      `http://127.0.0.1:${PORT + 1}/graphql`,
    );
    const admin = new Client({ connectionString: b.db.adminUrl });
    await admin.connect();
    try {
      await Promise.all([ready(onedoor), ready(pgl)]);
      const servers = [onedoor, pgl];
      const backends = async () =>
        (
          await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [b.db.name])
        ).rows.map((r) => r.pid);

      const queries = benchQueries(b.tenant.id, detailCaseId).filter((q) => !ONLY || q.name.includes(ONLY));
      // Same rows on both, checked before anything is timed; the answers become autocannon's expected bodies.
      const expected = new Map<string, string>();
      for (const q of queries) {
        const [od, pg] = [await post(onedoor.url, token, q.onedoor), await post(pgl.url, token, q.postgraphile)];
        const [a, c] = [q.rows('onedoor', od.data), q.rows('postgraphile', pg.data)];
        if (!isDeepStrictEqual(a, c))
          throw new Error(
            `${q.name}: the answers differ\nOneDoor:      ${JSON.stringify(a)}\nPostGraphile: ${JSON.stringify(c)}`,
          );
        expected.set(`onedoor ${q.name}`, od.text);
        expected.set(`postgraphile ${q.name}`, pg.text);
      }
      console.log(`same rows on both for: ${queries.map((q) => q.name).join('; ')}`);

      const run = async (s: Server, q: BenchQuery, seconds: number): Promise<Measured> => {
        const spec: LoadSpec = {
          url: s.url,
          token,
          body: JSON.stringify({ query: q[s.api] }),
          expectBody: expected.get(`${s.api} ${q.name}`)!,
          connections: CONNECTIONS,
          seconds,
        };
        const pids0 = await backends();
        const [cpu0, db0, alloc0] = [processCpuMs(s.proc.pid!), cpuOfAll(pids0), s.allocated.bytes];
        const r = await load(spec);
        const [cpu1, db1] = [processCpuMs(s.proc.pid!), cpuOfAll([...new Set([...pids0, ...(await backends())])])];
        return {
          ...r,
          rps: r.requests / r.seconds,
          cpuMs: (cpu1 - cpu0) / r.requests,
          dbCpuMs: cpuSpent(db0, db1) / r.requests,
          allocKb: (s.allocated.bytes - alloc0) / r.requests / 1024,
        };
      };

      console.log(
        `${CONNECTIONS} connections, ${SECONDS} s per run after a ${WARMUP} s warm-up, ${ROUNDS} rounds alternating the servers; node ${process.version}`,
      );
      const results = new Map<string, Measured[]>();
      for (const q of queries) {
        for (const s of servers) if (WARMUP > 0) await run(s, q, WARMUP);
        for (let round = 0; round < ROUNDS; round++) {
          for (const s of round % 2 ? [...servers].reverse() : servers) {
            const m = await run(s, q, SECONDS);
            if (m.failures) throw new Error(`${s.api} ${q.name}: ${m.failures} failed or different answers`);
            console.log(
              `  round ${round + 1} ${s.api.padEnd(12)} ${q.name.padEnd(32)} ${m.rps.toFixed(0).padStart(5)} req/s  p95 ${m.p95.toFixed(0)} ms  CPU ${m.cpuMs.toFixed(2)} ms/req  PostgreSQL ${m.dbCpuMs.toFixed(2)} ms/req  heap ${m.allocKb.toFixed(0)} KiB/req`,
            );
            results.set(`${s.api} ${q.name}`, [...(results.get(`${s.api} ${q.name}`) ?? []), m]);
          }
        }
      }
      printSummary(queries, results);
    } finally {
      await admin.end();
      await Promise.all([stop(onedoor), stop(pgl)]);
      await redis.stop();
      issuer.close();
    }
  });
}

function printSummary(queries: BenchQuery[], results: Map<string, Measured[]>): void {
  const med = (api: Api, q: BenchQuery, k: keyof Measured) => median(results.get(`${api} ${q.name}`)!.map((m) => m[k]));
  console.log('\nmedian of the rounds');
  console.log(
    '| operation | server | req/s | p50 ms | p95 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req | heap allocated KiB/req |\n|---|---|---|---|---|---|---|---|---|',
  );
  for (const q of queries)
    for (const api of ['onedoor', 'postgraphile'] as const)
      console.log(
        `| ${q.name} | ${api} | ${med(api, q, 'rps').toFixed(0)} | ${med(api, q, 'p50').toFixed(0)} | ${med(api, q, 'p95').toFixed(0)} | ${med(api, q, 'p99').toFixed(0)} | ${med(api, q, 'cpuMs').toFixed(2)} | ${med(api, q, 'dbCpuMs').toFixed(2)} | ${med(api, q, 'allocKb').toFixed(0)} |`,
      );
  console.log(
    '\n| operation | OneDoor/PostGraphile req/s | server CPU per request, OneDoor/PostGraphile |\n|---|---|---|',
  );
  for (const q of queries)
    console.log(
      `| ${q.name} | ${(med('onedoor', q, 'rps') / med('postgraphile', q, 'rps')).toFixed(2)}× | ${(med('onedoor', q, 'cpuMs') / med('postgraphile', q, 'cpuMs')).toFixed(2)}× |`,
    );
}

runBench(main);
