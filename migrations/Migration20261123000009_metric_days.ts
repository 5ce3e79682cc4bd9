import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './rls';

/**
 * Daily figures per tenant, local day and handling unit, so a year of a million cases is a few
 * thousand rows to add up. Durations are kept as histograms (geometric buckets, 10 % wide) because
 * medians do not add up. Days are recomputed from the cases by a worker when a case of that day
 * changes (case_stats_dirty); the cases stay the source of truth.
 */
export class Migration20261123000009MetricDays extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table case_day_stats (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  day date not null,
  org_unit_id uuid not null,
  reported int not null,
  decided_same_day int not null,
  accepted int not null,
  dispatched int not null,
  resolved int not null,
  on_site int not null,
  ever_resolved int not null,
  came_back int not null,
  clocks_met int not null,
  clocks_met_on_time int not null,
  accept_hist int[] not null,
  dispatch_hist int[] not null,
  resolve_hist int[] not null,
  refreshed_at timestamptz not null default now(),
  primary key (tenant_id, day, org_unit_id)
);

create table case_stats_dirty (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  day date not null,
  marked_at timestamptz not null default now(),
  primary key (tenant_id, day)
);
`);
    this.addSql(tenantTableSql('case_day_stats'));
    this.addSql(tenantTableSql('case_stats_dirty'));
    this.addSql(`
create policy stats_sweep on case_stats_dirty for select to onedoor_owner using (true);
create function platform_dirty_stat_tenants(p_limit int)
  returns table (tenant_id uuid) language sql stable security definer set search_path = public, pg_temp
  as $$ select distinct d.tenant_id from case_stats_dirty d limit least(greatest(p_limit, 1), 10000) $$;
revoke all on function platform_dirty_stat_tenants(int) from public;
grant execute on function platform_dirty_stat_tenants(int) to onedoor_app;
`);
  }
}
