import { Migration } from '@mikro-orm/migrations';
import { maskedSearchText } from '../src/modules/case/case-search';

const BATCH = 1000;

/**
 * Text search for readers without personal-data rights runs on the text as they see it:
 * `masked_text` is title and description with ID numbers and phones masked, null when there is
 * nothing to mask (modules/case/case-search.ts). Existing cases are backfilled here, tenant by
 * tenant inside each tenant's isolation (RLS is forced for the owner too), with the same detector
 * the API uses, so the rule is not written twice in SQL.
 */
export class Migration20261127000012CaseMaskedText extends Migration {
  override async up(): Promise<void> {
    await this.execute('alter table cases add column masked_text text');
    await this.execute(
      `create index cases_masked_text_trgm_idx on cases
       using gin ((coalesce(masked_text, title || ' ' || description)) gin_trgm_ops)`,
    );
    const tenants = (await this.execute('select id from tenants order by id')) as { id: string }[];
    for (const { id: tenantId } of tenants) {
      await this.execute(`select set_config('app.tenant_id', ?, true)`, [tenantId]);
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        // Only rows with a digit can hold a number; the detector decides the rest.
        const rows = (await this.execute(
          `select id, title, description from cases
           where tenant_id = ? and id > ? and (title || description) ~ '[0-9０-９]'
           order by id limit ?`,
          [tenantId, after, BATCH],
        )) as { id: string; title: string; description: string }[];
        for (const r of rows) {
          const masked = maskedSearchText(r.title, r.description);
          if (masked)
            await this.execute('update cases set masked_text = ? where tenant_id = ? and id = ?', [
              masked,
              tenantId,
              r.id,
            ]);
        }
        if (rows.length < BATCH) break;
        after = rows.at(-1)!.id;
      }
    }
    await this.execute(`select set_config('app.tenant_id', '', true)`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index cases_masked_text_trgm_idx;');
    this.addSql('alter table cases drop column masked_text;');
  }
}
