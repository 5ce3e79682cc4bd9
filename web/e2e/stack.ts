import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The real stack for the browser tests: a fresh database on the system PostgreSQL, its own Redis
 * prefix, and `npm start`'s own launcher (migrations, demo data, the API and the workers as two
 * processes) from the build, serving the built console.
 */
const require = createRequire(import.meta.url);
export const ROOT = resolve(import.meta.dirname, '..', '..');
const provision = require(join(ROOT, 'dist/src/core/db/provision.js')) as {
  provisionDatabase(o: { adminUrl: string; database: string; ownerPassword: string; appPassword: string }): Promise<{
    ownerUrl: string;
    appUrl: string;
  }>;
  dropDatabase(adminUrl: string, database: string): Promise<void>;
};

export const ADMIN_URL = process.env['TEST_PG_ADMIN_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
export const PORT = Number(process.env['E2E_PORT'] ?? 4391);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export interface Stack {
  database: string;
  prefix: string;
  dataDir: string;
  child: ChildProcess;
}

export async function startStack(): Promise<Stack> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const database = `onedoor_e2e_${run}`;
  const prefix = `onedoor-e2e-${run}`;
  const urls = await provision.provisionDatabase({
    adminUrl: ADMIN_URL,
    database,
    ownerPassword: 'onedoor_owner',
    appPassword: 'onedoor_app',
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATABASE_URL: urls.appUrl,
    DATABASE_OWNER_URL: urls.ownerUrl,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    DATA_DIR: dataDir,
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    // Short-lived tokens in the expiry test must expire when they say.
    AUTH_CLOCK_SKEW_SECONDS: '0',
    CONSOLE_DIR: 'web/dist',
  };
  // The built-in development issuer and its sign-in page, as `npm start` gives a developer.
  delete env['KEYCLOAK_REALM_URL'];
  const child = spawn(process.execPath, ['dist/scripts/start.js'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    const up = await fetch(`${BASE_URL}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { database, prefix, dataDir, child };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error('the stack did not come up');
}

export async function stopStack(s: Stack): Promise<void> {
  if (s.child.exitCode === null) {
    s.child.kill('SIGTERM');
    await new Promise((r) => s.child.once('exit', r));
  }
  await provision.dropDatabase(ADMIN_URL, s.database);
  const { Redis } = require('ioredis') as typeof import('ioredis');
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${s.prefix}*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
  rmSync(s.dataDir, { recursive: true, force: true });
}
