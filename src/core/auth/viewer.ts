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
  /**
   * The roles that count for this request: in the tenant it acts in ({@link rolesIn}), or the
   * realm-wide ones when it acts in none (a platform admin, or a token of several tenants that
   * has not picked one).
   */
  roles: ReadonlySet<Role>;
  tenantCodes: string[];
  /** realm and client roles of the token, valid in no particular tenant */
  realmRoles: ReadonlySet<Role>;
  /** roles per tenant code, from group membership `/<tenant code>/<role>` */
  tenantRoles: ReadonlyMap<string, ReadonlySet<Role>>;
  /**
   * Set for residents, never for staff: a verified phone's session (modules/resident), or an
   * anonymous caller (phone null) who may only ask for and redeem a sign-in code. Such a viewer
   * has no roles, and the operation gate (core/graphql/audience.ts) keeps it to resident fields.
   */
  resident?: ResidentIdentity;
}

export interface ResidentIdentity {
  /** null until a one-time code proved the phone */
  phone: string | null;
  sessionId: string | null;
}

/** A viewer without a token: a resident about to prove their phone, in the tenant X-Tenant-Id names. */
export const anonymousResident = (): Viewer => ({
  subject: 'resident:anonymous',
  username: null,
  clientId: null,
  name: null,
  roles: new Set(),
  tenantCodes: [],
  realmRoles: new Set(),
  tenantRoles: new Map(),
  resident: { phone: null, sessionId: null },
});

/** Platform roles are about no tenant: they hold whatever tenant a request acts in. */
const PLATFORM_ROLES: ReadonlySet<Role> = new Set<Role>(['platform-admin']);

/**
 * Roles in one tenant: the token's groups for that tenant, plus its realm-wide roles when the
 * token lists that tenant alone. A person of several tenants gets roles per tenant from groups
 * only, so "mediator" in a town never makes them a mediator in the county as well.
 */
export function rolesIn(v: Pick<Viewer, 'realmRoles' | 'tenantRoles' | 'tenantCodes'>, code: string | null): Set<Role> {
  if (code === null) return new Set(v.realmRoles);
  const realm = v.tenantCodes.length === 1 && v.tenantCodes[0] === code ? [...v.realmRoles] : [];
  return new Set([
    ...(v.tenantRoles.get(code) ?? []),
    ...realm,
    ...[...v.realmRoles].filter((r) => PLATFORM_ROLES.has(r)),
  ]);
}

/** The viewer acting in `code` (or in no tenant): `roles` becomes the roles that count there. */
export const viewerIn = (v: Viewer, code: string | null): Viewer => ({ ...v, roles: rolesIn(v, code) });

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

/**
 * Keycloak's group-membership mapper with "full group path" writes `/<tenant code>/<role>` for a
 * member of subgroup `<role>` of the tenant's group. Other groups, unknown roles and the
 * platform role (never per tenant) are ignored.
 */
function tenantRolesFrom(claim: unknown): Map<string, Set<Role>> {
  const by = new Map<string, Set<Role>>();
  if (!Array.isArray(claim)) return by;
  for (const path of claim) {
    if (typeof path !== 'string') continue;
    const m = /^\/([^/]+)\/([^/]+)$/.exec(path);
    if (!m || !isRole(m[2]!) || PLATFORM_ROLES.has(m[2])) continue;
    const roles = by.get(m[1]!) ?? new Set<Role>();
    roles.add(m[2]);
    by.set(m[1]!, roles);
  }
  return by;
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
  const realmRoles = rolesFrom(payload, opts.clientId);
  return {
    subject: payload.sub ?? '',
    username,
    name: typeof payload['name'] === 'string' && payload['name'].trim() ? payload['name'].trim().slice(0, 100) : null,
    clientId: machineClient,
    // Until a tenant is chosen (authenticate.ts), only the realm-wide roles count.
    roles: realmRoles,
    tenantCodes: [...codes].sort(),
    realmRoles,
    tenantRoles: tenantRolesFrom(payload['groups']),
  };
}
