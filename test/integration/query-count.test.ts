import { startHarness, type Harness } from '../utils/harness';
import { CREATE_ORG_UNIT } from '../utils/ops';
import { REPORT_CASE, STEPS, mutate, step } from '../utils/cases';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import { tenantReads } from '../../src/core/db/tenant-read';

/** A page costs a fixed number of SQL statements whatever its size: relations go through DataLoaders. */
describe('SQL statements per list page', () => {
  let h: Harness;
  let t: TenantRecord;
  let admin: string;
  let statements = 0;
  let roundTrips = 0;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('n1');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    const center = (
      await h.gql<{ createOrgUnit: { orgUnit: { id: string } } }>(admin, CREATE_ORG_UNIT, {
        input: { kind: 'CENTER', name: 'C' },
      })
    ).body.data!.createOrgUnit.orgUnit.id;
    for (let i = 0; i < 30; i++) {
      const st = (
        await h.gql<{ createOrgUnit: { orgUnit: { id: string } } }>(admin, CREATE_ORG_UNIT, {
          input: { kind: 'STATION', name: `S${i}`, parentId: center },
        })
      ).body.data!.createOrgUnit.orgUnit.id;
      await h.gql(admin, CREATE_ORG_UNIT, { input: { kind: 'GRID', name: `G${i}`, parentId: st } });
      await h.gql(
        admin,
        'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { userErrors { code } } }',
        { i: { name: `P${i}`, orgUnitId: st, mediatorProfile: { specialtyIds: [], maxConcurrentCases: 10 } } },
      );
    }
    h.rt.orm.em
      .getConnection()
      .getKnex()
      .on('query', () => {
        statements++;
        roundTrips++;
      });
    // A plain-row read outside a transaction: the tenant setting and the statement, one round trip.
    tenantReads.on('read', () => {
      statements += 2;
      roundTrips++;
    });
    await h.gql(admin, '{ me { subject } }');
  });
  afterAll(() => h.close());

  const count = async (query: string) => {
    const before = statements;
    const r = await h.gql(admin, query);
    expect(r.body.errors).toBeUndefined();
    return statements - before;
  };

  it('org units with parent and children', async () => {
    const q = (n: number) =>
      `{ orgUnits(first: ${n}) { edges { node { name parent { name } children { name parent { name } } } } } }`;
    // begin + set_config + page + count-free loader waves + commit: a constant, not a function of n.
    // (Which loader wave finds a parent already cached depends on the page, so allow one wave of slack.)
    for (const n of [3, 20, 60]) expect(await count(q(n))).toBeLessThanOrEqual(8);
  });

  it('staff with department, unit and mediator specialties', async () => {
    const q = (n: number) =>
      `{ staff(first: ${n}) { edges { node { name department { name } orgUnit { name parent { name } } mediatorProfile { specialties { code } } } } } }`;
    expect(await count(q(30))).toBe(await count(q(2)));
  });

  it('a page of 100 cases with parties, category, unit and assignees', async () => {
    const cats = (
      await h.gql<{ categories: { edges: { node: { id: string } }[] } }>(
        admin,
        '{ categories(first: 20) { edges { node { id } } } }',
      )
    ).body.data!.categories.edges;
    const people = (
      await h.gql<{ staff: { edges: { node: { id: string } }[] } }>(
        admin,
        '{ staff(first: 30) { edges { node { id } } } }',
      )
    ).body.data!.staff.edges;
    for (let i = 0; i < 100; i++) {
      const c = (
        await mutate(h, admin, REPORT_CASE, {
          title: `案件 ${i}`,
          channel: 'WALK_IN',
          categoryId: cats[i % cats.length]!.node.id,
          parties: [
            { role: 'APPLICANT', kind: 'PERSON', name: `申请人${i}`, phone: '13800000000' },
            { role: 'RESPONDENT', kind: 'PERSON', name: `被申请人${i}` },
          ],
        })
      ).case!;
      await step(h, admin, STEPS.accept, { caseId: c.id });
      await step(h, admin, STEPS.assign, {
        caseId: c.id,
        staffIds: [people[i % people.length]!.node.id, people[(i + 1) % people.length]!.node.id],
      });
    }
    // Within the cost limit at 100 (a list field counts 10 items per node, so the selection stays lean).
    const q = (n: number) =>
      `{ cases(first: ${n}) { edges { node { number category { name } parties { name phone } assignees { staff { name } } } } } }`;
    const small = await count(q(3));
    const page = await count(q(100));
    expect(page).toBe(small);
    expect(page).toBeLessThanOrEqual(14);
  }, 120_000);

  // The entity read path cost 6, 10 and 7 statements in as many round trips (measured with this
  // test before the plain-row read path); then 4, 4 and 5 (begin, set_config, the page with its
  // relations joined, commit). Now no transaction is opened for a read: the tenant setting and the
  // statement go in one round trip (db/tenant-read.ts) — the page with the category (and parties and
  // assignees with their staff, the masking settings as an init plan); the detail its case, then its
  // timeline (merged cases folded in).
  const BOUND = { list: [2, 1], relations: [2, 1], detail: [4, 2] } as const;

  it('the case desk operations cost as many statements at 100 rows as at 20, and fewer than the entity read path did', async () => {
    const id = (
      await h.gql<{ cases: { edges: { node: { id: string } }[] } }>(
        admin,
        '{ cases(first: 1) { edges { node { id } } } }',
      )
    ).body.data!.cases.edges[0]!.node.id;
    const ops = {
      list: (n: number) =>
        `{ cases(first: ${n}) { edges { node { id number title status reportedAt category { name } } } } }`,
      relations: (n: number) =>
        `{ cases(first: ${n}) { edges { node { id number category { name } parties { name role phone } assignees { isLead staff { name } } } } } }`,
      detail: (n: number) =>
        `{ case(id: "${id}") { id number title status timeline(first: ${n}) { edges { node { type occurredAt } } } } }`,
    };
    const measure = async (query: string) => {
      const [s, t] = [statements, roundTrips];
      expect(await count(query)).toBeGreaterThan(0);
      return [statements - s, roundTrips - t];
    };
    const measured: Record<string, number[][]> = {};
    for (const [name, q] of Object.entries(ops)) measured[name] = [await measure(q(20)), await measure(q(100))];
    console.log(`[statements, round trips] per operation at 20 and 100 rows: ${JSON.stringify(measured)}`);
    for (const [name, [at20, at100]] of Object.entries(measured)) {
      expect(at100).toEqual(at20);
      const [maxStatements, maxRoundTrips] = BOUND[name as keyof typeof BOUND];
      expect(at20![0]).toBeLessThanOrEqual(maxStatements);
      expect(at20![1]).toBeLessThanOrEqual(maxRoundTrips);
    }
  }, 60_000);

  it('reads only the case columns the selected fields need, and the whole row for a field that needs more', async () => {
    const sent: string[] = [];
    const listen = ({ sql }: { sql: string }) => sent.push(sql);
    tenantReads.on('read', listen);
    try {
      await count('{ cases(first: 5) { edges { node { id title category { name } } } } }');
      await count('{ cases(first: 5) { edges { node { id title allowedActions } } } }');
    } finally {
      tenantReads.off('read', listen);
    }
    const [lean, whole] = sent as [string, string];
    expect(lean).toContain('c.title as "title"');
    expect(lean).toContain('c.category_id as "categoryId"');
    expect(lean).not.toContain('c.description');
    expect(lean).not.toContain('c.amount_involved');
    expect(whole).toContain('c.description as "description"');
    expect(whole).toContain('c.amount_involved as "amountInvolved"');
  });
});
