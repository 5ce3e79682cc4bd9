import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './rls';

/** Dispute categories: a per-tenant tree, each with the risk level a new case starts at. */
export class Migration20261122000003Categories extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table categories (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  code text not null check (code ~ '^[a-z][a-z0-9_-]{0,63}$'),
  name text not null check (length(name) between 1 and 200),
  parent_id uuid,
  default_risk_level text not null check (default_risk_level in ('LOW', 'MEDIUM', 'HIGH', 'MAJOR')),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code),
  foreign key (tenant_id, parent_id) references categories (tenant_id, id),
  check (parent_id <> id)
);
create index categories_parent_idx on categories (tenant_id, parent_id);
`);
    this.addSql(tenantTableSql('categories'));
  }
}
