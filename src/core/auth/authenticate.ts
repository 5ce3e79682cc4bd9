import type { Request } from 'express';
import type { TokenVerifier } from './token-verifier';
import { InvalidTokenError } from './token-verifier';
import { viewerFromClaims, type Viewer } from './viewer';
import { forbidden, unauthenticated } from '../errors/errors';
import type { TenantLookup } from '../tenancy/tenant-record';
import type { TenantRecord } from '../tenancy/tenant-record';
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

/** What a caller presents, however it arrives: HTTP headers or a WebSocket's connection parameters. */
export interface Credentials {
  /** "Bearer <token>" */
  authorization: string | undefined;
  /** the X-Tenant-Id value: a tenant id or code */
  tenant: string | undefined;
}

function bearer(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(authorization);
  return m ? m[1]! : null;
}

/**
 * Token → viewer → tenant, once per request. The tenant is the one the token lists, or the
 * one of several that X-Tenant-Id picks (by id or code); never one the token does not list.
 */
export async function authenticate(
  req: Request,
  verifier: TokenVerifier,
  directory: TenantLookup,
  opts: AuthOptions,
  log: Logger,
): Promise<Authenticated> {
  const creds = { authorization: req.headers.authorization, tenant: req.headers['x-tenant-id'] as string | undefined };
  const { viewer, allowedTenants, tenant } = await authenticateCredentials(creds, verifier, directory, opts, log);
  return { viewer, allowedTenants, tenant };
}

/**
 * {@link authenticate} for callers that are not an Express request (GraphQL over WebSocket), with
 * the token's expiry so a long-lived connection can end when its token does.
 */
export async function authenticateCredentials(
  creds: Credentials,
  verifier: TokenVerifier,
  directory: TenantLookup,
  opts: AuthOptions,
  log: Logger,
): Promise<Authenticated & { expiresAt: Date | null }> {
  const token = bearer(creds.authorization);
  if (!token) throw unauthenticated({ id: 'error.noToken' });
  let viewer: Viewer;
  let exp: number | undefined;
  try {
    const claims = await verifier.verify(token);
    exp = claims.exp;
    viewer = viewerFromClaims(claims, opts);
  } catch (e) {
    if (e instanceof InvalidTokenError) {
      log.info({ reason: e.reason }, 'token refused');
      throw unauthenticated({ id: 'error.invalidToken' });
    }
    throw e;
  }
  if (!viewer.subject) throw unauthenticated({ id: 'error.noSubject' });

  const allowedTenants = await directory.byCodes(viewer.tenantCodes);
  const wanted = creds.tenant?.trim();
  let tenant: TenantRecord | null;
  if (wanted) {
    tenant = allowedTenants.find((t) => t.id === wanted || t.code === wanted) ?? null;
    if (!tenant) throw forbidden({ id: 'error.tenantNotInToken' });
  } else {
    tenant = allowedTenants.length === 1 ? allowedTenants[0]! : null;
  }
  if (tenant?.status === 'SUSPENDED') throw forbidden({ id: 'error.tenantSuspended', values: { code: tenant.code } });
  return { viewer, allowedTenants, tenant, expiresAt: exp === undefined ? null : new Date(exp * 1000) };
}
