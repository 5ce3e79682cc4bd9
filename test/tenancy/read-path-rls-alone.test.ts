import { crossTenantReads } from '../utils/read-path-isolation';
import { appTenantWallEnabled } from '../../src/core/db/tenant-wall';

/**
 * The same reads with the application's tenant wall switched off (the ORM filter and the tenant
 * predicates of the read path's SQL; config accepts the switch only under NODE_ENV=test): RLS
 * alone keeps tenant B's rows from tenant A. A file of its own: the switch is process-wide.
 */
crossTenantReads(
  'read path across tenants: the application wall off, RLS alone',
  () => ({ TEST_DISABLE_APP_TENANT_FILTER: 'true' }),
  async () => !appTenantWallEnabled(),
);
