import { randomBytes } from 'node:crypto';
import { provisionDatabase } from '../../src/core/db/provision';
import { execFileSync } from 'node:child_process';
import { runServers, type RunServers } from './servers';

/** Shared with the teardown, which Jest runs in the same process. */
export const servers: { current: RunServers | null } = ((
  globalThis as { __onedoorServers?: { current: RunServers | null } }
).__onedoorServers ??= { current: null });

/** One database and one Redis prefix per run, so runs never see each other's data. */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const database = `onedoor_test_${run}`;
  const started = await runServers(process.env);
  servers.current = started;
  const urls = await provisionDatabase({
    adminUrl: started.pgAdminUrl,
    database,
    ownerPassword: 'onedoor_owner',
    appPassword: 'onedoor_app',
  });
  // Migrations run in a child process from the build (`npm test` builds first): loading
  // MikroORM here would register entity metadata in this process's realm, which Jest's test
  // sandboxes (same process with --runInBand) then fail to clone.
  execFileSync(process.execPath, ['dist/scripts/migrate.js'], {
    env: { ...process.env, DATABASE_OWNER_URL: urls.ownerUrl, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  process.env['ONEDOOR_TEST_DATABASE'] = database;
  process.env['ONEDOOR_TEST_DATABASE_URL'] = urls.appUrl;
  process.env['ONEDOOR_TEST_OWNER_URL'] = urls.ownerUrl;
  process.env['ONEDOOR_TEST_PG_ADMIN_URL'] = started.pgAdminUrl;
  process.env['ONEDOOR_TEST_REDIS_URL'] = started.redisUrl;
  process.env['ONEDOOR_TEST_REDIS_PREFIX'] = `onedoor-test-${run}`;
}
