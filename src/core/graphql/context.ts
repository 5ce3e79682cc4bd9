import type { Logger } from '../observability/logger';
import type { Viewer } from '../auth/viewer';
import type { Role } from '../auth/roles';
import type { RequestUnitOfWork, Em } from '../tenancy/tenant-tx';
import type { TenantRecord } from '../../modules/tenant/tenant.model';
import type { Services } from '../../services';
import { forbidden } from '../errors/errors';

export interface RequestContext {
  reqId: string;
  ip: string | null;
  viewer: Viewer;
  /** tenants the token lists that exist */
  allowedTenants: TenantRecord[];
  /** the tenant this request acts in, or null (platform admin, or several tenants and no header) */
  tenant: TenantRecord | null;
  uow: RequestUnitOfWork | null;
  log: Logger;
  services: Services;
  /** per-request DataLoaders, created on first use by each module */
  loaders: Map<string, unknown>;
}

/** What a tenant-scoped service needs: the tenant, its transaction, and who is acting. */
export interface TenantScope {
  tenant: TenantRecord;
  em: Em;
  actor: { subject: string; requestId: string; ip: string | null };
  /**
   * Who reads, when a request does: read rules that depend on the caller (a feed reads only its
   * own reports; free text is masked for roles without personal-data rights) look here. Absent
   * for system work (workers, hand-offs, demo data), which reads everything of its tenant.
   */
  viewer?: Viewer;
  /** runs after the operation commits (see RequestUnitOfWork.afterCommit); absent outside requests */
  afterCommit?: (fn: () => Promise<void>) => void;
}

export function requireRole(ctx: RequestContext, ...roles: Role[]): void {
  if (!roles.some((r) => ctx.viewer.roles.has(r))) {
    throw forbidden(`Requires one of the roles: ${roles.join(', ')}`);
  }
}

export async function tenantScope(ctx: RequestContext, ...roles: Role[]): Promise<TenantScope> {
  if (!ctx.tenant || !ctx.uow) {
    throw forbidden(
      ctx.allowedTenants.length > 1
        ? 'Your token lists several tenants: choose one with the X-Tenant-Id header'
        : 'This operation needs a tenant, and your token lists none',
    );
  }
  if (roles.length) requireRole(ctx, ...roles);
  const uow = ctx.uow;
  return {
    tenant: ctx.tenant,
    em: await uow.em(),
    actor: { subject: ctx.viewer.subject, requestId: ctx.reqId, ip: ctx.ip },
    viewer: ctx.viewer,
    afterCommit: (fn) =>
      uow.afterCommit(async () =>
        fn().catch((err: unknown) => ctx.log.warn({ err }, 'after-commit work failed; a sweep will retry')),
      ),
  };
}

export function loader<T>(ctx: RequestContext, key: string, make: () => T): T {
  let l = ctx.loaders.get(key) as T | undefined;
  if (!l) {
    l = make();
    ctx.loaders.set(key, l);
  }
  return l;
}
