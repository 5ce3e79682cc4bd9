import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, REPORT_CASE, mutate } from '../utils/cases';
import { fanOutDocument } from '../utils/documents';
import { BOARD_EVENTS, subscribeWs } from '../utils/subscriptions';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import { SCREEN_QUERIES, TRIAL_QUERIES } from '../utils/screen-queries';

/** Wall-clock milliseconds of a promise, measured from the client. */
async function timed<T>(p: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await p();
  return { ms: performance.now() - start, value };
}

describe('Operation limits over HTTP (issue 12: fan-out, ways round the cost, strings and ids)', () => {
  let h: Harness;
  let t: TenantRecord;
  let admin: string;
  let statements = 0;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('lim');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin', 'intake-clerk', 'dispatcher'] });
    h.rt.orm.em
      .getConnection()
      .getKnex()
      .on('query', () => statements++);
    // Warm the tenant directory cache so the only SQL left is what execution would run.
    await h.gql(admin, '{ me { subject } }');
  });
  afterAll(() => h.close());

  /** The operation is refused with `code` and no SQL statement ran for it. */
  const refusedBeforeSql = async (query: string, variables: Record<string, unknown> | undefined, code: string) => {
    const before = statements;
    // English, the language these assertions are written in (Chinese is the default: i18n.test.ts).
    const r = await h.gql(admin, query, variables, { 'accept-language': 'en' });
    expect(r.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(r.status).toBe(400);
    expect(statements - before).toBe(0);
    return r;
  };

  describe('fragment fan-out', () => {
    it.each([20, 25, 30])(
      'refuses a %i-level fan-out in under 50 ms while /healthz answers in under 50 ms',
      async (levels) => {
        const body = JSON.stringify({ query: fanOutDocument(levels) });
        expect(Buffer.byteLength(body)).toBeLessThan(1500);
        // Before the fix a 30-level document held the event loop for minutes, so any one of these
        // attempts would fail; several attempts keep a busy shared machine's scheduling hiccup
        // from failing a server that is in fact fast (the walk's steps are bounded in limits.spec.ts).
        let best = { query: Infinity, health: Infinity };
        for (let attempt = 0; attempt < 3 && (best.query >= 50 || best.health >= 50); attempt++) {
          const [q, hz] = await Promise.all([
            timed(() => h.post(body, admin)),
            timed(() => fetch(`${h.url}/healthz`).then((r) => r.status)),
          ]);
          expect(q.value.body.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
          expect(hz.value).toBe(200);
          best = { query: Math.min(best.query, q.ms), health: Math.min(best.health, hz.ms) };
        }
        expect(best.query).toBeLessThan(50);
        expect(best.health).toBeLessThan(50);
      },
    );
  });

  describe('ways round the cost limit', () => {
    const nested = (first: string) => /* GraphQL */ `
      query${first.startsWith('$') ? '($n: Int = 100)' : ''} { cases(first: ${first}) { edges { node { timeline(first: ${first}) { edges { node { id } } } } } } }`;

    it('refuses a nested 100×100 query whose first comes from a variable default, as with literals', async () => {
      await refusedBeforeSql(nested('100'), undefined, 'QUERY_TOO_COMPLEX');
      await refusedBeforeSql(nested('$n'), undefined, 'QUERY_TOO_COMPLEX');
      await refusedBeforeSql(nested('$n'), { n: 100 }, 'QUERY_TOO_COMPLEX');
      const r = await h.gql(admin, nested('$n'), { n: 5 });
      expect(r.body.errors).toBeUndefined();
    });

    it('refuses an oversized page from a variable default', async () => {
      await refusedBeforeSql(
        'query($n: Int = 1000) { departments(first: $n) { totalCount } }',
        undefined,
        'BAD_USER_INPUT',
      );
    });

    it('counts a connection without first as the 20 rows its resolver returns, not 1', async () => {
      const units = (first: string) =>
        `{ orgUnits${first} { edges { node { children { children { id name kind } } } } } }`;
      // 1 + 20 × 313 = 6,261 > 5,000, where counting the omitted first as 1 gave 314.
      await refusedBeforeSql(units(''), undefined, 'QUERY_TOO_COMPLEX');
      // 1 + 10 × 313 = 3,131.
      expect((await h.gql(admin, units('(first: 10)'))).body.errors).toBeUndefined();
    });
  });

  describe('ordinary screens pass (issue 17, item 6)', () => {
    let caseId: string;
    let platform: string;
    let staff: string;
    beforeAll(async () => {
      // A center of its own: a test below builds one in the suite's tenant.
      const own = await h.createTenant('screens');
      staff = await h.token({ tenants: [own.code], roles: ['tenant-admin', 'intake-clerk', 'dispatcher'] });
      await buildCenter(h, staff);
      caseId = (await mutate(h, staff, REPORT_CASE, { title: '邻里纠纷', channel: 'WALK_IN' })).case!.id;
      platform = await h.token({ tenants: [], roles: ['platform-admin'] });
    });

    it.each(Object.entries(SCREEN_QUERIES))('serves the %s list with what its screen shows', async (name, query) => {
      const r = await h.gql(name === 'tenants' ? platform : staff, query, name === 'timeline' ? { id: caseId } : {});
      expect(r.body.errors).toBeUndefined();
      expect(r.status).toBe(200);
    });

    it.each(Object.entries(TRIAL_QUERIES))('serves %s, refused before', async (_name, query) => {
      const r = await h.gql(staff, query);
      expect(r.body.errors).toBeUndefined();
    });

    it('still refuses a month of shifts for 100 residencies with every person on them', async () => {
      await refusedBeforeSql(
        `{ residencies(first: 100) { edges { node { id shifts(from: "2026-11-01T00:00:00Z", to: "2026-12-31T00:00:00Z") {
          id startsAt endsAt staff { id name roles } } } } } }`,
        undefined,
        'QUERY_TOO_COMPLEX',
      );
    });
  });

  describe('over WebSocket, the same checks', () => {
    const refusedWs = async (query: string, variables: Record<string, unknown> = {}) => {
      const started = performance.now();
      const s = subscribeWs(h, { authorization: `Bearer ${admin}`, 'accept-language': 'en' }, query, variables);
      try {
        await s.ended;
        return { errors: s.errors.map((e) => [e.extensions?.code, e.message]), ms: performance.now() - started };
      } finally {
        await s.dispose();
      }
    };

    it('refuses a 30-level fragment fan-out', async () => {
      const frags = ['fragment F0 on BoardEvent { caseId status }'];
      for (let i = 1; i <= 30; i++) frags.push(`fragment F${i} on BoardEvent { ...F${i - 1} ...F${i - 1} }`);
      const r = await refusedWs(`subscription { boardEvents { ...F30 } } ${frags.join(' ')}`);
      expect(r.errors).toEqual([
        ['QUERY_TOO_COMPLEX', expect.stringMatching(/^Query cost \d+ exceeds the limit of 5000$/)],
      ]);
      // Connecting and authenticating included; the old walk took minutes here.
      expect(r.ms).toBeLessThan(2000);
    });

    it('refuses an id that is no UUID in a subscription filter', async () => {
      const r = await refusedWs(BOARD_EVENTS, { f: { orgUnitId: 'nope' } });
      expect(r.errors).toEqual([['BAD_USER_INPUT', 'filter.orgUnitId must be an id this API issued (a UUID)']]);
    });
  });

  describe('strings and ids are checked before any SQL', () => {
    it('refuses a 900,000-character case search', async () => {
      // ASCII, so the body stays under the 1 MB JSON limit, as the attack's did.
      const text = 'a'.repeat(900_000);
      const r = await refusedBeforeSql(
        'query($f: CaseFilter) { cases(filter: $f) { totalCount edges { node { id } } } }',
        { f: { text } },
        'BAD_USER_INPUT',
      );
      expect(r.body.errors![0]!.message).toBe('filter.text is longer than 200 characters');
    });

    it.each([
      [
        'createOrgUnit(parentId: "")',
        'mutation { createOrgUnit(input: { kind: GRID, name: "G", parentId: "" }) { userErrors { code } } }',
        'input.parentId',
      ],
      [
        'createStaffMember(departmentId: "")',
        'mutation { createStaffMember(input: { name: "P", departmentId: "" }) { userErrors { code } } }',
        'input.departmentId',
      ],
      [
        'mediators(filter: { orgUnitId: "nope" })',
        '{ mediators(filter: { orgUnitId: "nope" }) { totalCount } }',
        'filter.orgUnitId',
      ],
      ['case(id: "1")', '{ case(id: "1") { id } }', 'id'],
      // Uppercase reached the ORM as a second spelling of one id (found by generated-inputs.test.ts in stationDepartment).
      ['an uppercase id', '{ case(id: "01A21CD8-EC8F-7000-BC09-1DB23235BDA2") { id } }', 'id'],
    ])('answers %s with BAD_USER_INPUT naming the id', async (_name, query, path) => {
      const r = await refusedBeforeSql(query, undefined, 'BAD_USER_INPUT');
      expect(r.body.errors![0]!.message).toBe(`${path} must be an id this API issued (a UUID)`);
    });

    it('answers many bad variable values with BAD_USER_INPUT, not an internal error', async () => {
      // Past 50 problems graphql-js gives up with an error that has no code (found by generated-inputs.test.ts).
      const r = await refusedBeforeSql(
        'query($f: CaseFilter) { cases(filter: $f) { totalCount } }',
        { f: { statuses: Array.from({ length: 60 }, () => 'NOPE') } },
        'BAD_USER_INPUT',
      );
      expect(r.body.errors![0]!.message).toMatch(/^Variable "\$f" got invalid value "NOPE" at "f.statuses\[0\]"/);
    });

    it('refuses a NUL byte in any string, and keeps line breaks and tabs in free text', async () => {
      const center = await buildCenter(h, admin);
      const report = (description: string) =>
        h.gql<{ reportCase: { case: { id: string } | null } }>(
          admin,
          REPORT_CASE,
          {
            i: {
              title: '邻里噪音',
              description,
              channel: 'WALK_IN',
              reportedOrgUnitId: center.gridId,
              parties: [],
            },
          },
          { 'accept-language': 'en' },
        );
      const before = statements;
      const nul = await report('楼上\u0000装修');
      expect(nul.body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        ['BAD_USER_INPUT', 'input.description contains a control character (only tab and line breaks are allowed)'],
      ]);
      expect(statements - before).toBe(0);

      const kept = await mutate<{ case: { id: string } | null; userErrors: unknown[] }>(h, admin, REPORT_CASE, {
        title: '邻里噪音',
        description: '第一行\n第二行\r\n\t缩进',
        channel: 'WALK_IN',
        reportedOrgUnitId: center.gridId,
        parties: [],
      });
      expect(kept.userErrors).toEqual([]);
      const read = await h.gql<{ case: { description: string } }>(
        admin,
        'query($id: ID!) { case(id: $id) { description } }',
        {
          id: kept.case!.id,
        },
      );
      expect(read.body.data!.case.description).toBe('第一行\n第二行\r\n\t缩进');
    });
  });
});
