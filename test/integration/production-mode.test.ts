import { startHarness, type Harness } from '../utils/harness';

describe('in production mode', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({ NODE_ENV: 'production' });
    const t = await h.createTenant('prod');
    token = await h.token({ tenants: [t.code] });
  });
  afterAll(() => h.close());

  it('refuses introspection', async () => {
    const r = await h.gql(token, '{ __schema { types { name } } }');
    expect(r.body.data ?? null).toBeNull();
    expect(r.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('gives no field suggestions', async () => {
    // English: graphql-js's own words (Chinese is the default, and gives no suggestion either).
    const r = await h.gql(token, '{ tenant { nam } }', undefined, { 'accept-language': 'en' });
    expect(r.body.errors?.[0]?.message).toBe('Cannot query field "nam" on type "Tenant".');
  });
});
