import { Migration } from '@mikro-orm/migrations';

/** What reaching the failed-mediation limit does (issue 17): tell the leaders, or escalate at once. */
export class Migration20261127100005FailedMediationAction extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      "alter table case_settings add column failed_mediation_action text not null default 'NOTIFY_LEADER' check (failed_mediation_action in ('NOTIFY_LEADER', 'ESCALATE'));",
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table case_settings drop column failed_mediation_action;');
  }
}
