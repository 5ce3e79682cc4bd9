/**
 * The isolation every tenant table gets: RLS enabled and forced (the owner too), one policy on
 * the transaction's tenant, and DML for the app role. Migrations call it per new table.
 */
export function tenantTableSql(table: string): string {
  return `
alter table ${table} enable row level security;
alter table ${table} force row level security;
create policy tenant_isolation on ${table}
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on ${table} to onedoor_app;`;
}
