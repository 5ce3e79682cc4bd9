import { Migration } from '@mikro-orm/migrations';

/**
 * Every tenant below the current one, with its depth (1: a child) — the roll-up of a city over its
 * counties, towns and villages (issue 17). Non-personal columns only, like tenant_children();
 * each descendant's figures are then computed in that descendant's own isolation context.
 */
export class Migration20261127100004TenantDescendants extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create function tenant_descendants()
  returns table (id uuid, code text, name text, level text, parent_id uuid, time_zone text,
                 case_number_prefix text, status text, created_at timestamptz, updated_at timestamptz, depth int)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    with recursive below (id, depth) as (
      select t.id, 1 from tenants t where t.parent_id = app_current_tenant()
      union all
      select t.id, b.depth + 1 from tenants t join below b on t.parent_id = b.id where b.depth < 8
    )
    select t.id, t.code, t.name, t.level, t.parent_id, t.time_zone, t.case_number_prefix, t.status, t.created_at,
           t.updated_at, b.depth
    from below b join tenants t on t.id = b.id order by b.depth, t.code
  $$;
revoke all on function tenant_descendants() from public;
grant execute on function tenant_descendants() to onedoor_app;
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists tenant_descendants();');
  }
}
