import { Migration } from '@mikro-orm/migrations';

/**
 * The OAuth client of the machine feed that reported a case (12345, 110): a feed reads only the
 * cases its own client reported. Earlier rows keep null and are matched by the reporting subject.
 */
export class Migration20261127000011CaseReporterClient extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table cases add column reporter_client_id text;');
    this.addSql(
      `create index cases_reporter_client_idx on cases (tenant_id, reporter_client_id, reported_at desc, id desc)
       where reporter_client_id is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index cases_reporter_client_idx;');
    this.addSql('alter table cases drop column reporter_client_id;');
  }
}
