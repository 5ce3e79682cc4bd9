import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, REPORT_CASE, step, STEPS, type Center } from '../utils/cases';
import { emReader, withTenant } from '../../src/core/tenancy/tenant-tx';
import { eventually } from '../utils/eventually';
import type { TenantScope } from '../../src/core/tenancy/scope';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const CHILD_VIEW = /* GraphQL */ `query($id: ID!) { case(id: $id) { status escalations { toParentTenant handoffState reason }
  parentCase { tenantCode number status resolvedAt resolution } timeline(first: 50) { edges { node { type data } } } } }`;

interface ChildView {
  status: string;
  escalations: { toParentTenant: boolean; handoffState: string | null }[];
  parentCase: {
    tenantCode: string;
    number: string;
    status: string;
    resolvedAt: string | null;
    resolution: string | null;
  } | null;
  timeline: { edges: { node: { type: string; data: Record<string, unknown> } }[] };
}

/** A town's case the town cannot settle goes to its district; each keeps its own case and data. */
describe('escalation to the parent tenant', () => {
  let h: Harness;
  let county: TenantRecord;
  let town: TenantRecord;
  let other: TenantRecord;
  let townCenter: Center;
  let townAdmin: string;
  let townStaff: string;
  let countyStaff: string;
  let otherStaff: string;

  beforeAll(async () => {
    h = await startHarness();
    county = await h.createTenant('wx', { level: 'DISTRICT' });
    town = await h.createTenant('zl', { parentId: county.id, level: 'TOWN' });
    other = await h.createTenant('zl2', { parentId: county.id, level: 'TOWN' });
    townAdmin = await h.token({ tenants: [town.code], roles: ['tenant-admin'] });
    townStaff = await h.token({ tenants: [town.code], roles: ['intake-clerk', 'dispatcher', 'mediator', 'leader'] });
    countyStaff = await h.token({
      tenants: [county.code],
      roles: ['intake-clerk', 'dispatcher', 'mediator', 'leader', 'tenant-admin'],
    });
    otherStaff = await h.token({
      tenants: [other.code],
      roles: ['intake-clerk', 'dispatcher', 'leader', 'tenant-admin'],
    });
    townCenter = await buildCenter(h, townAdmin);
  });
  afterAll(() => h.close());

  const openAtCenter = async (title: string) => {
    const c = (
      await mutate(h, townStaff, REPORT_CASE, {
        title,
        channel: 'WALK_IN',
        categoryId: townCenter.category['land'],
        amountInvolved: '50000',
        parties: [
          { role: 'APPLICANT', kind: 'PERSON', name: '村民甲', phone: '13600001111' },
          { role: 'RESPONDENT', kind: 'PERSON', name: '村民乙' },
        ],
      })
    ).case!;
    await step(h, townStaff, STEPS.accept, { caseId: c.id });
    await step(h, townStaff, STEPS.dispatch, { caseId: c.id, orgUnitId: townCenter.stationId });
    await step(h, townStaff, STEPS.escalate, { caseId: c.id, reason: '村级调处不成' });
    return c;
  };

  it('hands a case from the top unit to the parent tenant, which sees what it needs and the child sees only its progress', async () => {
    const c = await openAtCenter('宅基地地界纠纷');
    const up = await step(h, townStaff, STEPS.escalate, { caseId: c.id, reason: '镇级调处不成，提交区级' });
    expect(up.status).toBe('ESCALATED');

    let child = (await h.gql<{ case: ChildView }>(townStaff, CHILD_VIEW, { id: c.id })).body.data!.case;
    expect(child.escalations.at(-1)).toMatchObject({ toParentTenant: true, handoffState: 'DONE' });
    expect(child.parentCase).toMatchObject({ tenantCode: county.code, status: 'REPORTED', resolvedAt: null });
    expect(child.timeline.edges.map((e) => e.node.type).slice(-2)).toEqual([
      'ESCALATED_TO_PARENT_TENANT',
      'HANDED_TO_PARENT_TENANT',
    ]);

    // The county's case: the content it needs to act, with where it came from.
    const list = await h.gql<{
      cases: {
        edges: {
          node: {
            id: string;
            number: string;
            title: string;
            channel: string;
            fromChildTenant: boolean;
            amountInvolved: string;
            category: { code: string } | null;
            parties: { name: string; phone: string }[];
          };
        }[];
      };
    }>(
      countyStaff,
      '{ cases(first: 10) { edges { node { id number title channel fromChildTenant amountInvolved category { code } parties { name phone } } } } }',
    );
    const mine = list.body.data!.cases.edges.map((e) => e.node);
    expect(mine).toHaveLength(1);
    const parentCase = mine[0]!;
    expect(parentCase).toMatchObject({
      number: child.parentCase!.number,
      title: '宅基地地界纠纷',
      channel: 'REFERRAL',
      fromChildTenant: true,
      amountInvolved: '50000.00',
      category: { code: 'land' },
    });
    expect(parentCase.parties.map((p) => p.name)).toEqual(['村民甲', '村民乙']);

    // Nothing else crosses: neither side reads the other's case by id, list or number.
    const crossParent = await h.gql<{ case: null; caseByNumber: null }>(
      countyStaff,
      'query($id: ID!, $n: String!) { case(id: $id) { id } caseByNumber(number: $n) { id } }',
      { id: c.id, n: c.number },
    );
    expect(crossParent.body.data).toEqual({ case: null, caseByNumber: null });
    const crossChild = await h.gql<{ case: null }>(townStaff, 'query($id: ID!) { case(id: $id) { id } }', {
      id: parentCase.id,
    });
    expect(crossChild.body.data).toEqual({ case: null });
    const sibling = await h.gql<{ cases: { edges: unknown[] } }>(
      otherStaff,
      '{ cases(first: 10) { edges { node { id } } } }',
    );
    expect(sibling.body.data!.cases.edges).toEqual([]);

    // The county works its case; the town sees the progress and the outcome.
    await step(h, countyStaff, STEPS.accept, { caseId: parentCase.id });
    await step(h, countyStaff, STEPS.dispatch, {
      caseId: parentCase.id,
      departmentId: await deptId(county, 'natural-resources'),
    });
    await step(h, countyStaff, STEPS.note, { caseId: parentCase.id, text: '区自然资源局现场勘界（内部意见）' });
    await step(h, countyStaff, STEPS.resolve, { caseId: parentCase.id, resolution: '勘界后双方认可界址' });
    child = (await h.gql<{ case: ChildView }>(townStaff, CHILD_VIEW, { id: c.id })).body.data!.case;
    expect(child.parentCase).toMatchObject({ status: 'FOLLOW_UP', resolution: '勘界后双方认可界址' });
    expect(JSON.stringify(child)).not.toContain('内部意见');

    // With the outcome known, the town's case is settled with it (issue 17: it follows the parent's case).
    const closedHere = await eventually(
      async () =>
        (
          await h.gql<{ case: { status: string } }>(townStaff, 'query($id: ID!) { case(id: $id) { status } }', {
            id: c.id,
          })
        ).body.data!.case,
      (x) => x.status === 'FOLLOW_UP',
      5000,
    );
    expect(closedHere.status).toBe('FOLLOW_UP');
  });

  it('does not let a sibling tenant see a case escalated by another child', async () => {
    const c = await openAtCenter('山林权属纠纷');
    await step(h, townStaff, STEPS.escalate, { caseId: c.id, reason: '提交区级' });
    const r = await h.gql<{ case: null }>(otherStaff, 'query($id: ID!) { case(id: $id) { parentCase { number } } }', {
      id: c.id,
    });
    expect(r.body.data).toEqual({ case: null });
    // Even asked directly in the database as the sibling, the linked view answers nothing.
    const rows = await withTenant(h.rt.orm, other.id, (em) =>
      em.execute('select * from linked_parent_case(?)', [c.id]),
    );
    expect(rows).toEqual([]);
  });

  it('redoes a hand-off interrupted after the child committed, exactly once', async () => {
    const c = await openAtCenter('土地承包纠纷');
    // The escalation commits but its after-commit hand-off never runs (the process died).
    await withTenant(h.rt.orm, town.id, async (em) => {
      // No after-commit work runs: the process dies right after the commit.
      const scope: TenantScope = {
        tenant: town,
        em,
        read: emReader(em),
        actor: { subject: 'test', requestId: 'crash', ip: null },
        afterCommit: () => undefined,
      };
      const r = await h.rt.services.escalations.escalate(scope, { caseId: c.id, reason: '提交区级' });
      expect(r.ok).toBe(true);
    });
    const pending = await h.rt.services.escalations.pendingHandoffs(0, 1000);
    expect(pending.filter((p) => p.tenantId === town.id)).toHaveLength(1);
    expect(await h.rt.services.escalations.sweepHandoffs(0)).toBeGreaterThanOrEqual(1);
    expect(await h.rt.services.escalations.sweepHandoffs(0)).toBe(0);
    const atCounty = await withTenant(h.rt.orm, county.id, (em) =>
      em.execute<{ n: string }[]>('select count(*) as n from cases where origin_case_id = ?', [c.id]),
    );
    expect(Number(atCounty[0]!.n)).toBe(1);
    const child = (await h.gql<{ case: ChildView }>(townStaff, CHILD_VIEW, { id: c.id })).body.data!.case;
    expect(child.parentCase?.status).toBe('REPORTED');
  });

  it('refuses to escalate past the top when there is no parent tenant', async () => {
    const countyCase = (await mutate(h, countyStaff, REPORT_CASE, { title: '区级案件', channel: 'WALK_IN' })).case!;
    await step(h, countyStaff, STEPS.accept, { caseId: countyCase.id });
    await step(h, countyStaff, STEPS.dispatch, {
      caseId: countyCase.id,
      departmentId: await deptId(county, 'justice'),
    });
    const r = await mutate(h, countyStaff, STEPS.escalate, { caseId: countyCase.id, reason: '再上报' });
    expect(r.userErrors.map((e) => e.code)).toEqual(['NO_HIGHER_LEVEL']);
  });

  async function deptId(tenant: TenantRecord, code: string): Promise<string> {
    const rows = await withTenant(h.rt.orm, tenant.id, (em) =>
      em.execute<{ id: string }[]>('select id from departments where code = ?', [code]),
    );
    return rows[0]!.id;
  }
});
