import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './rls';

/**
 * Residents reaching the center from their phones (issue 19): which cases a verified phone
 * reported, the mediation slots residents ask for, and their ratings. Keys lead with tenant_id
 * like every tenant table; the phone is kept as typed digits (it is the resident's own, and staff
 * see it masked by role like any party phone).
 */
export class Migration20261127200001ResidentAccess extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table resident_reports (
  tenant_id uuid not null default app_current_tenant() references tenants(id),
  case_id uuid not null,
  phone text not null,
  phone_verified_at timestamptz not null,
  org_unit_id uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, case_id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index resident_reports_phone_idx on resident_reports (tenant_id, phone, created_at desc);
${tenantTableSql('resident_reports')}

create table resident_mediation_requests (
  tenant_id uuid not null default app_current_tenant() references tenants(id),
  id uuid not null,
  case_id uuid not null,
  phone text not null,
  mediator_id uuid not null,
  way text not null check (way in ('AT_CENTER', 'ONLINE', 'AT_VILLAGE')),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  note text,
  status text not null default 'REQUESTED' check (status in ('REQUESTED', 'PROPOSED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN')),
  proposed_starts_at timestamptz,
  proposed_ends_at timestamptz,
  proposed_mediator_id uuid,
  staff_message text,
  session_id uuid,
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id),
  foreign key (tenant_id, mediator_id) references staff_members (tenant_id, id)
);
create index resident_mediation_requests_case_idx on resident_mediation_requests (tenant_id, case_id, created_at);
create index resident_mediation_requests_open_idx on resident_mediation_requests (tenant_id, created_at, id)
  where status in ('REQUESTED', 'PROPOSED');
${tenantTableSql('resident_mediation_requests')}

create table resident_ratings (
  tenant_id uuid not null default app_current_tenant() references tenants(id),
  case_id uuid not null,
  phone text not null,
  rating int not null check (rating between 1 and 5),
  comment text,
  rated_at timestamptz not null default now(),
  primary key (tenant_id, case_id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
${tenantTableSql('resident_ratings')}
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table resident_ratings; drop table resident_mediation_requests; drop table resident_reports;');
  }
}
