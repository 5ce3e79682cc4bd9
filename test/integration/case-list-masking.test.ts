import { startHarness, type Harness } from '../utils/harness';
import { REPORT_CASE, step } from '../utils/cases';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

/**
 * A page of cases reads its parties and the tenant's masking settings in its own statement (the
 * plain-row read path): the parties are masked by role exactly as one case's are, and a settings
 * change shows on the next page.
 */
describe('parties on a page of cases', () => {
  let h: Harness;
  let t: TenantRecord;
  let admin: string;
  let clerk: string;
  let mediator: string;

  const LIST = /* GraphQL */ `{ cases(first: 20) { edges { node { id parties { name phone idNumber masked } allowedActions } } } }`;
  type Listed = { cases: { edges: { node: { id: string; parties: { phone: string | null; masked: boolean }[] } }[] } };
  const parties = async (token: string) => {
    const r = await h.gql<Listed>(token, LIST);
    expect(r.body.errors).toBeUndefined();
    return r.body.data!.cases.edges.flatMap((e) => e.node.parties);
  };

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('plm');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'] });
    mediator = await h.token({ tenants: [t.code], roles: ['mediator'] });
    await step(h, clerk, REPORT_CASE, {
      title: '邻里纠纷',
      channel: 'WALK_IN',
      parties: [
        { role: 'APPLICANT', kind: 'PERSON', name: '张三', phone: '13812345678', idNumber: '330502199003071232' },
      ],
    });
  });
  afterAll(() => h.close());

  it("shows the clerk the parties' contacts and masks them for a mediator", async () => {
    expect(await parties(clerk)).toEqual([expect.objectContaining({ phone: '13812345678', masked: false })]);
    const masked = await parties(mediator);
    expect(masked).toEqual([expect.objectContaining({ masked: true })]);
    expect(JSON.stringify(masked)).not.toContain('13812345678');
    expect(JSON.stringify(masked)).not.toContain('330502199003071232');
  });

  it('unmasks them on the next page once the tenant lets mediators see personal data', async () => {
    const r = await h.gql<{ updateCaseSettings: { userErrors: unknown[] } }>(
      admin,
      'mutation { updateCaseSettings(input: { personalDataRoles: ["intake-clerk", "mediator"] }) { userErrors { code } } }',
    );
    expect(r.body.data!.updateCaseSettings.userErrors).toEqual([]);
    expect(await parties(mediator)).toEqual([expect.objectContaining({ phone: '13812345678', masked: false })]);
  });
});
