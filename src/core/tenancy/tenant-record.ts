export const TENANT_LEVELS = ['CITY', 'COUNTY', 'DISTRICT', 'TOWN', 'STREET'] as const;
export type TenantLevel = (typeof TENANT_LEVELS)[number];
export const TENANT_STATUSES = ['ACTIVE', 'SUSPENDED'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

/** A tenant as the app sees it (the `tenants` table is platform-level, not an ORM entity). */
export interface TenantRecord {
  id: string;
  code: string;
  name: string;
  level: TenantLevel;
  parentId: string | null;
  timeZone: string;
  caseNumberPrefix: string;
  status: TenantStatus;
  createdAt: Date;
  updatedAt: Date;
}

export function tenantFromRow(r: Record<string, unknown>): TenantRecord {
  return {
    id: r['id'] as string,
    code: r['code'] as string,
    name: r['name'] as string,
    level: r['level'] as TenantLevel,
    parentId: (r['parent_id'] as string | null) ?? null,
    timeZone: r['time_zone'] as string,
    caseNumberPrefix: r['case_number_prefix'] as string,
    status: r['status'] as TenantStatus,
    createdAt: new Date(r['created_at'] as string),
    updatedAt: new Date(r['updated_at'] as string),
  };
}

/** How the door finds the tenants a token lists (the tenant module's directory, cached). */
export interface TenantLookup {
  byCodes(codes: string[]): Promise<TenantRecord[]>;
}
