import { startHarness, type Harness } from '../utils/harness';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

/** Signs of internals a response must never show. */
const LEAKS = [
  /select |insert |update .* set|from "?[a-z_]+"? where/i,
  /\bat .+\(.+:\d+:\d+\)/,
  /\/work\/|node_modules|\.ts:\d+/,
  /stack/i,
];

describe('GraphQL hygiene', () => {
  let h: Harness;
  let t: TenantRecord;
  let token: string;
  let sqlCount = 0;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('hyg');
    token = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    h.rt.orm.em
      .getConnection()
      .getKnex()
      .on('query', () => sqlCount++);
    // Warm the tenant directory cache so the only SQL left is what execution would run.
    await h.gql(token, '{ me { subject } }');
  });
  afterAll(() => h.close());

  const refused = async (body: string, code: string | RegExp) => {
    const before = sqlCount;
    const r = await h.post(body, token);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    if (r.body.errors) expect(String(r.body.errors[0]?.extensions?.code)).toMatch(code);
    expect(sqlCount - before).toBe(0);
    for (const leak of LEAKS) expect(r.text).not.toMatch(leak);
    return r;
  };

  it('refuses a query nested deeper than the limit', async () => {
    let sel = 'id';
    for (let i = 0; i < 10; i++) sel = `parent { ${sel} }`;
    await refused(
      JSON.stringify({ query: `{ orgUnits(first: 1) { edges { node { ${sel} } } } }` }),
      'QUERY_TOO_COMPLEX',
    );
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: tenant { id }`).join(' ');
    await refused(JSON.stringify({ query: `{ ${aliases} }` }), 'QUERY_TOO_COMPLEX');
  });

  it('refuses an oversized page, as a literal or a variable', async () => {
    await refused(JSON.stringify({ query: '{ departments(first: 99999999) { totalCount } }' }), 'BAD_USER_INPUT');
    await refused(
      JSON.stringify({ query: 'query($n: Int) { departments(first: $n) { totalCount } }', variables: { n: 101 } }),
      'BAD_USER_INPUT',
    );
  });

  it('refuses a query whose cost multiplies past the limit', async () => {
    await refused(
      JSON.stringify({
        query:
          '{ orgUnits(first: 100) { edges { node { children { children { children { id name kind address phone } } } } } } }',
      }),
      'QUERY_TOO_COMPLEX',
    );
  });

  it('refuses a fragment cycle', async () => {
    await refused(
      JSON.stringify({
        query:
          '{ orgUnits(first: 1) { edges { node { ...A } } } } fragment A on OrgUnit { parent { ...B } } fragment B on OrgUnit { parent { ...A } }',
      }),
      'GRAPHQL_VALIDATION_FAILED',
    );
  });

  it('refuses a batched array of operations', async () => {
    const r = await refused(
      JSON.stringify([{ query: '{ tenant { id } }' }, { query: '{ tenant { id } }' }]),
      'BAD_REQUEST',
    );
    expect(r.text).toMatch(/batching/i);
  });

  it('refuses a document with too many tokens', async () => {
    const fields = Array.from({ length: 2100 }, () => 'id').join(' ');
    await refused(JSON.stringify({ query: `{ tenant { ${fields} } }` }), 'GRAPHQL_PARSE_FAILED');
  });

  it('answers a garbage cursor with BAD_USER_INPUT, not an internal error', async () => {
    const r = await h.gql(token, '{ departments(first: 5, after: "not-a-cursor") { totalCount } }');
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a forged cursor of the right shape but wrong types before SQL', async () => {
    const before = sqlCount;
    const bad = Buffer.from(JSON.stringify([1, 'not-a-uuid'])).toString('base64url');
    const r = await h.gql(token, `{ departments(first: 5, after: "${bad}") { totalCount } }`);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(sqlCount - before).toBe(0);
  });

  it('gives every error an extensions.code', async () => {
    for (const body of [
      '{"query":"{ nope }"}',
      '{"query":"{"}',
      '{}',
      '{"query":"{ tenant { id } }","variables":"x"}',
    ]) {
      const r = await h.post(body, token);
      for (const e of r.body.errors ?? []) expect(e.extensions?.code).toEqual(expect.any(String));
    }
  });
});
