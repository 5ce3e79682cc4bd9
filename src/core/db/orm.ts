import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../../../migrations';
import { TENANT_FILTER, tenantEntities } from './entities';
import { SerialPostgreSqlDriver } from './serial-driver';
import { appTenantWallEnabled } from './tenant-wall';
import { DEFAULT_SESSION_TIMEOUTS, timeoutOptions, type SessionTimeouts } from './session-timeouts';

export type Orm = MikroORM;

/** `timeouts` null: no session bounds (migrations may rightly run long, as the owner role). */
function baseOptions(clientUrl: string, poolMax: number, timeouts: SessionTimeouts | null): Options {
  const bounded = timeouts ? timeoutOptions(timeouts) : null;
  return defineConfig({
    clientUrl,
    driver: SerialPostgreSqlDriver,
    entities: tenantEntities,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // Wall 1 of tenant isolation (wall 2 is RLS): a query on a tenant entity without
    // the tenant parameter throws instead of reading across tenants.
    filters: {
      [TENANT_FILTER]: {
        cond: (args: { tenantId: string }) => (appTenantWallEnabled() ? { tenantId: args.tenantId } : {}),
        entity: tenantEntities.map((e) => e.name),
        default: true,
      },
    },
    pool: { min: 0, max: poolMax, idleTimeoutMillis: 30_000, ...bounded?.pool },
    ...(bounded ? { driverOptions: bounded.driverOptions } : {}),
    debug: false,
  });
}

/** The application connection: the `onedoor_app` role, subject to RLS. */
export function createOrm(
  databaseUrl: string,
  poolMax = 10,
  timeouts: SessionTimeouts = DEFAULT_SESSION_TIMEOUTS,
): Promise<Orm> {
  return MikroORM.init(baseOptions(databaseUrl, poolMax, timeouts));
}

/** The owner connection, for migrations only. */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const orm = await MikroORM.init({
    ...baseOptions(ownerUrl, 2, null),
    extensions: [Migrator],
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      tableName: 'mikro_orm_migrations',
    },
  });
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}

export function poolStats(orm: Orm): { used: number; free: number; pending: number } {
  // knex exposes tarn's pool; absent before the first query.
  const pool = (
    orm.em.getConnection().getKnex().client as {
      pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number };
    }
  ).pool;
  return pool
    ? { used: pool.numUsed(), free: pool.numFree(), pending: pool.numPendingAcquires() }
    : { used: 0, free: 0, pending: 0 };
}
