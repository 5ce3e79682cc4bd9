import { Client } from 'pg';
import { crossTenantReads } from '../utils/read-path-isolation';
import { appTenantWallEnabled } from '../../src/core/db/tenant-wall';

/** The case desk's read path across tenants with both walls, and with RLS bypassed (the application's wall alone). */
crossTenantReads(
  'read path across tenants: both walls',
  () => ({}),
  async () => appTenantWallEnabled(),
);

/**
 * PostgreSQL's superuser bypasses RLS, so connected as it the tenant filter and the tenant
 * predicates the read path writes into its SQL are all that stand between tenants.
 */
const superuserUrl = () => {
  const url = new URL(process.env['ONEDOOR_TEST_PG_ADMIN_URL']!);
  url.pathname = `/${process.env['ONEDOOR_TEST_DATABASE']}`;
  return url.toString();
};

crossTenantReads(
  'read path across tenants: RLS bypassed, the application wall alone',
  () => ({ DATABASE_URL: superuserUrl() }),
  async () => {
    const c = new Client({ connectionString: superuserUrl() });
    await c.connect();
    try {
      const r = await c.query<{ bypass: boolean }>(
        'select rolsuper or rolbypassrls as bypass from pg_roles where rolname = current_user',
      );
      return r.rows[0]!.bypass && appTenantWallEnabled();
    } finally {
      await c.end();
    }
  },
);
