import { startHarness, type Harness } from './harness';
import { buildCenter, REPORT_CASE, step, STEPS } from './cases';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

/** Every read of the case desk's read path, with the ids it can be aimed at. */
const LIST_VIEW = /* GraphQL */ `id number title category { id name } parties { id name phone } assignees { staff { id } }`;
const CASE_VIEW = /* GraphQL */ `${LIST_VIEW} timeline(first: 100) { totalCount edges { node { id caseId type } } } mergedCases { id }`;

interface Ids {
  caseId: string;
  number: string;
  title: string;
  categoryId: string;
  staffId: string;
  partyIds: string[];
}

/**
 * Tenant A's reader aims every read query of the case desk at tenant B's ids: nothing of B comes
 * back. `env` picks which walls stand (the callers: both; RLS bypassed so only the application's
 * wall stands; the application's wall switched off so only RLS stands), and `wallIsDown` proves
 * the wall meant to be down really is, so a pass is not both walls again.
 */
export function crossTenantReads(
  title: string,
  env: () => Record<string, string>,
  wallIsDown: (h: Harness) => Promise<boolean>,
): void {
  describe(title, () => {
    let h: Harness;
    let a: TenantRecord;
    let b: TenantRecord;
    let tokenA: string;
    let mine: Ids;
    let theirs: Ids;

    const report = async (t: TenantRecord, token: string, label: string): Promise<Ids> => {
      const center = await buildCenter(h, token, [{ key: 'm', name: `${label} 调解员`, mediator: true }]);
      const categoryId = Object.values(center.category)[0]!;
      const c = await step(h, token, REPORT_CASE, {
        title: `${label} 物业纠纷 ${t.code}`,
        channel: 'WALK_IN',
        categoryId,
        parties: [
          { role: 'APPLICANT', kind: 'PERSON', name: `${label} 申请人`, phone: '13812345678' },
          { role: 'RESPONDENT', kind: 'PERSON', name: `${label} 被申请人` },
        ],
      });
      await step(h, token, STEPS.accept, { caseId: c.id });
      await step(h, token, STEPS.assign, { caseId: c.id, staffIds: [center.staff['m']] });
      const dup = await step(h, token, REPORT_CASE, {
        title: `${label} 物业纠纷（重复）`,
        channel: 'HOTLINE',
        parties: [{ role: 'APPLICANT', kind: 'PERSON', name: `${label} 申请人`, phone: '13812345678' }],
      });
      await step(h, token, STEPS.merge, { survivorId: c.id, duplicateIds: [dup.id] });
      const r = await h.gql<{ case: { number: string; parties: { id: string }[] } }>(
        token,
        'query($id: ID!) { case(id: $id) { number parties { id } } }',
        { id: c.id },
      );
      return {
        caseId: c.id,
        number: r.body.data!.case.number,
        title: `${label} 物业纠纷 ${t.code}`,
        categoryId,
        staffId: center.staff['m']!,
        partyIds: r.body.data!.case.parties.map((p) => p.id),
      };
    };

    beforeAll(async () => {
      h = await startHarness(env());
      a = await h.createTenant('rp-a');
      b = await h.createTenant('rp-b');
      const roles = ['tenant-admin', 'intake-clerk', 'dispatcher', 'mediator', 'leader', 'auditor'];
      tokenA = await h.token({ tenants: [a.code], roles });
      mine = await report(a, tokenA, 'A');
      theirs = await report(b, await h.token({ tenants: [b.code], roles }), 'B');
    }, 120_000);
    afterAll(() => h?.close());

    const read = async (query: string, variables: Record<string, unknown> = {}) => {
      const r = await h.gql(tokenA, query, variables);
      expect(r.body.errors).toBeUndefined();
      return r.text;
    };
    const noneOfB = (text: string) => {
      for (const id of [theirs.caseId, theirs.categoryId, theirs.staffId, ...theirs.partyIds])
        expect(text).not.toContain(id);
      expect(text).not.toContain('B 申请人');
    };

    it('runs with the wall under test down', async () => {
      expect(await wallIsDown(h)).toBe(true);
    });

    it("reads A's own case through every query (the test would see a leak)", async () => {
      const text = await read(`query($id: ID!) { case(id: $id) { ${CASE_VIEW} } }`, { id: mine.caseId });
      for (const id of [mine.caseId, mine.categoryId, mine.staffId, ...mine.partyIds]) expect(text).toContain(id);
      expect(JSON.parse(text).data.case.mergedCases).toHaveLength(1);
      const list = await read(`{ cases(first: 20) { totalCount edges { node { ${LIST_VIEW} } } } }`);
      expect(list).toContain(mine.caseId);
    });

    it("finds nothing by B's case id", async () => {
      const text = await read(`query($id: ID!) { case(id: $id) { ${CASE_VIEW} } }`, { id: theirs.caseId });
      expect(JSON.parse(text).data.case).toBeNull();
    });

    it("finds nothing of B's by B's case number (A's own case may have the same number)", async () => {
      noneOfB(await read(`query($n: String!) { caseByNumber(number: $n) { ${CASE_VIEW} } }`, { n: theirs.number }));
    });

    it("lists nothing of B's, with or without categories joined, and counts none", async () => {
      const list = await read(`{ cases(first: 20) { totalCount edges { node { ${LIST_VIEW} } } } }`);
      noneOfB(list);
      expect(JSON.parse(list).data.cases.totalCount).toBe(1);
      noneOfB(await read('{ cases(first: 100) { edges { node { id title status } } } }'));
      noneOfB(await read('{ cases(first: 100, filter: { statuses: [MERGED] }) { edges { node { id title } } } }'));
    });

    it("finds nothing by B's category, assignee, text or number", async () => {
      for (const filter of [
        `{ categoryId: "${theirs.categoryId}" }`,
        `{ assigneeId: "${theirs.staffId}" }`,
        `{ text: "${theirs.title}" }`,
        `{ text: "B 物业" }`,
      ]) {
        const text = await read(
          `{ cases(first: 20, filter: ${filter}) { totalCount edges { node { ${LIST_VIEW} } } } }`,
        );
        noneOfB(text);
        expect(JSON.parse(text).data.cases.totalCount).toBe(0);
      }
    });
  });
}
