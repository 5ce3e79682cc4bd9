import type { JWTPayload } from 'jose';
import { isRole, type Role } from './roles';

/** Who is calling, as the token says. Tenants are codes here; the context resolves them. */
export interface Viewer {
  subject: string;
  username: string | null;
  /** the `name` claim, a display name (周敏); timelines fall back to it for people not in the staff directory */
  name: string | null;
  /** set for client-credentials tokens (machine feeds such as 12345) */
  clientId: string | null;
  roles: ReadonlySet<Role>;
  tenantCodes: string[];
}

interface ClaimOptions {
  clientId: string;
  tenantClaim: string;
}

/**
 * Keycloak Organizations put `organization` in the token either as a list of aliases
 * (`["zhili"]`) or, with "add organization id", as an object keyed by alias. A configured
 * claim may also be a plain string (a hard-coded mapper on a machine client).
 */
function tenantCodesFrom(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((c): c is string => typeof c === 'string');
  if (claim && typeof claim === 'object') return Object.keys(claim);
  return [];
}

function rolesFrom(payload: JWTPayload, clientId: string): Set<Role> {
  const realm = (payload['realm_access'] as { roles?: unknown } | undefined)?.roles;
  const client = (payload['resource_access'] as Record<string, { roles?: unknown }> | undefined)?.[clientId]?.roles;
  const all = [...(Array.isArray(realm) ? realm : []), ...(Array.isArray(client) ? client : [])];
  return new Set(all.filter((r): r is Role => typeof r === 'string' && isRole(r)));
}

export function viewerFromClaims(payload: JWTPayload, opts: ClaimOptions): Viewer {
  const username = typeof payload['preferred_username'] === 'string' ? payload['preferred_username'] : null;
  // Keycloak names service-account users "service-account-<client>"; client_id is set too.
  const machineClient =
    typeof payload['client_id'] === 'string'
      ? payload['client_id']
      : username?.startsWith('service-account-') && typeof payload['azp'] === 'string'
        ? payload['azp']
        : null;
  const codes = new Set([...tenantCodesFrom(payload[opts.tenantClaim]), ...tenantCodesFrom(payload['organization'])]);
  return {
    subject: payload.sub ?? '',
    username,
    name: typeof payload['name'] === 'string' && payload['name'].trim() ? payload['name'].trim().slice(0, 100) : null,
    clientId: machineClient,
    roles: rolesFrom(payload, opts.clientId),
    tenantCodes: [...codes].sort(),
  };
}
