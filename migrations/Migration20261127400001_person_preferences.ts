import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './rls';

/**
 * A person's saved language in a tenant (issue 14), keyed by sign-in subject like the staff
 * directory's `keycloak_subject`: anyone signed in to the tenant may keep one, and notifications
 * for a staff member find it through that member's subject. A tenant table like any other.
 */
export class Migration20261127400001PersonPreferences extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table person_preferences (
  tenant_id uuid not null default app_current_tenant() references tenants(id),
  subject text not null,
  locale text not null check (locale in ('zh-CN', 'en')),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, subject)
);
${tenantTableSql('person_preferences')}`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table person_preferences;');
  }
}
