import { rolesIn, viewerFromClaims, viewerIn } from '../viewer';

const opts = { clientId: 'onedoor-api', tenantClaim: 'organization' };

describe('viewerFromClaims', () => {
  it('reads Keycloak Organizations as a list of aliases or an object keyed by alias', () => {
    expect(viewerFromClaims({ sub: 'u', organization: ['zhili', 'wuxing'] }, opts).tenantCodes).toEqual([
      'wuxing',
      'zhili',
    ]);
    expect(viewerFromClaims({ sub: 'u', organization: { zhili: { id: 'x' } } }, opts).tenantCodes).toEqual(['zhili']);
  });

  it('reads a configured claim, such as a hard-coded mapper on a machine client', () => {
    const v = viewerFromClaims({ sub: 'svc', tenant: 'zhili' }, { ...opts, tenantClaim: 'tenant' });
    expect(v.tenantCodes).toEqual(['zhili']);
  });

  it('takes known roles from realm and our client, and ignores the rest', () => {
    const v = viewerFromClaims(
      {
        sub: 'u',
        realm_access: { roles: ['mediator', 'offline_access', 'uma_authorization'] },
        resource_access: { 'onedoor-api': { roles: ['leader'] }, other: { roles: ['platform-admin'] } },
      },
      opts,
    );
    expect([...v.roles].sort()).toEqual(['leader', 'mediator']);
  });

  it('recognises a client-credentials token of a machine feed', () => {
    const v = viewerFromClaims(
      {
        sub: 's',
        preferred_username: 'service-account-feed-12345',
        azp: 'feed-12345',
        realm_access: { roles: ['intake-system'] },
      },
      opts,
    );
    expect(v.clientId).toBe('feed-12345');
    expect(v.roles.has('intake-system')).toBe(true);
  });

  describe('roles per tenant', () => {
    const person = viewerFromClaims(
      {
        sub: 'u',
        organization: ['zhili', 'wuxing'],
        realm_access: { roles: ['auditor'] },
        groups: ['/zhili/mediator', '/wuxing/leader', '/wuxing/tenant-admin', '/zhili/platform-admin', '/x', '/a/b/c'],
      },
      opts,
    );

    it('reads `/<tenant code>/<role>` group paths, ignoring other groups, unknown roles and the platform role', () => {
      expect([...(person.tenantRoles.get('zhili') ?? [])]).toEqual(['mediator']);
      expect([...(person.tenantRoles.get('wuxing') ?? [])].sort()).toEqual(['leader', 'tenant-admin']);
      expect([...person.tenantRoles.keys()].sort()).toEqual(['wuxing', 'zhili']);
    });

    it("gives a token of several tenants each tenant's group roles only", () => {
      expect([...rolesIn(person, 'zhili')]).toEqual(['mediator']);
      expect([...rolesIn(person, 'wuxing')].sort()).toEqual(['leader', 'tenant-admin']);
      expect([...rolesIn(person, 'hongta')]).toEqual([]);
      expect([...rolesIn(person, null)]).toEqual(['auditor']);
      expect([...viewerIn(person, 'zhili').roles]).toEqual(['mediator']);
    });

    it("keeps realm roles in a single-tenant token's tenant, and the platform role everywhere", () => {
      const single = viewerFromClaims(
        { sub: 'u', organization: ['zhili'], realm_access: { roles: ['mediator'] }, groups: ['/zhili/leader'] },
        opts,
      );
      expect([...rolesIn(single, 'zhili')].sort()).toEqual(['leader', 'mediator']);
      const admin = viewerFromClaims(
        { sub: 'p', organization: ['zhili', 'wuxing'], realm_access: { roles: ['platform-admin', 'leader'] } },
        opts,
      );
      expect([...rolesIn(admin, 'zhili')]).toEqual(['platform-admin']);
    });
  });
});
