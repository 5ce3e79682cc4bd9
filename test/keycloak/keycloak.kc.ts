import { startHarness, CLIENT_ID, type Harness } from '../utils/harness';
import { loadDemoData } from '../../src/dev/demo-data';

/**
 * The API against a real Keycloak running deploy/keycloak/onedoor-realm.json: tokens come from
 * Keycloak's token endpoint (password and client-credentials grants), keys from its JWKS, and
 * tenants from its Organizations. Run by .ci/keycloak-e2e, which starts Keycloak with
 * scripts/keycloak-start.sh and sets KEYCLOAK_E2E_REALM_URL.
 */
const REALM_URL = process.env['KEYCLOAK_E2E_REALM_URL'];

// The demo accounts of deploy/keycloak/onedoor-realm.json (demo only, see docs/operations.md).
const WEB_CLIENT = 'onedoor-web';
const FEED = { id: 'onedoor-12345-feed', secret: 'demo-only-12345-feed-secret-change-me' };
const CLERK = { username: 'zhili-clerk', password: 'demo-only-zhili-clerk' };
const ADMIN = { username: 'hongta-admin', password: 'demo-only-hongta-admin' };
const AUDITOR = { username: 'county-auditor', password: 'demo-only-county-auditor' };
const TWO_CENTERS = { username: 'zhili-mediator-hongta-leader', password: 'demo-only-two-centers' };

const ME = '{ me { username clientId roles tenants { code } currentTenant { code } } }';
interface Me {
  me: {
    username: string;
    clientId: string | null;
    roles: string[];
    tenants: { code: string }[];
    currentTenant: { code: string } | null;
  };
}

async function tokenRequest(form: Record<string, string>): Promise<string> {
  const res = await fetch(`${REALM_URL}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
  });
  const body = (await res.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!res.ok || !body.access_token)
    throw new Error(
      `Keycloak refused ${form['grant_type']} for ${form['username'] ?? form['client_id']}: ${res.status} ${body.error} ${body.error_description ?? ''}`,
    );
  return body.access_token;
}

const passwordToken = (
  user: { username: string; password: string },
  opts: { scope?: string; clientId?: string } = {},
) =>
  tokenRequest({
    grant_type: 'password',
    client_id: opts.clientId ?? WEB_CLIENT,
    ...user,
    ...(opts.scope ? { scope: opts.scope } : {}),
  });

const feedToken = () =>
  tokenRequest({ grant_type: 'client_credentials', client_id: FEED.id, client_secret: FEED.secret });

const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('with a real Keycloak', () => {
  let h: Harness;

  beforeAll(async () => {
    if (!REALM_URL)
      throw new Error(
        'KEYCLOAK_E2E_REALM_URL is not set: run .ci/keycloak-e2e, or scripts/keycloak-start.sh and export what it prints',
      );
    h = await startHarness({ KEYCLOAK_REALM_URL: REALM_URL, KEYCLOAK_CLIENT_ID: CLIENT_ID });
    // The realm's organizations are the demo tenants, by alias = code.
    await loadDemoData(h.rt.services);
  });
  afterAll(() => h?.close());

  const expectStatus = async (token: string, status: number, code: string, headers?: Record<string, string>) => {
    const r = await h.gql(token, ME, undefined, headers);
    expect({ status: r.status, code: r.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
    expect(r.body.data ?? null).toBeNull();
  };

  it('issues web tokens the API is the audience of, with realm roles and the organization', async () => {
    const c = claims(await passwordToken(CLERK));
    expect(c).toMatchObject({ iss: REALM_URL, azp: WEB_CLIENT, typ: 'Bearer', organization: ['zhili'] });
    expect(c['aud']).toEqual(expect.arrayContaining([CLIENT_ID]));
    expect((c['realm_access'] as { roles: string[] }).roles).toContain('intake-clerk');
  });

  it('accepts a password-grant token in its own tenant, with its roles', async () => {
    const token = await passwordToken(CLERK);
    for (const headers of [undefined, { 'x-tenant-id': 'zhili' }]) {
      const r = await h.gql<Me>(token, ME, undefined, headers);
      expect(r.status).toBe(200);
      expect(r.body.data?.me).toEqual({
        username: 'zhili-clerk',
        clientId: null,
        roles: ['intake-clerk'],
        tenants: [{ code: 'zhili' }],
        currentTenant: { code: 'zhili' },
      });
    }
  });

  it('refuses another tenant with 403, whichever way it is asked for', async () => {
    await expectStatus(await passwordToken(CLERK), 403, 'FORBIDDEN', { 'x-tenant-id': 'hongta' });
    await expectStatus(await passwordToken(ADMIN), 403, 'FORBIDDEN', { 'x-tenant-id': 'zhili' });
    // wuxing is a tenant of the API but no organization of the realm: nobody gets it.
    await expectStatus(await passwordToken(CLERK), 403, 'FORBIDDEN', { 'x-tenant-id': 'wuxing' });
    // Asked for an organization the user is not a member of, Keycloak leaves the claim out.
    const c = claims(await passwordToken(CLERK, { scope: 'organization:hongta' }));
    expect(c['organization']).toBeUndefined();
  });

  it('enforces roles from the realm: the tenant admin reads the audit trail, the clerk may not', async () => {
    const AUDIT = '{ me { roles currentTenant { code } } auditEvents(first: 1) { edges { node { action } } } }';
    const admin = await h.gql<{ me: { roles: string[]; currentTenant: { code: string } } }>(
      await passwordToken(ADMIN),
      AUDIT,
    );
    expect(admin.body.errors).toBeUndefined();
    expect(admin.body.data?.me).toEqual({ roles: ['tenant-admin'], currentTenant: { code: 'hongta' } });
    const clerk = await h.gql(await passwordToken(CLERK), AUDIT);
    expect(clerk.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(clerk.body.errors?.[0]?.path).toEqual(['auditEvents']);
  });

  it('gives a member of two organizations both with scope organization:*, and X-Tenant-Id picks one', async () => {
    const token = await passwordToken(AUDITOR, { scope: 'openid organization:*' });
    const none = await h.gql<Me>(token, ME);
    expect(none.body.data?.me).toMatchObject({ roles: ['auditor'], currentTenant: null });
    expect(none.body.data?.me.tenants.map((t) => t.code).sort()).toEqual(['hongta', 'zhili']);
    const picked = await h.gql<Me>(token, ME, undefined, { 'x-tenant-id': 'hongta' });
    expect(picked.body.data?.me.currentTenant).toEqual({ code: 'hongta' });
    // organization:<alias> narrows the token to one organization at login.
    const narrowed = await passwordToken(AUDITOR, { scope: 'organization:zhili' });
    expect((await h.gql<Me>(narrowed, ME)).body.data?.me.currentTenant).toEqual({ code: 'zhili' });
    await expectStatus(narrowed, 403, 'FORBIDDEN', { 'x-tenant-id': 'hongta' });
  });

  it("gives a person of two tenants each tenant's own roles, from group membership", async () => {
    const token = await passwordToken(TWO_CENTERS, { scope: 'openid organization:*' });
    const c = claims(token);
    // The group-membership mapper with full paths: /<tenant code>/<role>; no realm role at all.
    expect((c['groups'] as string[]).sort()).toEqual(['/hongta/leader', '/zhili/mediator']);
    expect((c['organization'] as string[]).sort()).toEqual(['hongta', 'zhili']);
    expect((c['realm_access'] as { roles: string[] }).roles).not.toContain('leader');
    const POLICIES = '{ me { roles currentTenant { code } } slaPolicies(first: 1) { edges { node { id } } } }';
    const inZhili = await h.gql<Me>(token, POLICIES, undefined, { 'x-tenant-id': 'zhili' });
    expect(inZhili.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(inZhili.body.errors?.[0]?.path).toEqual(['slaPolicies']);
    const meInZhili = await h.gql<Me>(token, ME, undefined, { 'x-tenant-id': 'zhili' });
    expect(meInZhili.body.data?.me).toMatchObject({ roles: ['mediator'], currentTenant: { code: 'zhili' } });
    const inHongta = await h.gql<{ me: { roles: string[] } }>(token, POLICIES, undefined, { 'x-tenant-id': 'hongta' });
    expect(inHongta.body.errors).toBeUndefined();
    expect(inHongta.body.data?.me).toEqual({ roles: ['leader'], currentTenant: { code: 'hongta' } });
    // The county auditor's realm role counts in neither of its two tenants; its groups make it an auditor in each.
    const auditor = await passwordToken(AUDITOR, { scope: 'openid organization:*' });
    for (const tenant of ['zhili', 'hongta']) {
      const r = await h.gql<Me>(auditor, ME, undefined, { 'x-tenant-id': tenant });
      expect(r.body.data?.me).toMatchObject({ roles: ['auditor'], currentTenant: { code: tenant } });
    }
  });

  it('accepts the 12345 feed by client credentials as intake-system in its tenant only', async () => {
    const token = await feedToken();
    expect(claims(token)).toMatchObject({ azp: FEED.id, client_id: FEED.id, organization: ['zhili'] });
    const r = await h.gql<Me>(token, ME);
    expect(r.status).toBe(200);
    expect(r.body.data?.me).toEqual({
      username: 'service-account-onedoor-12345-feed',
      clientId: FEED.id,
      roles: ['intake-system'],
      tenants: [{ code: 'zhili' }],
      currentTenant: { code: 'zhili' },
    });
    await expectStatus(token, 403, 'FORBIDDEN', { 'x-tenant-id': 'hongta' });
  });

  it('refuses a Keycloak token whose payload was altered (401)', async () => {
    const token = await passwordToken(CLERK);
    const [head, , sig] = token.split('.');
    const forged = { ...claims(token), organization: ['hongta'], realm_access: { roles: ['platform-admin'] } };
    await expectStatus(
      `${head}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${sig}`,
      401,
      'UNAUTHENTICATED',
    );
  });

  it('refuses a genuine token of the realm that was not issued for the API (401)', async () => {
    // admin-cli is Keycloak's own client in every realm: right signature, wrong audience.
    const token = await passwordToken(CLERK, { clientId: 'admin-cli' });
    const c = claims(token);
    expect(c['azp']).toBe('admin-cli');
    expect([c['aud'] ?? []].flat()).not.toContain(CLIENT_ID);
    await expectStatus(token, 401, 'UNAUTHENTICATED');
  });
});
