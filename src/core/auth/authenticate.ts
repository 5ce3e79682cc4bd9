import type { Request } from 'express';
import type { TokenVerifier } from './token-verifier';
import { InvalidTokenError } from './token-verifier';
import { anonymousResident, viewerFromClaims, viewerIn, type Viewer } from './viewer';
import { forbidden, unauthenticated } from '../errors/errors';
import type { TenantLookup } from '../tenancy/tenant-record';
import type { TenantRecord } from '../tenancy/tenant-record';
import type { Logger } from '../observability/logger';

export interface AuthOptions {
  clientId: string;
  tenantClaim: string;
  /**
   * Residents' own session tokens, verified on their own path (modules/resident/resident-token.ts);
   * given only where residents are served (HTTP /graphql), so elsewhere such a token is invalid.
   */
  residents?: ResidentVerifier;
}

export interface ResidentVerifier {
  /** whether the token claims to be a resident's (decides the path; trusts nothing) */
  claimsResident(token: string): boolean;
  verify(token: string): Promise<{
    tenantId: string;
    tenantCode: string;
    phone: string;
    sessionId: string;
    subject: string;
    expiresAt: Date;
  }>;
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

const TENANT_CODE_RE = /^[a-z][a-z0-9-]{1,39}$/;

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
  if (opts.residents && (!token || opts.residents.claimsResident(token)))
    return residentCredentials(token, creds, opts.residents, directory, log);
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
  // Roles are per tenant: from here on, `viewer.roles` are the ones that count in this tenant.
  viewer = viewerIn(viewer, tenant?.code ?? null);
  return { viewer, allowedTenants, tenant, expiresAt: exp === undefined ? null : new Date(exp * 1000) };
}

/**
 * A resident's session token, or no token at all where residents are served: the tenant is the
 * token's (a session is scoped to one tenant), or for an anonymous caller the one X-Tenant-Id
 * names by code (the QR code carries it). Which operations such a viewer may run is decided by
 * the operation gate, so a staff operation without a token still answers UNAUTHENTICATED.
 */
async function residentCredentials(
  token: string | null,
  creds: Credentials,
  residents: ResidentVerifier,
  directory: TenantLookup,
  log: Logger,
): Promise<Authenticated & { expiresAt: Date | null }> {
  let viewer = anonymousResident();
  let tenant: TenantRecord | null;
  let expiresAt: Date | null = null;
  if (token) {
    const claims = await residents.verify(token).catch((e: unknown) => {
      if (!(e instanceof InvalidTokenError)) throw e;
      log.info({ reason: e.reason }, 'resident token refused');
      throw unauthenticated({ id: 'error.invalidToken' });
    });
    // By code through the directory's cache; the id must match too (a code reused after deletion).
    tenant = (await directory.byCodes([claims.tenantCode]))[0] ?? null;
    if (!tenant || tenant.id !== claims.tenantId) throw unauthenticated({ id: 'error.invalidToken' });
    const wanted = creds.tenant?.trim();
    if (wanted && wanted !== tenant.id && wanted !== tenant.code) throw forbidden({ id: 'error.tenantNotInToken' });
    viewer = { ...viewer, subject: claims.subject, resident: { phone: claims.phone, sessionId: claims.sessionId } };
    expiresAt = claims.expiresAt;
  } else {
    // Untrusted input: only something shaped like a tenant code is looked up (the tenant module's
    // CODE_RE), so a caller without a token cannot make the directory cache arbitrary strings.
    const wanted = creds.tenant?.trim();
    tenant = wanted && TENANT_CODE_RE.test(wanted) ? ((await directory.byCodes([wanted]))[0] ?? null) : null;
  }
  if (tenant?.status === 'SUSPENDED') throw forbidden({ id: 'error.tenantSuspended', values: { code: tenant.code } });
  return { viewer, allowedTenants: tenant ? [tenant] : [], tenant, expiresAt };
}
