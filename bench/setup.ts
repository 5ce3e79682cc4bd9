import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/core/observability/logger';
import { provisionDatabase, dropDatabase } from '../src/core/db/provision';
import { runMigrations } from '../src/core/db/orm';
import { bootstrap, type Runtime } from '../src/bootstrap';
import { createApp } from '../src/app';
import { LocalIssuer, LOCAL_ISSUER_BASE_PATH, LOCAL_REALM } from '../src/core/auth/local-issuer';
import { OidcTokenVerifier } from '../src/core/auth/token-verifier';
import { withTenantScope } from '../src/core/tenancy/tenant-tx';
import type { TenantScope } from '../src/core/tenancy/scope';
import type { TenantRecord } from '../src/modules/tenant/tenant.model';

const ADMIN = process.env['TEST_PG_ADMIN_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const REDIS = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export interface Bench {
  rt: Runtime;
  /** a fresh TOWN tenant with the defaults every new tenant gets */
  tenant: TenantRecord;
  /** runs `fn` in the tenant's own isolation context, as the bench's actor */
  inTenant<T>(fn: (scope: TenantScope) => Promise<T>): Promise<T>;
  /** ANALYZE as autovacuum would: it needs the owner role, not the app's */
  analyze(tables: string[]): Promise<void>;
  /** with `port`: the API over HTTP, its tokens from the built-in issuer */
  http: { base: string; issuer: LocalIssuer } | null;
  /** the throw-away database: its name, and the app role's URL (non-owner, under RLS) */
  db: { name: string; appUrl: string; adminUrl: string; redisUrl: string; redisPrefix: string };
}

/**
 * One bench's world, as the tests have theirs: a fresh database on TEST_PG_ADMIN_URL (migrated,
 * app role under RLS), its own Redis prefix on TEST_REDIS_URL, the services, one tenant and, when
 * a port is given, the API in production mode. Everything is dropped after `body`, whatever it did.
 */
export async function withBench(
  opts: { name: string; tenantPrefix: string; port?: number },
  body: (b: Bench) => Promise<void>,
): Promise<void> {
  const run = randomBytes(4).toString('hex');
  const database = `onedoor_bench_${opts.name ? `${opts.name}_` : ''}${run}`;
  const urls = await provisionDatabase({
    adminUrl: ADMIN,
    database,
    ownerPassword: 'onedoor_owner',
    appPassword: 'onedoor_app',
  });
  await runMigrations(urls.ownerUrl);
  const realm = opts.port
    ? { KEYCLOAK_REALM_URL: `http://127.0.0.1:${opts.port}${LOCAL_ISSUER_BASE_PATH}/realms/${LOCAL_REALM}` }
    : {};
  const config = loadConfig({
    NODE_ENV: opts.port ? 'production' : 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: urls.appUrl,
    REDIS_URL: REDIS,
    REDIS_PREFIX: `onedoor-bench-${run}`,
    // Seeding a million rows is one statement through the app role; the default 30 s bound is for requests.
    DATABASE_STATEMENT_TIMEOUT_MS: '3600000',
    ...realm,
  });
  const log = createLogger('silent');
  const rt = await bootstrap(config, log);
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  try {
    let http: Bench['http'] = null;
    if (opts.port) {
      const issuer = await LocalIssuer.create(config.KEYCLOAK_REALM_URL!, config.KEYCLOAK_CLIENT_ID);
      const verifier = new OidcTokenVerifier({
        realmUrl: issuer.realmUrl,
        clientId: config.KEYCLOAK_CLIENT_ID,
        clockSkewSeconds: 30,
        jwksCooldownSeconds: 30,
      });
      app = await createApp({ config, services: rt.services, redis: rt.redis, verifier, log, localIssuer: issuer });
      http = { base: await app.listen(opts.port, '127.0.0.1'), issuer };
    }
    const created = await rt.services.tenants.create(
      { subject: 'bench', requestId: null },
      { code: `${opts.tenantPrefix}-${run}`, name: 'Bench', level: 'TOWN' },
    );
    if (!created.ok) throw new Error(`bench tenant: ${created.errors.map((e) => e.code).join(', ')}`);
    const tenant = created.value;
    await rt.services.provisioning.seedDefaults(tenant.id);
    await body({
      rt,
      tenant,
      http,
      db: {
        name: database,
        appUrl: urls.appUrl,
        adminUrl: ADMIN,
        redisUrl: REDIS,
        redisPrefix: `onedoor-bench-${run}`,
      },
      inTenant: (fn) => withTenantScope(rt.orm, tenant, { subject: 'bench', requestId: 'bench', ip: null }, fn),
      async analyze(tables) {
        const owner = new Client({ connectionString: urls.ownerUrl });
        await owner.connect();
        try {
          for (const t of tables) await owner.query(`analyze ${t}`);
        } finally {
          await owner.end();
        }
      },
    });
  } finally {
    await app?.stop();
    await rt.close();
    // BENCH_KEEP_DATABASE=1 keeps it to look at plans afterwards (EXPLAIN as the app role).
    if (process.env['BENCH_KEEP_DATABASE'] === '1') console.log(`kept database ${database}`);
    else await dropDatabase(ADMIN, database);
  }
}

/** The entry point of a bench script: a failure prints and exits non-zero. */
export function runBench(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
