import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './rls';

/**
 * Staff and mediators; departments stationed at org units (residencies) with their rotation
 * rosters. Shift times are stored UTC; shift_assignments copies a shift's times per person so
 * "one person, one place at a time" is a range query on one table.
 */
export class Migration20261122000004StaffAndRosters extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table staff_members (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  name text not null check (length(name) between 1 and 100),
  keycloak_subject text,
  roles text[] not null default '{}',
  department_id uuid,
  org_unit_id uuid,
  active boolean not null default true,
  is_mediator boolean not null default false,
  studio_name text,
  languages text[] not null default '{}',
  gold_medal boolean not null default false,
  max_concurrent_cases int not null default 0 check (max_concurrent_cases between 0 and 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, keycloak_subject),
  foreign key (tenant_id, department_id) references departments (tenant_id, id),
  foreign key (tenant_id, org_unit_id) references org_units (tenant_id, id)
);
create index staff_members_department_idx on staff_members (tenant_id, department_id);
create index staff_members_org_unit_idx on staff_members (tenant_id, org_unit_id);

create table mediator_specialties (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  staff_id uuid not null,
  category_id uuid not null,
  primary key (tenant_id, staff_id, category_id),
  foreign key (tenant_id, staff_id) references staff_members (tenant_id, id) on delete cascade,
  foreign key (tenant_id, category_id) references categories (tenant_id, id)
);
create index mediator_specialties_category_idx on mediator_specialties (tenant_id, category_id);

create table residencies (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  department_id uuid not null,
  org_unit_id uuid not null,
  mode text not null check (mode in ('RESIDENT', 'ROTATING', 'JOINT', 'ON_DEMAND')),
  valid_from timestamptz not null,
  valid_to timestamptz,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, department_id) references departments (tenant_id, id),
  foreign key (tenant_id, org_unit_id) references org_units (tenant_id, id),
  check (valid_to is null or valid_to > valid_from)
);
create index residencies_unit_idx on residencies (tenant_id, org_unit_id, valid_from);

create table rotation_shifts (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  residency_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, residency_id) references residencies (tenant_id, id),
  check (ends_at > starts_at)
);
create index rotation_shifts_time_idx on rotation_shifts (tenant_id, residency_id, starts_at);

create table shift_assignments (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  shift_id uuid not null,
  staff_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  primary key (tenant_id, shift_id, staff_id),
  foreign key (tenant_id, shift_id) references rotation_shifts (tenant_id, id) on delete cascade,
  foreign key (tenant_id, staff_id) references staff_members (tenant_id, id)
);
create index shift_assignments_staff_time_idx on shift_assignments (tenant_id, staff_id, starts_at);
`);
    for (const table of [
      'staff_members',
      'mediator_specialties',
      'residencies',
      'rotation_shifts',
      'shift_assignments',
    ]) {
      this.addSql(tenantTableSql(table));
    }
  }
}
