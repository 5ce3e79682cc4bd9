import { startHarness, type Harness } from '../utils/harness';
import { CREATE_ORG_UNIT } from '../utils/ops';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

/** A page costs a fixed number of SQL statements whatever its size: relations go through DataLoaders. */
describe('SQL statements per list page', () => {
  let h: Harness;
  let t: TenantRecord;
  let admin: string;
  let statements = 0;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('n1');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    const center = (await h.gql<{ createOrgUnit: { orgUnit: { id: string } } }>(admin, CREATE_ORG_UNIT, { input: { kind: 'CENTER', name: 'C' } })).body.data!.createOrgUnit.orgUnit.id;
    for (let i = 0; i < 30; i++) {
      const st = (await h.gql<{ createOrgUnit: { orgUnit: { id: string } } }>(admin, CREATE_ORG_UNIT, { input: { kind: 'STATION', name: `S${i}`, parentId: center } })).body.data!.createOrgUnit.orgUnit.id;
      await h.gql(admin, CREATE_ORG_UNIT, { input: { kind: 'GRID', name: `G${i}`, parentId: st } });
      await h.gql(admin, 'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { userErrors { code } } }', { i: { name: `P${i}`, orgUnitId: st, mediatorProfile: { specialtyIds: [], maxConcurrentCases: 1 } } });
    }
    h.rt.orm.em.getConnection().getKnex().on('query', () => statements++);
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
    const q = (n: number) => `{ orgUnits(first: ${n}) { edges { node { name parent { name } children { name parent { name } } } } } }`;
    // begin + set_config + page + count-free loader waves + commit: a constant, not a function of n.
    // (Which loader wave finds a parent already cached depends on the page, so allow one wave of slack.)
    for (const n of [3, 20, 60]) expect(await count(q(n))).toBeLessThanOrEqual(8);
  });

  it('staff with department, unit and mediator specialties', async () => {
    const q = (n: number) => `{ staff(first: ${n}) { edges { node { name department { name } orgUnit { name parent { name } } mediatorProfile { specialties { code } } } } } }`;
    expect(await count(q(30))).toBe(await count(q(2)));
  });
});
