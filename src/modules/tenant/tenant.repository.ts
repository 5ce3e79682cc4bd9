import type { Orm } from '../../core/db/orm';
import { tenantFromRow, type TenantRecord } from './tenant.model';

export interface Actor {
  subject: string;
  requestId: string | null;
}

export interface TenantPatch {
  name?: string;
  level?: string;
  parent_id?: string | null;
  time_zone?: string;
  case_number_prefix?: string;
  status?: string;
}

/**
 * The only code that touches the `tenants` table. Reads go through `tenant_directory()`;
 * writes through the owner's SECURITY DEFINER platform functions, which write the platform
 * audit trail in the same statement. RLS is never switched off for a request.
 */
export class TenantRepository {
  constructor(private readonly orm: Orm) {}

  private async call(sql: string, params: unknown[]): Promise<TenantRecord[]> {
    const rows = await this.orm.em.getConnection().execute<Record<string, unknown>[]>(sql, params);
    return rows.map(tenantFromRow);
  }

  lookup(codes: string[], ids: string[]): Promise<TenantRecord[]> {
    // Arrays travel as JSON: knex would expand a bound array into a list of parameters.
    return this.call(
      'select * from tenant_directory(array(select jsonb_array_elements_text(?::jsonb)), array(select jsonb_array_elements_text(?::jsonb))::uuid[])',
      [JSON.stringify(codes), JSON.stringify(ids)],
    );
  }

  list(afterCode: string | null, limit: number): Promise<TenantRecord[]> {
    return this.call('select * from platform_list_tenants(?, ?)', [afterCode, limit]);
  }

  async create(actor: Actor, t: Omit<TenantRecord, 'status' | 'createdAt' | 'updatedAt'>): Promise<TenantRecord> {
    const [row] = await this.call('select * from platform_create_tenant(?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      actor.subject,
      actor.requestId,
      t.id,
      t.code,
      t.name,
      t.level,
      t.parentId,
      t.timeZone,
      t.caseNumberPrefix,
    ]);
    return row!;
  }

  async update(actor: Actor, id: string, patch: TenantPatch): Promise<TenantRecord | null> {
    const [row] = await this.call('select * from platform_update_tenant(?, ?, ?, ?::jsonb)', [
      actor.subject,
      actor.requestId,
      id,
      JSON.stringify(patch),
    ]);
    return row ?? null;
  }

  async pendingDefaults(limit: number): Promise<string[]> {
    const rows = await this.orm.em
      .getConnection()
      .execute<{ id: string }[]>(
        'select platform_tenants_pending_defaults as id from platform_tenants_pending_defaults(?)',
        [limit],
      );
    return rows.map((r) => r.id);
  }
}
