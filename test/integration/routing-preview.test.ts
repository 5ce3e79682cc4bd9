import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, REPORT_CASE, step, STEPS, type Center } from '../utils/cases';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const PREVIEW = /* GraphQL */ `
  query($categoryId: ID, $orgUnitId: ID, $riskLevel: RiskLevel!) {
    routingPreview(categoryId: $categoryId, orgUnitId: $orgUnitId, riskLevel: $riskLevel) {
      id name targetOrgUnit { id } targetDepartment { code }
    }
  }`;

const UPSERT_RULE = /* GraphQL */ `
  mutation($i: UpsertRoutingRuleInput!) { upsertRoutingRule(input: $i) { routingRule { id } userErrors { field code } } }`;

type Preview = {
  id: string;
  name: string;
  targetOrgUnit: { id: string } | null;
  targetDepartment: { code: string } | null;
};

describe('routing preview (which rule would route this?)', () => {
  let h: Harness;
  let t: TenantRecord;
  let other: TenantRecord;
  let center: Center;
  let admin: string;
  let clerk: string;
  let dispatcher: string;
  let otherAdmin: string;
  const rules: Record<string, string> = {};

  const preview = async (token: string, v: { categoryId?: string; orgUnitId?: string; riskLevel: string }) => {
    const r = await h.gql<{ routingPreview: Preview | null }>(token, PREVIEW, v);
    expect(r.body.errors).toBeUndefined();
    return r.body.data!.routingPreview;
  };
  const rule = async (token: string, i: Record<string, unknown>) => {
    const r = await h.gql<{ upsertRoutingRule: { routingRule: { id: string }; userErrors: unknown[] } }>(
      token,
      UPSERT_RULE,
      { i },
    );
    expect(r.body.data!.upsertRoutingRule.userErrors).toEqual([]);
    return r.body.data!.upsertRoutingRule.routingRule.id;
  };

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('rp');
    other = await h.createTenant('rp-other');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'], subject: 'clerk-rp' });
    dispatcher = await h.token({ tenants: [t.code], roles: ['dispatcher'], subject: 'dispatcher-rp' });
    otherAdmin = await h.token({ tenants: [other.code], roles: ['tenant-admin'] });
    center = await buildCenter(h, admin);
    // Given: an inactive rule first in line, a lease rule for the station's area, a catch-all for HIGH risk.
    rules['inactive'] = await rule(admin, {
      name: '停用的规则',
      priority: 1,
      categoryId: center.category['lease-rent'],
      targetDepartmentId: center.dept['lawyers'],
      active: false,
    });
    rules['lease'] = await rule(admin, {
      name: '租赁纠纷交民生服务队',
      priority: 10,
      categoryId: center.category['lease'],
      orgUnitId: center.stationId,
      targetOrgUnitId: center.stationId,
      targetDepartmentId: center.dept['housing'],
    });
    rules['high'] = await rule(admin, {
      name: '高风险交中心',
      priority: 20,
      riskLevel: 'HIGH',
      targetOrgUnitId: center.centerId,
    });
  });
  afterAll(() => h.close());

  it('names the first active rule whose category and place cover the case (a parent category, a grid under the station)', async () => {
    const p = await preview(dispatcher, {
      categoryId: center.category['lease-rent'],
      orgUnitId: center.gridId,
      riskLevel: 'LOW',
    });
    expect(p).toEqual({
      id: rules['lease'],
      name: '租赁纠纷交民生服务队',
      targetOrgUnit: { id: center.stationId },
      targetDepartment: { code: 'housing' },
    });
  });

  it('falls through to a later rule when the place is outside the first one, and answers null when none matches', async () => {
    const high = await preview(admin, {
      categoryId: center.category['lease-rent'],
      orgUnitId: center.centerId,
      riskLevel: 'HIGH',
    });
    expect(high?.id).toBe(rules['high']);
    expect(
      await preview(admin, { categoryId: center.category['family'], orgUnitId: center.centerId, riskLevel: 'LOW' }),
    ).toBeNull();
    expect(await preview(admin, { riskLevel: 'MEDIUM' })).toBeNull();
  });

  it('predicts what dispatch then does: the case goes where the preview said, by the same rule', async () => {
    const predicted = await preview(clerk, {
      categoryId: center.category['lease-shop-renewal'],
      orgUnitId: center.gridId,
      riskLevel: 'MEDIUM',
    });
    const reported = await mutate(h, clerk, REPORT_CASE, {
      title: '商铺续租纠纷',
      channel: 'WALK_IN',
      categoryId: center.category['lease-shop-renewal'],
      reportedOrgUnitId: center.gridId,
      riskLevel: 'MEDIUM',
    });
    expect(reported.userErrors).toEqual([]);
    await step(h, clerk, STEPS.accept, { caseId: reported.case!.id });
    const routed = await step(h, dispatcher, STEPS.dispatch, { caseId: reported.case!.id });
    expect(routed).toMatchObject({
      orgUnit: { id: predicted!.targetOrgUnit!.id },
      department: { code: predicted!.targetDepartment!.code },
    });
    const timeline = await h.gql<{
      case: { timeline: { edges: { node: { type: string; data: { ruleId?: string } } }[] } };
    }>(admin, 'query($id: ID!) { case(id: $id) { timeline(first: 20) { edges { node { type data } } } } }', {
      id: reported.case!.id,
    });
    const dispatched = timeline.body.data!.case.timeline.edges.find((e) => e.node.type === 'DISPATCHED');
    expect(dispatched!.node.data.ruleId).toBe(predicted!.id);
  });

  it("never matches another tenant's rules, even with that tenant's own ids", async () => {
    const none = await preview(otherAdmin, {
      categoryId: center.category['lease-rent'],
      orgUnitId: center.gridId,
      riskLevel: 'HIGH',
    });
    expect(none).toBeNull();
  });

  it('is refused to roles that do not route cases', async () => {
    const mediator = await h.token({ tenants: [t.code], roles: ['mediator'] });
    const r = await h.gql(mediator, PREVIEW, { riskLevel: 'LOW' });
    expect(r.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
