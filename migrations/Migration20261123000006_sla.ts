import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './rls';

/**
 * Deadlines that act: SLA policies, the tenant's working calendar, deadlines and their
 * checkpoints as rows (Redis only holds the next hours of timers, derived from these), deadline
 * extensions and supervision notices. A checkpoint fires once: its PENDING → FIRED update is
 * the claim, in the same transaction as what it does.
 */
export class Migration20261123000006Sla extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table sla_policies (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  name text not null check (length(name) between 1 and 200),
  category_id uuid,
  risk_level text check (risk_level in ('LOW', 'MEDIUM', 'HIGH', 'MAJOR')),
  targets jsonb not null,
  yellow jsonb not null,
  red jsonb not null,
  escalations jsonb not null default '[]'::jsonb,
  pause_statuses text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, category_id) references categories (tenant_id, id)
);
-- One policy per (category, risk) pair, the empty pair included.
create unique index sla_policies_scope_idx on sla_policies (tenant_id, category_id, risk_level) nulls not distinct;

create table tenant_calendars (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  working_hours jsonb,
  closed_dates text[] not null default '{}',
  working_dates text[] not null default '{}',
  updated_at timestamptz not null default now(),
  primary key (tenant_id)
);

create table deadlines (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  case_id uuid not null,
  step text not null check (step in ('ACCEPT', 'DISPATCH', 'FIRST_CONTACT', 'RESOLVE', 'FOLLOW_UP')),
  policy_id uuid,
  target text not null,
  mode text not null check (mode in ('CALENDAR', 'WORKING', 'SAME_DAY')),
  started_at timestamptz not null,
  due_at timestamptz not null,
  yellow_at timestamptz not null,
  red_at timestamptz not null,
  status text not null default 'OPEN' check (status in ('OPEN', 'MET', 'CANCELLED')),
  met_at timestamptz,
  paused_at timestamptz,
  paused_ms bigint not null default 0,
  extensions int not null default 0,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, policy_id) references sla_policies (tenant_id, id) on delete set null (policy_id)
);
create index deadlines_case_idx on deadlines (tenant_id, case_id, status);
create index deadlines_open_due_idx on deadlines (tenant_id, due_at) where status = 'OPEN';

create table deadline_checkpoints (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  deadline_id uuid not null,
  kind text not null check (kind in ('YELLOW', 'RED', 'ESCALATION')),
  level int not null default 0,
  due_at timestamptz not null,
  status text not null default 'PENDING' check (status in ('PENDING', 'FIRED', 'CANCELLED')),
  fired_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, deadline_id) references deadlines (tenant_id, id) deferrable initially deferred
);
create index deadline_checkpoints_deadline_idx on deadline_checkpoints (tenant_id, deadline_id);
create index deadline_checkpoints_pending_idx on deadline_checkpoints (due_at) where status = 'PENDING';

create table extension_requests (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  deadline_id uuid not null,
  case_id uuid not null,
  requested_by text,
  reason text not null,
  requested_due_at timestamptz not null,
  status text not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
  decided_by text,
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, deadline_id) references deadlines (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index extension_requests_case_idx on extension_requests (tenant_id, case_id);

create table supervision_notices (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  case_id uuid not null,
  org_unit_id uuid,
  source text not null check (source in ('MANUAL', 'SLA')),
  checkpoint_id uuid,
  issued_by text,
  message text not null,
  reply_by timestamptz,
  reply text,
  replied_by text,
  replied_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, org_unit_id) references org_units (tenant_id, id)
);
create index supervision_notices_case_idx on supervision_notices (tenant_id, case_id);
create index supervision_notices_unit_idx on supervision_notices (tenant_id, org_unit_id, created_at);
`);
    for (const table of [
      'sla_policies',
      'tenant_calendars',
      'deadlines',
      'deadline_checkpoints',
      'extension_requests',
      'supervision_notices',
    ]) {
      this.addSql(tenantTableSql(table));
    }
    this.addSql(`
-- The horizon sweep: pending checkpoints due before a time, across tenants (ids and times only).
create policy checkpoint_sweep on deadline_checkpoints for select to onedoor_owner using (true);
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
`);
  }
}
