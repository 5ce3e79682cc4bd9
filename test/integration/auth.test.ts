import { createHmac } from 'node:crypto';
import { LocalIssuer } from '../../src/core/auth/local-issuer';
import { startHarness, type Harness, CLIENT_ID } from '../utils/harness';
import { ME } from '../utils/ops';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('authentication', () => {
  let h: Harness;
  let a: TenantRecord;
  let b: TenantRecord;

  beforeAll(async () => {
    h = await startHarness();
    a = await h.createTenant('auth-a');
    b = await h.createTenant('auth-b');
  });
  afterAll(() => h.close());

  const expect401 = async (token: string | null) => {
    const r = await h.gql(token, ME);
    expect(r.status).toBe(401);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.body.data ?? null).toBeNull();
  };

  it('accepts a valid token and reports the viewer, roles and tenant', async () => {
    const r = await h.gql<{ me: { roles: string[]; currentTenant: { code: string } } }>(
      await h.token({ tenants: [a.code], roles: ['mediator', 'not-a-role'] }),
      ME,
    );
    expect(r.status).toBe(200);
    expect(r.body.data?.me.roles).toEqual(['mediator']);
    expect(r.body.data?.me.currentTenant.code).toBe(a.code);
  });

  it('refuses a request without a token', () => expect401(null));

  it('refuses an expired token beyond the clock-skew allowance', async () => {
    await expect401(await h.token({ tenants: [a.code], expiresInSeconds: -120 }));
  });

  it('accepts a token expired within the clock-skew allowance', async () => {
    const r = await h.gql(await h.token({ tenants: [a.code], expiresInSeconds: -10 }), ME);
    expect(r.status).toBe(200);
  });

  it('refuses a token that is not yet valid', async () => {
    await expect401(await h.token({ tenants: [a.code], notBeforeSeconds: 300 }));
  });

  it('refuses a token issued in the future beyond the clock-skew allowance', async () => {
    await expect401(await h.token({ tenants: [a.code], issuedAtOffsetSeconds: 600 }));
  });

  it('accepts a token issued in the future within the clock-skew allowance', async () => {
    const r = await h.gql(await h.token({ tenants: [a.code], issuedAtOffsetSeconds: 10 }), ME);
    expect(r.status).toBe(200);
  });

  it('refuses a token from another issuer', async () => {
    await expect401(await h.token({ tenants: [a.code], issuer: 'http://127.0.0.1:1/realms/evil' }));
  });

  it('refuses a token issued for another client', async () => {
    await expect401(await h.token({ tenants: [a.code], audience: 'other-client', azp: 'other-client' }));
  });

  it('refuses a token whose signature was tampered with', async () => {
    const [head, body, sig] = (await h.token({ tenants: [a.code] })).split('.');
    const forged = {
      ...JSON.parse(Buffer.from(body!, 'base64url').toString()),
      realm_access: { roles: ['platform-admin'] },
    };
    await expect401(`${head}.${b64(forged)}.${sig}`);
    await expect401(`${head}.${body}.${sig!.slice(0, -4)}AAAA`);
  });

  it('refuses a token signed by a key the realm does not publish', async () => {
    const rogue = await LocalIssuer.create(h.issuer.realmUrl, CLIENT_ID);
    await expect401(await rogue.sign({ subject: 'x', tenants: [a.code], roles: ['platform-admin'] }));
  });

  it('refuses alg "none"', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: h.issuer.realmUrl,
      sub: 'x',
      aud: CLIENT_ID,
      azp: CLIENT_ID,
      typ: 'Bearer',
      exp: now + 600,
      iat: now,
      organization: [a.code],
    };
    await expect401(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`);
  });

  it('refuses HS256 signed with the public key', async () => {
    const now = Math.floor(Date.now() / 1000);
    const jwk = h.issuer.jwks().keys[0]!;
    const claims = {
      iss: h.issuer.realmUrl,
      sub: 'x',
      aud: CLIENT_ID,
      azp: CLIENT_ID,
      typ: 'Bearer',
      exp: now + 600,
      iat: now,
      organization: [a.code],
    };
    const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: jwk.kid })}.${b64(claims)}`;
    for (const secret of [JSON.stringify(jwk), jwk.n!]) {
      await expect401(`${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`);
    }
  });

  it('picks up a rotated signing key without a restart', async () => {
    const before = await h.token({ tenants: [a.code] });
    expect((await h.gql(before, ME)).status).toBe(200);
    await h.issuer.rotate(true);
    const after = await h.token({ tenants: [a.code] });
    expect((await h.gql(after, ME)).status).toBe(200);
    // The retired key is no longer published, so tokens it signed stop verifying.
    await expect401(before);
  });

  it('forbids a tenant the token does not list', async () => {
    const r = await h.gql(await h.token({ tenants: [a.code] }), ME, undefined, { 'x-tenant-id': b.id });
    expect(r.status).toBe(403);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a user of several tenants choose one with X-Tenant-Id, by id or code', async () => {
    const t = await h.token({ tenants: [a.code, b.code] });
    const none = await h.gql<{ me: { currentTenant: null; tenants: unknown[] } }>(t, ME);
    expect(none.body.data?.me.currentTenant).toBeNull();
    expect(none.body.data?.me.tenants).toHaveLength(2);
    const noTenant = await h.gql(t, '{ tenant { code } }');
    expect(noTenant.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const pick of [b.id, b.code]) {
      const r = await h.gql<{ tenant: { code: string } }>(t, '{ tenant { code } }', undefined, { 'x-tenant-id': pick });
      expect(r.body.data?.tenant.code).toBe(b.code);
    }
  });

  describe('roles per tenant', () => {
    const POLICIES = '{ me { roles currentTenant { code } } slaPolicies(first: 1) { edges { node { id } } } }';
    const as = (token: string, tenant: TenantRecord) =>
      h.gql<{ me: { roles: string[]; currentTenant: { code: string } } }>(token, POLICIES, undefined, {
        'x-tenant-id': tenant.code,
      });

    it("lets a two-tenant person act with each tenant's own roles, from group membership", async () => {
      // Mediates in the town (a), leads in the county (b).
      const person = await h.token({
        tenants: [a.code, b.code],
        groups: [`/${a.code}/mediator`, `/${b.code}/leader`, '/unrelated-group', `/${b.code}/not-a-role`],
      });
      const inA = await as(person, a);
      expect(inA.body.data?.me ?? null).toBeNull();
      expect(inA.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(inA.body.errors?.[0]?.path).toEqual(['slaPolicies']);
      const meInA = await h.gql<{ me: { roles: string[] } }>(person, ME, undefined, { 'x-tenant-id': a.id });
      expect(meInA.body.data?.me.roles).toEqual(['mediator']);
      const inB = await as(person, b);
      expect(inB.body.errors).toBeUndefined();
      expect(inB.body.data?.me).toEqual({ roles: ['leader'], currentTenant: { code: b.code } });
    });

    it('does not carry realm-wide roles into the tenants of a token that lists several', async () => {
      const both = await h.token({ tenants: [a.code, b.code], roles: ['leader'] });
      for (const t of [a, b]) {
        const r = await as(both, t);
        expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const me = await h.gql<{ me: { roles: string[] } }>(both, ME, undefined, { 'x-tenant-id': t.code });
        expect(me.body.data?.me.roles).toEqual([]);
      }
      // Without a tenant chosen, the realm-wide roles are what the token says.
      expect((await h.gql<{ me: { roles: string[] } }>(both, ME)).body.data?.me.roles).toEqual(['leader']);
    });

    it('keeps realm-wide roles for a single-tenant token, and adds its groups there', async () => {
      const single = await h.token({ tenants: [b.code], roles: ['leader'] });
      expect((await as(single, b)).body.data?.me).toEqual({ roles: ['leader'], currentTenant: { code: b.code } });
      const withGroup = await h.token({ tenants: [b.code], roles: ['mediator'], groups: [`/${b.code}/leader`] });
      expect((await as(withGroup, b)).body.data?.me.roles.sort()).toEqual(['leader', 'mediator']);
    });

    it('never takes the platform role from a group, and a group of an unlisted tenant gives nothing', async () => {
      const r = await h.gql<{ me: { roles: string[] } }>(
        await h.token({ tenants: [a.code], groups: [`/${a.code}/platform-admin`, `/${b.code}/tenant-admin`] }),
        ME,
      );
      expect(r.body.data?.me.roles).toEqual([]);
    });
  });

  it('forbids every request of a suspended tenant until it is reactivated', async () => {
    const c = await h.createTenant('auth-c');
    const admin = await h.token({ roles: ['platform-admin'] });
    const user = await h.token({ tenants: [c.code], roles: ['tenant-admin'] });
    const SUSPEND =
      'mutation($input: SuspendTenantInput!) { suspendTenant(input: $input) { tenant { status } userErrors { code } } }';
    const s = await h.gql<{ suspendTenant: { tenant: { status: string } } }>(admin, SUSPEND, { input: { id: c.id } });
    expect(s.body.data?.suspendTenant.tenant.status).toBe('SUSPENDED');
    const r = await h.gql(user, '{ departments(first: 1) { totalCount } }');
    expect(r.status).toBe(403);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await h.gql(admin, SUSPEND, { input: { id: c.id, suspended: false } });
    expect((await h.gql(user, '{ departments(first: 1) { totalCount } }')).status).toBe(200);
  });
});
