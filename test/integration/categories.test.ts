import { startHarness, type Harness } from '../utils/harness';
import { UPSERT_CATEGORY } from '../utils/ops';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

type Upsert = {
  upsertCategory: {
    category: {
      id: string;
      code: string;
      name: string;
      defaultRiskLevel: string;
      parent: { code: string } | null;
    } | null;
    userErrors: { field: string[]; code: string }[];
  };
};

describe('dispute categories', () => {
  let h: Harness;
  let t: TenantRecord;
  let admin: string;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('cat');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
  });
  afterAll(() => h.close());

  it('starts a tenant with the categories of the reports, as a tree with default risk', async () => {
    const r = await h.gql<{
      categories: {
        totalCount: number;
        edges: { node: { code: string; defaultRiskLevel: string; children: { code: string }[] } }[];
      };
    }>(
      admin,
      '{ categories(first: 100, filter: { rootsOnly: true }) { totalCount edges { node { code defaultRiskLevel children { code } } } } }',
    );
    const roots = r.body.data!.categories.edges.map((e) => e.node);
    expect(roots).toHaveLength(10);
    expect(roots.find((c) => c.code === 'labor')?.children.map((c) => c.code)).toEqual([
      'labor-dismissal',
      'labor-piece-rate',
      'labor-wages',
    ]);
    expect(roots.find((c) => c.code === 'medical')?.defaultRiskLevel).toBe('HIGH');
    const all = await h.gql<{ categories: { totalCount: number } }>(admin, '{ categories(first: 1) { totalCount } }');
    expect(all.body.data!.categories.totalCount).toBe(20);
  });

  it('creates, then updates by code, and refuses a cycle', async () => {
    const created = (
      await h.gql<Upsert>(admin, UPSERT_CATEGORY, {
        i: { code: 'labor-social-insurance', name: '社保', defaultRiskLevel: 'LOW', parentId: null },
      })
    ).body.data!.upsertCategory;
    expect(created.userErrors).toEqual([]);
    const labor = (
      await h.gql<{ categories: { edges: { node: { id: string; code: string } }[] } }>(
        admin,
        '{ categories(first: 100) { edges { node { id code } } } }',
      )
    ).body
      .data!.categories.edges.map((e) => e.node)
      .find((c) => c.code === 'labor')!;
    const moved = (
      await h.gql<Upsert>(admin, UPSERT_CATEGORY, {
        i: { code: 'labor-social-insurance', name: '社会保险', defaultRiskLevel: 'MEDIUM', parentId: labor.id },
      })
    ).body.data!.upsertCategory;
    expect(moved.category).toMatchObject({
      id: created.category!.id,
      name: '社会保险',
      defaultRiskLevel: 'MEDIUM',
      parent: { code: 'labor' },
    });
    const cycle = (
      await h.gql<Upsert>(admin, UPSERT_CATEGORY, {
        i: {
          id: labor.id,
          code: 'labor',
          name: '劳动争议',
          defaultRiskLevel: 'MEDIUM',
          parentId: created.category!.id,
        },
      })
    ).body.data!.upsertCategory;
    expect(cycle.userErrors.map((e) => e.code)).toEqual(['CYCLE']);
  });

  it("refuses renaming a category onto another one's code", async () => {
    const labor = (
      await h.gql<{ categories: { edges: { node: { id: string; code: string } }[] } }>(
        admin,
        '{ categories(first: 100) { edges { node { id code } } } }',
      )
    ).body
      .data!.categories.edges.map((e) => e.node)
      .find((c) => c.code === 'labor')!;
    const r = (
      await h.gql<Upsert>(admin, UPSERT_CATEGORY, {
        i: { id: labor.id, code: 'medical', name: 'x', defaultRiskLevel: 'LOW' },
      })
    ).body.data!.upsertCategory;
    expect(r.userErrors).toMatchObject([{ field: ['input', 'code'], code: 'CODE_TAKEN' }]);
  });
});
