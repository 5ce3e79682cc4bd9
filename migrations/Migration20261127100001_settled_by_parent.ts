import { Migration } from '@mikro-orm/migrations';

/**
 * The sweep behind "the town's case follows the parent's": child cases still ESCALATED whose case
 * at the current parent tenant has been settled (ids only). Reads across tenants as the owner,
 * through the read-only owner policy on cases that linked_parent_case() already uses.
 */
export class Migration20261127100001SettledByParent extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create function platform_settled_by_parent(p_limit int)
  returns table (tenant_id uuid, case_id uuid)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select c.tenant_id, c.id from cases c
    join tenants t on t.id = c.tenant_id
    join cases p on p.tenant_id = t.parent_id and p.origin_tenant_id = c.tenant_id and p.origin_case_id = c.id
    where c.status = 'ESCALATED' and p.resolved_at is not null and p.status in ('RESOLVED', 'FOLLOW_UP', 'CLOSED')
    order by p.resolved_at limit least(greatest(p_limit, 1), 1000)
  $$;
revoke all on function platform_settled_by_parent(int) from public;
grant execute on function platform_settled_by_parent(int) to onedoor_app;
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists platform_settled_by_parent(int);');
  }
}
