import { viewerFromClaims } from '../viewer';

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
});
