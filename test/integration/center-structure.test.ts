import { startHarness, type Harness } from '../utils/harness';
import { CREATE_DEPARTMENT, CREATE_ORG_UNIT } from '../utils/ops';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const UPDATE =
  'mutation($i: UpdateOrgUnitInput!) { updateOrgUnit(input: $i) { orgUnit { id name parent { id } } userErrors { field code message } } }';
const ARCHIVE =
  'mutation($i: ArchiveOrgUnitInput!) { archiveOrgUnit(input: $i) { orgUnit { id archived } userErrors { field code message } } }';

type UnitPayload = {
  orgUnit: { id: string; name: string; parent: { id: string } | null } | null;
  userErrors: { field: string[]; code: string; message: string }[];
};

describe("a center's org units and departments", () => {
  let h: Harness;
  let t: TenantRecord;
  let admin: string;
  let clerk: string;

  const createUnit = async (input: Record<string, unknown>) =>
    (await h.gql<{ createOrgUnit: UnitPayload }>(admin, CREATE_ORG_UNIT, { input })).body.data!.createOrgUnit;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('cs');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'] });
  });
  afterAll(() => h.close());

  it('starts a new tenant with the departments the reports name', async () => {
    const r = await h.gql<{ departments: { totalCount: number; edges: { node: { code: string } }[] } }>(
      admin,
      '{ departments(first: 100) { totalCount edges { node { code } } } }',
    );
    const codes = r.body.data!.departments.edges.map((e) => e.node.code);
    expect(r.body.data!.departments.totalCount).toBe(18);
    expect(codes).toEqual(
      expect.arrayContaining([
        'court',
        'procuratorate',
        'police',
        'justice',
        'petitions',
        'housing',
        'womens-federation',
        'lawyers',
        'psychologists',
      ]),
    );
  });

  it('pages through departments with stable cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: {
        body: {
          data?: {
            departments: { edges: { node: { code: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
          } | null;
        };
      } = await h.gql(
        admin,
        'query($a: String) { departments(first: 5, after: $a) { edges { node { code } } pageInfo { hasNextPage endCursor } } }',
        { a: after },
      );
      const d = r.body.data!.departments;
      seen.push(...d.edges.map((e) => e.node.code));
      if (!d.pageInfo.hasNextPage) break;
      after = d.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(18);
    expect(new Set(seen).size).toBe(18);
  });

  it('builds the tree: one top center, kinds under allowed parents, no cycles', async () => {
    const center = await createUnit({
      kind: 'CENTER',
      name: '中心',
      openingHours: [{ weekday: 1, opens: '08:30', closes: '17:30' }],
    });
    expect(center.userErrors).toEqual([]);
    expect((await createUnit({ kind: 'CENTER', name: '第二中心' })).userErrors.map((e) => e.code)).toEqual([
      'ROOT_EXISTS',
    ]);
    const sub = await createUnit({ kind: 'SUB_CENTER', name: '分中心', parentId: center.orgUnit!.id });
    const station = await createUnit({ kind: 'STATION', name: '工作站', parentId: sub.orgUnit!.id });
    expect(station.orgUnit?.parent?.id).toBe(sub.orgUnit!.id);
    expect(
      (await createUnit({ kind: 'SUB_CENTER', name: '错层', parentId: station.orgUnit!.id })).userErrors.map(
        (e) => e.code,
      ),
    ).toEqual(['PARENT_KIND_NOT_ALLOWED']);
    expect(
      (await createUnit({ kind: 'GRID', name: '工作站', parentId: sub.orgUnit!.id })).userErrors.map((e) => e.code),
    ).toEqual(['NAME_TAKEN']);

    // A sub-center cannot move under a station inside its own subtree.
    const grid = await createUnit({ kind: 'GRID', name: '网格', parentId: station.orgUnit!.id });
    const cyc = (
      await h.gql<{ updateOrgUnit: UnitPayload }>(admin, UPDATE, {
        i: { id: station.orgUnit!.id, parentId: grid.orgUnit!.id },
      })
    ).body.data!.updateOrgUnit;
    expect(cyc.userErrors.map((e) => e.code)).toEqual(['PARENT_KIND_NOT_ALLOWED']);
    const moved = (
      await h.gql<{ updateOrgUnit: UnitPayload }>(admin, UPDATE, {
        i: { id: grid.orgUnit!.id, parentId: center.orgUnit!.id },
      })
    ).body.data!.updateOrgUnit;
    expect(moved.orgUnit?.parent?.id).toBe(center.orgUnit!.id);

    // Archiving keeps the row; a unit with active sub-units cannot be archived.
    const refused = (await h.gql<{ archiveOrgUnit: UnitPayload }>(admin, ARCHIVE, { i: { id: sub.orgUnit!.id } })).body
      .data!.archiveOrgUnit;
    expect(refused.userErrors.map((e) => e.code)).toEqual(['HAS_ACTIVE_CHILDREN']);
    const archived = (
      await h.gql<{ archiveOrgUnit: { orgUnit: { archived: boolean } } }>(admin, ARCHIVE, {
        i: { id: station.orgUnit!.id },
      })
    ).body.data!.archiveOrgUnit;
    expect(archived.orgUnit.archived).toBe(true);
  });

  it('refuses overlapping or malformed opening hours, naming the field', async () => {
    const r = await createUnit({
      kind: 'GRID',
      name: 'x',
      openingHours: [
        { weekday: 2, opens: '08:00', closes: '12:00' },
        { weekday: 2, opens: '11:00', closes: '14:00' },
        { weekday: 9, opens: '25:00', closes: '10:00' },
      ],
    });
    expect(r.orgUnit).toBeNull();
    expect(r.userErrors[0]).toMatchObject({ field: ['input', 'openingHours', '2', 'weekday'], code: 'INVALID' });
  });

  it('lets only tenant admins change configuration', async () => {
    const r = await h.gql(clerk, CREATE_DEPARTMENT, { input: { code: 'x', name: 'x', kind: 'OTHER' } });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await h.gql(clerk, '{ orgUnits(first: 5) { totalCount } }');
    expect(read.body.errors).toBeUndefined();
  });

  it('refuses a duplicate department code and writes nothing', async () => {
    const r = await h.gql<{ createDepartment: { userErrors: { code: string }[] } }>(admin, CREATE_DEPARTMENT, {
      input: { code: 'court', name: '又一个法院', kind: 'COURT' },
    });
    expect(r.body.data?.createDepartment.userErrors.map((e) => e.code)).toEqual(['CODE_TAKEN']);
    const n = await withTenant(h.rt.orm, t.id, (em) =>
      em.execute<{ n: number }[]>("select count(*)::int as n from departments where code = 'court'"),
    );
    expect(n[0]!.n).toBe(1);
  });

  it('writes every configuration change to the audit trail with before and after', async () => {
    const c = await h.gql<{ createDepartment: { department: { id: string } } }>(admin, CREATE_DEPARTMENT, {
      input: { code: 'studio', name: '老娘舅工作室', kind: 'MEDIATION_STUDIO' },
    });
    const id = c.body.data!.createDepartment.department.id;
    await h.gql(admin, 'mutation($i: UpdateDepartmentInput!) { updateDepartment(input: $i) { userErrors { code } } }', {
      i: { id, contactPhone: '0572-1234567' },
    });
    const rows = await withTenant(h.rt.orm, t.id, (em) =>
      em.execute<
        {
          action: string;
          actor_subject: string;
          before: { contactPhone: string | null } | null;
          after: { contactPhone: string | null };
          request_id: string;
        }[]
      >(
        'select action, actor_subject, before, after, request_id from audit_events where target_id = ? order by occurred_at, id',
        [id],
      ),
    );
    expect(rows.map((r) => r.action)).toEqual(['department.create', 'department.update']);
    expect(rows[1]!.before?.contactPhone).toBeNull();
    expect(rows[1]!.after.contactPhone).toBe('0572-1234567');
    expect(rows[1]!.request_id).toEqual(expect.any(String));

    const api = await h.gql<{
      auditEvents: {
        edges: { node: { action: string; after: { contactPhone: string } } }[];
        pageInfo: { endCursor: string };
      };
    }>(
      admin,
      'query($t: ID) { auditEvents(first: 1, filter: { targetId: $t }) { edges { node { action after } } pageInfo { endCursor } } }',
      { t: id },
    );
    expect(api.body.data!.auditEvents.edges[0]!.node).toMatchObject({
      action: 'department.update',
      after: { contactPhone: '0572-1234567' },
    });
    const next = await h.gql<{ auditEvents: { edges: { node: { action: string } }[] } }>(
      admin,
      'query($t: ID, $a: String) { auditEvents(first: 5, after: $a, filter: { targetId: $t }) { edges { node { action } } } }',
      { t: id, a: api.body.data!.auditEvents.pageInfo.endCursor },
    );
    expect(next.body.data!.auditEvents.edges.map((e) => e.node.action)).toEqual(['department.create']);
    const denied = await h.gql(clerk, '{ auditEvents(first: 1) { totalCount } }');
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
