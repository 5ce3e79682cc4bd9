import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './rls';

/**
 * In-app notifications with quiet hours, and outbound webhooks through an outbox: a delivery row
 * is written in the transaction of the event it reports, so an event is never announced that did
 * not commit, and never lost when Redis is. Deliveries carry ids and non-personal fields only.
 */
export class Migration20261123000007Notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table notification_settings (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  quiet_hours_enabled boolean not null default true,
  quiet_start text not null default '22:00' check (quiet_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  quiet_end text not null default '07:30' check (quiet_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  updated_at timestamptz not null default now(),
  primary key (tenant_id)
);

create table notifications (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  recipient_staff_id uuid not null,
  case_id uuid,
  type text not null check (length(type) between 1 and 100),
  level text not null check (level in ('INFO', 'YELLOW', 'RED')),
  title text not null check (length(title) between 1 and 200),
  data jsonb not null default '{}'::jsonb,
  dedupe_key text not null check (length(dedupe_key) between 1 and 300),
  urgent boolean not null default false,
  deliver_at timestamptz not null,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  primary key (tenant_id, id),
  -- The same checkpoint or event never reaches one person twice, however often it is retried.
  unique (tenant_id, dedupe_key, recipient_staff_id),
  foreign key (tenant_id, recipient_staff_id) references staff_members (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred
);
create index notifications_inbox_idx on notifications (tenant_id, recipient_staff_id, deliver_at desc, id desc);
create index notifications_unread_idx on notifications (tenant_id, recipient_staff_id, deliver_at) where read_at is null;

create table webhook_subscriptions (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  url text not null check (url ~ '^https?://' and length(url) <= 2000),
  -- Plain: signing needs it. Shown to the tenant admin once, never again through the API.
  secret text not null,
  event_types text[] not null check (cardinality(event_types) between 1 and 50),
  active boolean not null default true,
  -- Deleting keeps the row so its deliveries (dead letters included) stay readable.
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index webhook_subscriptions_live_idx on webhook_subscriptions (tenant_id, created_at) where deleted_at is null;

create table webhook_deliveries (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  subscription_id uuid not null,
  event_id uuid not null,
  event_type text not null,
  dedupe_key text,
  payload jsonb not null,
  status text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'DEAD')),
  attempts int not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  last_attempt_at timestamptz,
  last_status_code int,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, subscription_id) references webhook_subscriptions (tenant_id, id)
);
-- A retried notify/emit with the same dedupe key announces its event once per subscription.
create unique index webhook_deliveries_dedupe_idx on webhook_deliveries (tenant_id, subscription_id, dedupe_key) where dedupe_key is not null;
create index webhook_deliveries_list_idx on webhook_deliveries (tenant_id, created_at desc, id desc);
create index webhook_deliveries_due_idx on webhook_deliveries (tenant_id, next_attempt_at) where status = 'PENDING';
`);
    for (const table of ['notification_settings', 'notifications', 'webhook_subscriptions', 'webhook_deliveries']) {
      this.addSql(tenantTableSql(table));
    }
    this.addSql(`
-- The delivery sweep: due pending deliveries across tenants, ids only (same pattern as
-- platform_pending_handoffs: an owner-only read policy used by nothing but this function).
create policy webhook_sweep on webhook_deliveries for select to onedoor_owner using (true);
create function platform_due_webhook_deliveries(p_limit int)
  returns table (tenant_id uuid, delivery_id uuid)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select d.tenant_id, d.id from webhook_deliveries d
    where d.status = 'PENDING' and d.next_attempt_at <= now()
    order by d.next_attempt_at limit least(greatest(p_limit, 1), 1000)
  $$;
revoke all on function platform_due_webhook_deliveries(int) from public;
grant execute on function platform_due_webhook_deliveries(int) to onedoor_app;
`);
  }
}
