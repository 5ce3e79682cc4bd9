import type { Request } from 'express';
import type { TokenVerifier } from './token-verifier';
import { InvalidTokenError } from './token-verifier';
import { viewerFromClaims, type Viewer } from './viewer';
import { forbidden, unauthenticated } from '../errors/errors';
import type { TenantDirectory } from '../../modules/tenant/tenant.directory';
import type { TenantRecord } from '../../modules/tenant/tenant.model';
import type { Logger } from '../observability/logger';

export interface AuthOptions {
  clientId: string;
  tenantClaim: string;
}

export interface Authenticated {
  viewer: Viewer;
  allowedTenants: TenantRecord[];
  tenant: TenantRecord | null;
}

function bearer(req: Request): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1]! : null;
}

/**
 * Token → viewer → tenant, once per request. The tenant is the one the token lists, or the
 * one of several that X-Tenant-Id picks (by id or code); never one the token does not list.
 */
export async function authenticate(
  req: Request,
  verifier: TokenVerifier,
  directory: TenantDirectory,
  opts: AuthOptions,
  log: Logger,
): Promise<Authenticated> {
  const token = bearer(req);
  if (!token) throw unauthenticated('Send a bearer token in the Authorization header');
  let viewer: Viewer;
  try {
    viewer = viewerFromClaims(await verifier.verify(token), opts);
  } catch (e) {
    if (e instanceof InvalidTokenError) {
      log.info({ reason: e.reason }, 'token refused');
      throw unauthenticated('Invalid or expired token');
    }
    throw e;
  }
  if (!viewer.subject) throw unauthenticated('Token has no subject');

  const allowedTenants = await directory.byCodes(viewer.tenantCodes);
  const wanted = (req.headers['x-tenant-id'] as string | undefined)?.trim();
  let tenant: TenantRecord | null;
  if (wanted) {
    tenant = allowedTenants.find((t) => t.id === wanted || t.code === wanted) ?? null;
    if (!tenant) throw forbidden('Your token does not give you access to that tenant');
  } else {
    tenant = allowedTenants.length === 1 ? allowedTenants[0]! : null;
  }
  if (tenant?.status === 'SUSPENDED') throw forbidden(`Tenant ${tenant.code} is suspended`);
  return { viewer, allowedTenants, tenant };
}
