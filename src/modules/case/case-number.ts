import type { Em } from '../../core/tenancy/tenant-tx';
import type { TenantRecord } from '../tenant/tenant.model';
import { localParts } from '../../core/calendar/zoned-time';

/**
 * The next readable number, e.g. ZL-2026-000123: per tenant, per year of the tenant's own
 * calendar. The upsert takes the counter row's lock until the reporting transaction ends, so
 * concurrent reports queue on it, and a report that rolls back gives its number back: no gaps.
 */
export async function nextCaseNumber(em: Em, tenant: TenantRecord, at: Date): Promise<string> {
  const year = Number(localParts(at, tenant.timeZone).date.slice(0, 4));
  const rows = await em.execute<{ last_value: number }[]>(
    `insert into case_number_counters (tenant_id, year, last_value) values (?, ?, 1)
     on conflict (tenant_id, year) do update set last_value = case_number_counters.last_value + 1
     returning last_value`,
    [tenant.id, year],
  );
  return `${tenant.caseNumberPrefix}-${year}-${String(rows[0]!.last_value).padStart(6, '0')}`;
}
