/**
 * Wall 1 of tenant isolation as the read path writes it into SQL (wall 2 is RLS). Raw reads name
 * the tenant through {@link tenantPredicate}, so one switch can take the application's wall down
 * and leave RLS alone standing: `TEST_DISABLE_APP_TENANT_FILTER`, which config accepts only with
 * NODE_ENV=test, for the test that shows RLS holds by itself. Never off in a running service.
 */
let appWallDisabled = false;

/** Called by createOrm from the validated config; nothing else may call it. */
export function setAppTenantWall(enabled: boolean): void {
  appWallDisabled = !enabled;
}

export function appTenantWallEnabled(): boolean {
  return !appWallDisabled;
}

/** `<alias>.tenant_id = ?` with the tenant as its parameter (`true` with none when the test switch is on). */
export function tenantPredicate(alias: string, tenantId: string): { sql: string; params: unknown[] } {
  return appWallDisabled ? { sql: 'true', params: [] } : { sql: `${alias}.tenant_id = ?`, params: [tenantId] };
}
