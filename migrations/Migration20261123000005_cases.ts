import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './rls';

/**
 * Cases and their digital file: parties, assignees, the immutable timeline, likely duplicates,
 * per-tenant case settings and gapless per-year case numbers. Every key leads with tenant_id.
 *
 * Two links cross tenants on purpose, both by id only and without a foreign key (PostgreSQL
 * cannot reference a row it must not see): a parent tenant's case records the child case it came
 * from (origin_tenant_id, origin_case_id), and the child reads the parent's progress through
 * `linked_parent_case()`, which returns status fields only and only to the origin tenant.
 */
// Foreign keys to cases and sessions are checked at commit: the ORM may insert a case's events
// and parties in any order within the transaction that creates it.
export class Migration20261123000005Cases extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create extension if not exists pg_trgm;

create table case_settings (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  group_dispute_threshold int not null default 5 check (group_dispute_threshold between 2 and 10000),
  duplicate_window_hours int not null default 72 check (duplicate_window_hours between 0 and 8760),
  failed_mediation_limit int not null default 3 check (failed_mediation_limit between 1 and 100),
  follow_up_days int not null default 7 check (follow_up_days between 0 and 365),
  personal_data_roles text[] not null default '{intake-clerk}',
  reveal_roles text[] not null default '{dispatcher,mediator,liaison,leader,tenant-admin,grid-worker}',
  updated_at timestamptz not null default now(),
  primary key (tenant_id)
);

-- One row per tenant and year; the row lock taken by the increment serialises intake, and a
-- rolled-back report gives its number back, so numbers have no gaps.
create table case_number_counters (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  year int not null,
  last_value int not null,
  primary key (tenant_id, year)
);

create table cases (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  number text not null,
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 20000),
  category_id uuid,
  channel text not null check (channel in ('WALK_IN', 'HOTLINE', 'HOTLINE_12345', 'POLICE_110', 'MINI_PROGRAM', 'QR_CODE',
    'GRID_WORKER', 'PATROL', 'COURT_DIVERSION', 'PETITION', 'REFERRAL')),
  status text not null check (status in ('REPORTED', 'ACCEPTED', 'REJECTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED',
    'RESOLVED', 'REFERRED', 'UNRESOLVED', 'FOLLOW_UP', 'CLOSED', 'MERGED')),
  risk_level text not null check (risk_level in ('LOW', 'MEDIUM', 'HIGH', 'MAJOR')),
  warning_level text not null default 'GREEN' check (warning_level in ('NONE', 'GREEN', 'YELLOW', 'RED')),
  is_group_dispute boolean not null default false,
  people_involved int not null default 1 check (people_involved between 1 and 1000000),
  amount_involved numeric(16, 2) check (amount_involved >= 0),
  location text,
  reported_org_unit_id uuid,
  org_unit_id uuid,
  department_id uuid,
  reporter_subject text,
  reported_on_behalf boolean not null default false,
  external_ref text,
  idempotency_key text,
  resolved_on_site boolean,
  resolution text,
  reject_reason text,
  escalation_suggested boolean not null default false,
  failed_mediations_at_level int not null default 0,
  recurrence_of_id uuid,
  merged_into_id uuid,
  origin_tenant_id uuid,
  origin_case_id uuid,
  reported_at timestamptz not null default now(),
  accepted_at timestamptz,
  dispatched_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, category_id) references categories (tenant_id, id),
  foreign key (tenant_id, reported_org_unit_id) references org_units (tenant_id, id),
  foreign key (tenant_id, org_unit_id) references org_units (tenant_id, id),
  foreign key (tenant_id, department_id) references departments (tenant_id, id),
  foreign key (tenant_id, recurrence_of_id) references cases (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, merged_into_id) references cases (tenant_id, id) deferrable initially deferred
);
create unique index cases_idempotency_idx on cases (tenant_id, idempotency_key) where idempotency_key is not null;
create unique index cases_origin_idx on cases (tenant_id, origin_tenant_id, origin_case_id) where origin_case_id is not null;
create index cases_reported_idx on cases (tenant_id, reported_at desc, id desc);
create index cases_status_idx on cases (tenant_id, status, reported_at desc);
create index cases_org_unit_idx on cases (tenant_id, org_unit_id, status);
create index cases_category_idx on cases (tenant_id, category_id, reported_at desc);
create index cases_external_ref_idx on cases (tenant_id, external_ref) where external_ref is not null;
-- Chinese substring search on title and description (LIKE '%…%' uses it from three characters).
create index cases_text_trgm_idx on cases using gin ((title || ' ' || description) gin_trgm_ops);

-- Idempotent intake: the key is claimed before a number is taken, so a retry never burns one.
create table intake_keys (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  idempotency_key text not null check (length(idempotency_key) between 1 and 200),
  request_hash text not null,
  case_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, idempotency_key)
);

create table case_parties (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  case_id uuid not null,
  role text not null check (role in ('APPLICANT', 'RESPONDENT', 'THIRD_PARTY')),
  kind text not null check (kind in ('PERSON', 'ORGANISATION')),
  name text not null check (length(name) between 1 and 200),
  id_number text,
  phone text,
  address text,
  credit_code text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred
);
create index case_parties_case_idx on case_parties (tenant_id, case_id);
create index case_parties_phone_idx on case_parties (tenant_id, phone) where phone is not null;
create index case_parties_id_number_idx on case_parties (tenant_id, id_number) where id_number is not null;

create table case_assignees (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  case_id uuid not null,
  staff_id uuid not null,
  is_lead boolean not null default false,
  assigned_at timestamptz not null default now(),
  primary key (tenant_id, case_id, staff_id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, staff_id) references staff_members (tenant_id, id)
);
create index case_assignees_staff_idx on case_assignees (tenant_id, staff_id);

-- The digital file: append-only for the app (no update or delete grant below).
create table case_events (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  case_id uuid not null,
  occurred_at timestamptz not null default now(),
  actor_subject text,
  type text not null,
  data jsonb not null default '{}'::jsonb,
  legal_basis text,
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred
);
create index case_events_case_idx on case_events (tenant_id, case_id, occurred_at, id);

create table case_duplicates (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  case_id uuid not null,
  other_case_id uuid not null,
  reason text not null check (reason in ('SAME_PHONE', 'SAME_ID_NUMBER', 'SAME_PLACE_AND_CATEGORY')),
  primary key (tenant_id, case_id, other_case_id, reason),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, other_case_id) references cases (tenant_id, id) deferrable initially deferred
);

create table routing_rules (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  name text not null check (length(name) between 1 and 200),
  priority int not null check (priority between 0 and 100000),
  category_id uuid,
  org_unit_id uuid,
  risk_level text check (risk_level in ('LOW', 'MEDIUM', 'HIGH', 'MAJOR')),
  target_org_unit_id uuid,
  target_department_id uuid,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, category_id) references categories (tenant_id, id),
  foreign key (tenant_id, org_unit_id) references org_units (tenant_id, id),
  foreign key (tenant_id, target_org_unit_id) references org_units (tenant_id, id),
  foreign key (tenant_id, target_department_id) references departments (tenant_id, id),
  check (target_org_unit_id is not null or target_department_id is not null)
);
create index routing_rules_priority_idx on routing_rules (tenant_id, priority);

create table case_escalations (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  case_id uuid not null,
  from_org_unit_id uuid,
  to_org_unit_id uuid,
  to_tenant_id uuid references tenants (id),
  reason text not null,
  actor_subject text,
  -- A hand-off to the parent tenant: PENDING until the parent's case exists, then DONE.
  handoff_state text check (handoff_state in ('PENDING', 'DONE')),
  parent_case_id uuid,
  escalated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, from_org_unit_id) references org_units (tenant_id, id),
  foreign key (tenant_id, to_org_unit_id) references org_units (tenant_id, id)
);
create index case_escalations_case_idx on case_escalations (tenant_id, case_id);
create index case_escalations_pending_idx on case_escalations (tenant_id, escalated_at) where handoff_state = 'PENDING';

create table mediation_sessions (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  case_id uuid not null,
  org_unit_id uuid,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place text,
  online boolean not null default false,
  method text not null check (method in ('FACE_TO_FACE', 'BACK_TO_BACK', 'ONLINE', 'PHONE', 'EXPERT_CONSULTATION')),
  chosen_by text not null check (chosen_by in ('PARTIES', 'CLERK')),
  status text not null default 'SCHEDULED' check (status in ('SCHEDULED', 'HELD', 'CANCELLED')),
  outcome text check (outcome in ('AGREED', 'PARTLY_AGREED', 'FAILED', 'ADJOURNED')),
  outcome_note text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, org_unit_id) references org_units (tenant_id, id),
  check (ends_at > starts_at)
);
create index mediation_sessions_case_idx on mediation_sessions (tenant_id, case_id, starts_at);

create table session_mediators (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  session_id uuid not null,
  staff_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  primary key (tenant_id, session_id, staff_id),
  foreign key (tenant_id, session_id) references mediation_sessions (tenant_id, id) on delete cascade deferrable initially deferred,
  foreign key (tenant_id, staff_id) references staff_members (tenant_id, id)
);
create index session_mediators_staff_idx on session_mediators (tenant_id, staff_id, starts_at);

create table session_departments (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  session_id uuid not null,
  department_id uuid not null,
  primary key (tenant_id, session_id, department_id),
  foreign key (tenant_id, session_id) references mediation_sessions (tenant_id, id) on delete cascade deferrable initially deferred,
  foreign key (tenant_id, department_id) references departments (tenant_id, id)
);

create table agreements (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  case_id uuid not null,
  session_id uuid,
  terms text not null check (length(terms) between 1 and 20000),
  amount numeric(16, 2) check (amount >= 0),
  instalments jsonb not null default '[]'::jsonb,
  signed_at timestamptz not null default now(),
  confirmation_status text not null default 'NONE' check (confirmation_status in ('NONE', 'REQUESTED', 'CONFIRMED', 'REFUSED')),
  confirmation_court text,
  confirmation_case_number text,
  confirmation_requested_at timestamptz,
  confirmation_decided_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, session_id) references mediation_sessions (tenant_id, id) deferrable initially deferred
);
create index agreements_case_idx on agreements (tenant_id, case_id);

create table referrals (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  case_id uuid not null,
  target text not null check (target in ('COURT', 'LABOR_ARBITRATION', 'PETITIONS', 'LEGAL_AID', 'AUTHORITY')),
  target_name text not null check (length(target_name) between 1 and 200),
  reference_number text,
  reason text,
  outcome text,
  outcome_at timestamptz,
  referred_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred
);
create index referrals_case_idx on referrals (tenant_id, case_id);

create table follow_ups (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  case_id uuid not null,
  due_at timestamptz not null,
  assignee_id uuid,
  status text not null default 'SCHEDULED' check (status in ('SCHEDULED', 'DONE', 'CANCELLED')),
  result text check (result in ('KEPT', 'PARTLY_KEPT', 'BROKEN', 'RECURRED')),
  notes text,
  satisfaction int check (satisfaction between 1 and 5),
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, assignee_id) references staff_members (tenant_id, id)
);
create index follow_ups_case_idx on follow_ups (tenant_id, case_id);
create index follow_ups_due_idx on follow_ups (tenant_id, due_at) where status = 'SCHEDULED';
`);
    for (const table of [
      'case_settings',
      'case_number_counters',
      'cases',
      'intake_keys',
      'case_parties',
      'case_assignees',
      'case_duplicates',
      'routing_rules',
      'case_escalations',
      'mediation_sessions',
      'session_mediators',
      'session_departments',
      'agreements',
      'referrals',
      'follow_ups',
    ]) {
      this.addSql(tenantTableSql(table));
    }
    this.addSql(tenantTableSql('case_events'));
    this.addSql(`revoke update, delete on case_events from onedoor_app;`);
    this.addSql(`
-- The owner's functions below read across tenants; RLS is forced on the owner too, so it gets a
-- read-only policy of its own, used by nothing else (migrations run as the owner, the app never does).
create policy linked_case_functions on cases for select to onedoor_owner using (true);

-- What a child tenant may see of the case its escalation opened at the parent: progress and
-- outcome, never parties, notes or the parent's timeline. Only the origin tenant gets a row.
create function linked_parent_case(p_origin_case uuid)
  returns table (tenant_code text, tenant_name text, number text, status text, accepted_at timestamptz,
                 resolved_at timestamptz, closed_at timestamptz, resolution text, updated_at timestamptz)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select t.code, t.name, c.number, c.status, c.accepted_at, c.resolved_at, c.closed_at, c.resolution, c.updated_at
    from cases c join tenants t on t.id = c.tenant_id
    where c.origin_tenant_id = app_current_tenant() and c.origin_case_id = p_origin_case
      -- only the current parent may answer: a case elsewhere claiming this origin shows nothing
      and c.tenant_id = (select parent_id from tenants where id = app_current_tenant())
  $$;
revoke all on function linked_parent_case(uuid) from public;
grant execute on function linked_parent_case(uuid) to onedoor_app;

-- The hand-off sweep: which escalations to a parent tenant still wait for the parent's case (ids only).
create policy handoff_sweep on case_escalations for select to onedoor_owner using (true);
create function platform_pending_handoffs(p_older_than interval, p_limit int)
  returns table (tenant_id uuid, escalation_id uuid)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select e.tenant_id, e.id from case_escalations e
    where e.handoff_state = 'PENDING' and e.escalated_at < now() - p_older_than
    order by e.escalated_at limit least(greatest(p_limit, 1), 1000)
  $$;
revoke all on function platform_pending_handoffs(interval, int) from public;
grant execute on function platform_pending_handoffs(interval, int) to onedoor_app;
`);
  }
}
