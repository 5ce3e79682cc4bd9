import { Migration } from '@mikro-orm/migrations';

/** When a follow-up visit may be completed: from this many days before it is due (365: any time). */
export class Migration20261127100002FollowUpWindow extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'alter table case_settings add column follow_up_window_days int not null default 365 check (follow_up_window_days between 0 and 365);',
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table case_settings drop column follow_up_window_days;');
  }
}
