import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './rls';

/**
 * A center's structure: the org-unit tree and the department catalogue.
 * Keys lead with tenant_id so a foreign key can only point inside the same tenant
 * (PostgreSQL checks foreign keys without RLS) and the tables can be distributed by tenant.
 */
export class Migration20261122000002CenterStructure extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table org_units (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  kind text not null check (kind in ('CENTER', 'SUB_CENTER', 'STATION', 'GRID')),
  name text not null check (length(name) between 1 and 200),
  parent_id uuid,
  address text,
  phone text,
  opening_hours jsonb not null default '[]'::jsonb,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, parent_id) references org_units (tenant_id, id),
  check (parent_id <> id)
);
create index org_units_parent_idx on org_units (tenant_id, parent_id);
-- Two live siblings with one name would be indistinguishable in a dispatch list.
create unique index org_units_sibling_name_uq on org_units
  (tenant_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name) where archived_at is null;

create table departments (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  code text not null check (code ~ '^[a-z][a-z0-9_-]{0,63}$'),
  name text not null check (length(name) between 1 and 200),
  kind text not null,
  contact_name text,
  contact_phone text,
  description text,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code)
);
create index departments_kind_idx on departments (tenant_id, kind);
`);
    for (const table of ['org_units', 'departments']) {
      this.addSql(tenantTableSql(table));
    }
  }
}
