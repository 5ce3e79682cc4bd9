import { Migration } from '@mikro-orm/migrations';

/**
 * The roll-up to a parent tenant: the parent lists its direct children (non-personal directory
 * columns) and then computes each child's figures inside that child's own isolation context.
 * The function answers only inside the parent's own context, so no tenant can list another's.
 */
export class Migration20261123000008Metrics extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create function tenant_children()
  returns table (id uuid, code text, name text, level text, parent_id uuid, time_zone text,
                 case_number_prefix text, status text, created_at timestamptz, updated_at timestamptz)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select t.id, t.code, t.name, t.level, t.parent_id, t.time_zone, t.case_number_prefix, t.status, t.created_at, t.updated_at
    from tenants t where t.parent_id = app_current_tenant() order by t.code
  $$;
revoke all on function tenant_children() from public;
grant execute on function tenant_children() to onedoor_app;

-- Resolution and closing times for the figures over a period (reported_at is indexed already).
create index cases_resolved_idx on cases (tenant_id, resolved_at) where resolved_at is not null;
create index cases_recurrence_idx on cases (tenant_id, recurrence_of_id) where recurrence_of_id is not null;
`);
  }
}
