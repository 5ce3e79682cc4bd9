import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './rls';

/**
 * Agreements' instalments tracked one by one (issue 17 item 12): what is due when, what was paid,
 * and the reminders to the case's handlers before and after each due date — rows, fed into
 * BullMQ by a sweep like the deadline checkpoints (the rows are the truth, Redis the intent).
 * Agreements signed before this migration get their rows from the instalments they list.
 */
export class Migration20261127100007Instalments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table agreement_instalments (
  tenant_id uuid not null default app_current_tenant() references tenants(id),
  id uuid not null,
  agreement_id uuid not null,
  case_id uuid not null,
  seq int not null,
  due_on date not null,
  amount numeric(16, 2) not null check (amount > 0),
  paid_amount numeric(16, 2) not null default 0 check (paid_amount >= 0 and paid_amount <= amount),
  status text not null default 'DUE' check (status in ('DUE', 'PARTLY_PAID', 'PAID')),
  paid_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, agreement_id, seq),
  foreign key (tenant_id, agreement_id) references agreements (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index agreement_instalments_case_idx on agreement_instalments (tenant_id, case_id, due_on);
create index agreement_instalments_paid_idx on agreement_instalments (tenant_id, paid_at) where paid_at is not null;
${tenantTableSql('agreement_instalments')}

-- Each payment as it arrived: the figures count money recovered in a period by these.
create table instalment_payments (
  tenant_id uuid not null default app_current_tenant() references tenants(id),
  id uuid not null,
  instalment_id uuid not null,
  case_id uuid not null,
  amount numeric(16, 2) not null check (amount > 0),
  paid_at timestamptz not null,
  recorded_by text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, instalment_id) references agreement_instalments (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index instalment_payments_paid_idx on instalment_payments (tenant_id, paid_at);
${tenantTableSql('instalment_payments')}

create table instalment_reminders (
  tenant_id uuid not null default app_current_tenant() references tenants(id),
  id uuid not null,
  instalment_id uuid not null,
  kind text not null check (kind in ('BEFORE', 'AFTER')),
  due_at timestamptz not null,
  status text not null default 'PENDING' check (status in ('PENDING', 'FIRED', 'CANCELLED')),
  fired_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, instalment_id, kind),
  -- checked at commit: the ORM inserts a step's new rows in no particular order between tables
  foreign key (tenant_id, instalment_id) references agreement_instalments (tenant_id, id) deferrable initially deferred
);
create index instalment_reminders_pending_idx on instalment_reminders (due_at) where status = 'PENDING';
${tenantTableSql('instalment_reminders')}

-- The reminder sweep: pending reminders due before a time, across tenants (ids and times only).
create policy reminder_sweep on instalment_reminders for select to onedoor_owner using (true);
create function platform_due_instalment_reminders(p_until timestamptz, p_limit int)
  returns table (tenant_id uuid, reminder_id uuid, due_at timestamptz)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select r.tenant_id, r.id, r.due_at from instalment_reminders r
    where r.status = 'PENDING' and r.due_at <= p_until
    order by r.due_at limit least(greatest(p_limit, 1), 100000)
  $$;
revoke all on function platform_due_instalment_reminders(timestamptz, int) from public;
grant execute on function platform_due_instalment_reminders(timestamptz, int) to onedoor_app;

-- Existing agreements: their listed instalments become rows, with reminders still ahead. RLS is
-- forced for the owner too, so the owner reads and writes across tenants only through policies
-- that live for this migration alone.
create policy instalment_backfill on agreements for select to onedoor_owner using (true);
create policy instalment_backfill on agreement_instalments to onedoor_owner using (true) with check (true);
create policy instalment_backfill on instalment_reminders for insert to onedoor_owner with check (true);
insert into agreement_instalments (tenant_id, id, agreement_id, case_id, seq, due_on, amount)
  select a.tenant_id, gen_random_uuid(), a.id, a.case_id, i.ord::int, (i.v->>'dueOn')::date, (i.v->>'amount')::numeric
  from agreements a, jsonb_array_elements(a.instalments::jsonb) with ordinality as i(v, ord)
  where (i.v->>'amount')::numeric > 0;
insert into instalment_reminders (tenant_id, id, instalment_id, kind, due_at)
  select x.tenant_id, gen_random_uuid(), x.id, k.kind,
    ((x.due_on + k.days)::timestamp + time '09:00') at time zone t.time_zone
  from agreement_instalments x join tenants t on t.id = x.tenant_id,
    (values ('BEFORE', -3), ('AFTER', 1)) as k(kind, days)
  where ((x.due_on + k.days)::timestamp + time '09:00') at time zone t.time_zone > now();
drop policy instalment_backfill on agreements;
drop policy instalment_backfill on agreement_instalments;
drop policy instalment_backfill on instalment_reminders;
`);
  }

  override async down(): Promise<void> {
    this.addSql(
      'drop function platform_due_instalment_reminders(timestamptz, int); drop table instalment_reminders; drop table instalment_payments; drop table agreement_instalments;',
    );
  }
}
