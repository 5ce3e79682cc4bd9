import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './rls';

/**
 * Consultations at the window (issue 17 item 13): 法律咨询, 心理疏导 and other help that is not a
 * dispute, recorded lightly and counted in the figures. A tenant table like every other: keys
 * lead with tenant_id, foreign keys share it, RLS forced. `case_id` is set when the visit turned
 * into a case.
 */
export class Migration20261127100006Consultations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table consultations (
  tenant_id uuid not null default app_current_tenant() references tenants(id),
  id uuid not null,
  topic text not null check (topic in ('LEGAL', 'PSYCHOLOGICAL', 'LABOUR', 'FAMILY', 'POLICY', 'PETITION', 'OTHER')),
  outcome text not null check (outcome in ('ANSWERED', 'REFERRED', 'FOLLOW_UP_NEEDED', 'TURNED_INTO_CASE')),
  minutes int not null check (minutes between 1 and 600),
  visitor_name text,
  visitor_phone text,
  summary text,
  department_id uuid,
  org_unit_id uuid,
  staff_id uuid,
  recorded_by text not null,
  occurred_at timestamptz not null,
  case_id uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, department_id) references departments (tenant_id, id),
  foreign key (tenant_id, org_unit_id) references org_units (tenant_id, id),
  foreign key (tenant_id, staff_id) references staff_members (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id)
);
create index consultations_occurred_idx on consultations (tenant_id, occurred_at desc, id desc);
create unique index consultations_case_idx on consultations (tenant_id, case_id) where case_id is not null;
${tenantTableSql('consultations')}
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table consultations;');
  }
}
