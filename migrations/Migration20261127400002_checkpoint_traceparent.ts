import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 20: the W3C trace context of the operation that scheduled a checkpoint, so a job the
 * horizon sweep has to re-create (Redis lost it, or it was missed) starts a span linked to the
 * trace that first scheduled it. Null when tracing was off. The sweep's function returns it.
 */
export class Migration20261127400002CheckpointTraceparent extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table deadline_checkpoints add column traceparent text
  check (traceparent ~ '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$');
drop function platform_due_checkpoints(timestamptz, int);
create function platform_due_checkpoints(p_until timestamptz, p_limit int)
  returns table (tenant_id uuid, checkpoint_id uuid, due_at timestamptz, traceparent text)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select c.tenant_id, c.id, c.due_at, c.traceparent from deadline_checkpoints c
    where c.status = 'PENDING' and c.due_at <= p_until
    order by c.due_at limit least(greatest(p_limit, 1), 100000)
  $$;
revoke all on function platform_due_checkpoints(timestamptz, int) from public;
grant execute on function platform_due_checkpoints(timestamptz, int) to onedoor_app;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop function platform_due_checkpoints(timestamptz, int);
create function platform_due_checkpoints(p_until timestamptz, p_limit int)
  returns table (tenant_id uuid, checkpoint_id uuid, due_at timestamptz)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select c.tenant_id, c.id, c.due_at from deadline_checkpoints c
    where c.status = 'PENDING' and c.due_at <= p_until
    order by c.due_at limit least(greatest(p_limit, 1), 100000)
  $$;
revoke all on function platform_due_checkpoints(timestamptz, int) from public;
grant execute on function platform_due_checkpoints(timestamptz, int) to onedoor_app;
alter table deadline_checkpoints drop column traceparent;
`);
  }
}
