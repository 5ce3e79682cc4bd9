import { Migration } from '@mikro-orm/migrations';

/**
 * Supervision notices counted by the period they were issued in, for the whole tenant (the
 * per-unit index already serves a unit's subtree).
 */
export class Migration20261123000010SupervisionFigures extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index supervision_notices_issued_idx on supervision_notices (tenant_id, created_at);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index supervision_notices_issued_idx;');
  }
}
