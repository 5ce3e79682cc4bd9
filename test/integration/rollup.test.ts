import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, REPORT_CASE } from '../utils/cases';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const ROLLUP = /* GraphQL */ `query($r: DateRangeInput!) { childTenantMetrics(range: $r) {
  reported byChannel { key reported } byCategory { label reported }
  children { tenant { code } depth parentTenantId metrics { reported } byChannel { key reported }
    byCategory { label reported } supervisionByUnit { orgUnitName issued } } } }`;

interface Rollup {
  reported: number;
  byChannel: { key: string; reported: number }[];
  byCategory: { label: string | null; reported: number }[];
  children: {
    tenant: { code: string };
    depth: number;
    parentTenantId: string | null;
    metrics: { reported: number };
    byChannel: { key: string; reported: number }[];
    byCategory: { label: string | null; reported: number }[];
    supervisionByUnit: { orgUnitName: string | null; issued: number }[];
  }[];
}

/** Issue 17, item 8: a city sees every level below it, not only its counties' own cases. */
describe('roll-up through every level', () => {
  let h: Harness;
  let city: TenantRecord;
  let county: TenantRecord;
  let town: TenantRecord;
  let street: TenantRecord;
  const range = {
    from: new Date(Date.now() - 86_400_000).toISOString(),
    to: new Date(Date.now() + 86_400_000).toISOString(),
  };

  beforeAll(async () => {
    h = await startHarness();
    city = await h.createTenant('huzhou', { level: 'CITY' });
    county = await h.createTenant('wuxing', { level: 'COUNTY', parentId: city.id });
    town = await h.createTenant('zhili', { level: 'TOWN', parentId: county.id });
    street = await h.createTenant('dahe', { level: 'STREET', parentId: town.id });
  });
  afterAll(() => h.close());

  const staffOf = (t: TenantRecord) =>
    h.token({ tenants: [t.code], roles: ['tenant-admin', 'intake-clerk', 'dispatcher', 'leader'] });

  it('covers the counties, their towns and their villages, each named, with channels, categories and supervision', async () => {
    const townStaff = await staffOf(town);
    const townCenter = await buildCenter(h, townStaff);
    const report = async (token: string, channel: string, categoryId?: string) =>
      (await mutate(h, token, REPORT_CASE, { title: `${channel} 纠纷`, channel, categoryId })).case!;
    await report(townStaff, 'WALK_IN', townCenter.category['labor-wages']);
    const stuck = await report(townStaff, 'HOTLINE', townCenter.category['labor-wages']);
    await mutate(h, townStaff, 'mutation($i: AcceptCaseInput!) { acceptCase(input: $i) { userErrors { code } } }', {
      caseId: stuck.id,
    });
    await mutate(h, townStaff, 'mutation($i: DispatchCaseInput!) { dispatchCase(input: $i) { userErrors { code } } }', {
      caseId: stuck.id,
      orgUnitId: townCenter.centerId,
    });
    const sup = await mutate<{ userErrors: unknown[] }>(
      h,
      townStaff,
      'mutation($i: SuperviseCaseInput!) { superviseCase(input: $i) { userErrors { field code } } }',
      { caseId: stuck.id, message: '请加快办理', replyBy: new Date(Date.now() + 86_400_000).toISOString() },
    );
    expect(sup.userErrors).toEqual([]);
    await report(await staffOf(street), 'GRID_WORKER');
    await report(await staffOf(county), 'WALK_IN');

    const r = await h.gql<{ childTenantMetrics: Rollup }>(await staffOf(city), ROLLUP, { r: range });
    expect(r.body.errors).toBeUndefined();
    const roll = r.body.data!.childTenantMetrics;
    expect(roll.children.map((c) => [c.tenant.code, c.depth, c.parentTenantId, c.metrics.reported])).toEqual([
      [county.code, 1, city.id, 1],
      [town.code, 2, county.id, 2],
      [street.code, 3, town.id, 1],
    ]);
    expect(roll.reported).toBe(4);
    expect(roll.byChannel).toEqual(
      expect.arrayContaining([
        { key: 'WALK_IN', reported: 2 },
        { key: 'HOTLINE', reported: 1 },
        { key: 'GRID_WORKER', reported: 1 },
      ]),
    );
    const townRow = roll.children.find((c) => c.tenant.code === town.code)!;
    expect(townRow.byCategory).toEqual([expect.objectContaining({ reported: 2, label: expect.any(String) })]);
    expect(townRow.supervisionByUnit).toEqual([{ orgUnitName: '织里镇社会治理中心', issued: 1 }]);
    // A county reading sees its town and village, never its parent nor itself.
    const fromCounty = await h.gql<{ childTenantMetrics: Rollup }>(await staffOf(county), ROLLUP, { r: range });
    expect(fromCounty.body.data!.childTenantMetrics.children.map((c) => [c.tenant.code, c.depth])).toEqual([
      [town.code, 1],
      [street.code, 2],
    ]);
  });
});
