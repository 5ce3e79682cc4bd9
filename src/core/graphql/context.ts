import type { Logger } from '../observability/logger';
import type { Viewer } from '../auth/viewer';
import type { Role } from '../auth/roles';
import type { TenantUnitOfWork } from '../tenancy/tenant-tx';
import type { TenantRecord } from '../tenancy/tenant-record';
import type { ReadScope, TenantScope } from '../tenancy/scope';
import type { Services } from '../../services';
import type { Locale } from '../i18n/locale';
import { forbidden } from '../errors/errors';
import { enumListArg } from '../../shared/message-ref';

export interface RequestContext {
  reqId: string;
  ip: string | null;
  viewer: Viewer;
  /** tenants the token lists that exist */
  allowedTenants: TenantRecord[];
  /** the tenant this request acts in, or null (platform admin, or several tenants and no header) */
  tenant: TenantRecord | null;
  uow: TenantUnitOfWork | null;
  log: Logger;
  services: Services;
  /** per-request DataLoaders, created on first use by each module */
  loaders: Map<string, unknown>;
  /** the language of every sentence in the answer (Accept-Language; zh-CN when none fits) */
  locale: Locale;
}

// Moved to core/tenancy (services, jobs and scripts share it); re-exported while callers move.
export type { ReadScope, TenantScope } from '../tenancy/scope';

export function requireRole(ctx: RequestContext, ...roles: Role[]): void {
  if (!roles.some((r) => ctx.viewer.roles.has(r))) {
    throw forbidden({ id: 'error.requiresRole', values: { roles: enumListArg('Role', roles) } });
  }
}

/** The checks every staff operation on tenant data passes first. */
function staffTenant(ctx: RequestContext, roles: Role[]): { tenant: TenantRecord; uow: TenantUnitOfWork } {
  if (!ctx.tenant || !ctx.uow) {
    throw forbidden(ctx.allowedTenants.length > 1 ? { id: 'error.severalTenants' } : { id: 'error.noTenant' });
  }
  // Staff operations are never a resident's, whatever roles they ask for (the gate refuses first).
  if (ctx.viewer.resident) throw forbidden({ id: 'error.residentNoStaffOps' });
  if (roles.length) requireRole(ctx, ...roles);
  return { tenant: ctx.tenant, uow: ctx.uow };
}

/** For reads of plain rows: the same checks as {@link tenantScope}, and no transaction opened. */
export function tenantReadScope(ctx: RequestContext, ...roles: Role[]): ReadScope {
  const { tenant, uow } = staffTenant(ctx, roles);
  return uow.readScope(tenant, ctx.viewer);
}

export async function tenantScope(ctx: RequestContext, ...roles: Role[]): Promise<TenantScope> {
  const { tenant, uow } = staffTenant(ctx, roles);
  return uow.scope(
    tenant,
    { subject: ctx.viewer.subject, requestId: ctx.reqId, ip: ctx.ip, name: ctx.viewer.name },
    ctx.viewer,
  );
}

export function loader<T>(ctx: RequestContext, key: string, make: () => T): T {
  let l = ctx.loaders.get(key) as T | undefined;
  if (!l) {
    l = make();
    ctx.loaders.set(key, l);
  }
  return l;
}
