import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, REPORT_CASE, step, STEPS, type Center } from '../utils/cases';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const PARTIES = /* GraphQL */ `query($id: ID!) { case(id: $id) { parties { id name idNumber phone address masked } } }`;
interface PartyView {
  id: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  masked: boolean;
}

describe('case intake', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let admin: string;
  let clerk: string;
  let feed: string;

  beforeAll(async () => {
    h = await startHarness({ DATABASE_POOL_MAX: '10' });
    t = await h.createTenant('intake');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'] });
    feed = await h.token({ tenants: [t.code], roles: ['intake-system'], subject: 'service-account-12345' });
    center = await buildCenter(h, admin);
  });
  afterAll(() => h.close());

  const count = (sql: string, params: unknown[] = []) =>
    withTenant(h.rt.orm, t.id, async (em) => Number((await em.execute<{ n: string }[]>(sql, params))[0]!.n));

  it('makes one case from 20 concurrent reports with one idempotency key', async () => {
    const input = {
      title: '12345转办：拖欠工资',
      channel: 'HOTLINE_12345',
      externalRef: '12345-2026-889',
      idempotencyKey: '12345:2026-889',
      categoryId: center.category['labor-wages'],
    };
    const before = await count('select count(*) as n from cases');
    const results = await Promise.all(Array.from({ length: 20 }, () => mutate(h, feed, REPORT_CASE, input)));
    expect(results.every((r) => r.userErrors.length === 0)).toBe(true);
    expect(new Set(results.map((r) => r.case!.id)).size).toBe(1);
    expect(results.filter((r) => !(r as unknown as { replayed: boolean }).replayed)).toHaveLength(1);
    expect((await count('select count(*) as n from cases')) - before).toBe(1);
    // A later retry answers the same case; the same key with another report is refused.
    expect((await mutate(h, feed, REPORT_CASE, input)).case!.id).toBe(results[0]!.case!.id);
    const reused = await mutate(h, feed, REPORT_CASE, { ...input, title: '另一件事' });
    expect(reused.userErrors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it('gives 50 concurrent reports 50 distinct consecutive numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        mutate(h, clerk, REPORT_CASE, { title: `来访登记 ${i}`, channel: 'WALK_IN' }),
      ),
    );
    const seq = results.map((r) => Number(r.case!.number.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(seq).size).toBe(50);
    expect(seq.at(-1)! - seq[0]!).toBe(49);
    // …and no gap with the numbers before them: every number from 1 to the highest is taken.
    const max = await count("select max(split_part(number, '-', 3)::int) as n from cases");
    expect(await count('select count(*) as n from cases')).toBe(max);
  });

  it('requires machine feeds to send their reference and an idempotency key', async () => {
    const r = await mutate(h, feed, REPORT_CASE, { title: '110非警务警情', channel: 'POLICE_110' });
    expect(r.userErrors.map((e) => e.field!.join('.')).sort()).toEqual(['input.externalRef', 'input.idempotencyKey']);
  });

  it('refuses bad input field by field, and keeps nothing', async () => {
    const before = await count('select count(*) as n from cases');
    const r = await mutate(h, clerk, REPORT_CASE, {
      title: ' ',
      channel: 'WALK_IN',
      peopleInvolved: 0,
      categoryId: '00000000-0000-0000-0000-000000000000',
      parties: [
        { role: 'APPLICANT', kind: 'PERSON', name: '张某', idNumber: '330502199003071233', phone: '12345' },
        { role: 'RESPONDENT', kind: 'ORGANISATION', name: '某公司', creditCode: 'nope' },
      ],
    });
    expect(r.userErrors.map((e) => e.field!.join('.')).sort()).toEqual([
      'input.categoryId',
      'input.parties.0.idNumber',
      'input.parties.0.phone',
      'input.parties.1.creditCode',
      'input.peopleInvolved',
      'input.title',
    ]);
    expect(await count('select count(*) as n from cases')).toBe(before);
    const bad = await h.gql(clerk, REPORT_CASE, { i: { title: 'x', channel: 'WALK_IN', amountInvolved: '12.345' } });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('marks a group dispute from the tenant threshold and raises its risk to at least MEDIUM', async () => {
    const r = await mutate(h, clerk, REPORT_CASE, {
      title: '33名工人讨薪',
      channel: 'WALK_IN',
      categoryId: center.category['labor-piece-rate'],
      peopleInvolved: 33,
      amountInvolved: '1800000',
    });
    expect(r.case).toMatchObject({
      isGroupDispute: true,
      riskLevel: 'MEDIUM',
      peopleInvolved: 33,
      amountInvolved: '1800000.00',
    });
    const small = await mutate(h, clerk, REPORT_CASE, {
      title: '计件工资',
      channel: 'WALK_IN',
      categoryId: center.category['labor-piece-rate'],
      peopleInvolved: 2,
    });
    expect(small.case).toMatchObject({ isGroupDispute: false, riskLevel: 'LOW' });
    const high = await mutate(h, clerk, REPORT_CASE, {
      title: '医疗纠纷',
      channel: 'WALK_IN',
      categoryId: center.category['medical'],
    });
    expect(high.case).toMatchObject({ riskLevel: 'HIGH', warningLevel: 'YELLOW' });
  });

  it('lists likely duplicates at intake, and merges them keeping parties and files', async () => {
    const applicant = { role: 'APPLICANT', kind: 'PERSON', name: '王某', phone: '13700001234' };
    const first = (
      await mutate(h, clerk, REPORT_CASE, {
        title: '邻居噪音',
        channel: 'WALK_IN',
        categoryId: center.category['neighbourhood-noise'],
        location: '大河路8号',
        parties: [applicant],
      })
    ).case!;
    const second = (
      await mutate(h, clerk, REPORT_CASE, {
        title: '噪音又来了',
        channel: 'HOTLINE',
        categoryId: center.category['neighbourhood-noise'],
        location: '大河路8号',
        parties: [
          { ...applicant, name: '王某某' },
          { role: 'RESPONDENT', kind: 'PERSON', name: '店主赵某' },
        ],
      })
    ).case!;
    const dups = await h.gql<{ case: { possibleDuplicates: { reasons: string[]; case: { id: string } }[] } }>(
      clerk,
      'query($id: ID!) { case(id: $id) { possibleDuplicates { reasons case { id } } } }',
      { id: second.id },
    );
    expect(dups.body.data!.case.possibleDuplicates).toEqual([
      { reasons: expect.arrayContaining(['SAME_PHONE', 'SAME_PLACE_AND_CATEGORY']), case: { id: first.id } },
    ]);

    const survivor = await step(h, clerk, STEPS.merge, {
      survivorId: first.id,
      duplicateIds: [second.id],
      reason: '同一纠纷重复反映',
    });
    expect(survivor.id).toBe(first.id);
    const after = await h.gql<{
      a: { parties: { name: string }[]; timeline: { edges: { node: { type: string; caseId: string } }[] } };
      b: { status: string; mergedInto: { id: string } };
    }>(
      admin,
      `query($a: ID!, $b: ID!) { a: case(id: $a) { parties { name } timeline(first: 50) { edges { node { type caseId } } } } b: case(id: $b) { status mergedInto { id } } }`,
      { a: first.id, b: second.id },
    );
    const d = after.body.data!;
    expect(d.b).toEqual({ status: 'MERGED', mergedInto: { id: first.id } });
    expect(d.a.parties.map((p) => p.name)).toEqual(['王某', '王某某', '店主赵某']);
    expect(d.a.timeline.edges.filter((e) => e.node.caseId === second.id).map((e) => e.node.type)).toEqual([
      'REPORTED',
      'DUPLICATES_FLAGGED',
      'MERGED_INTO',
    ]);
    expect(d.a.timeline.edges.map((e) => e.node.type)).toContain('MERGED_FROM');
  });

  it('finds cases by status, category subtree, unit subtree, channel and Chinese text, page by page', async () => {
    const mk = (title: string, extra: Record<string, unknown> = {}) =>
      mutate(h, clerk, REPORT_CASE, { title, channel: 'GRID_WORKER', ...extra });
    const a = (
      await mk('菜市场摊位租金纠纷', { categoryId: center.category['lease-rent'], reportedOrgUnitId: center.gridId })
    ).case!;
    await mk('无关的事项');
    const q = `query($f: CaseFilter, $after: String) { cases(first: 2, filter: $f, after: $after) { totalCount edges { node { id title } } pageInfo { hasNextPage endCursor } } }`;
    const find = async (f: Record<string, unknown>) =>
      (await h.gql<{ cases: { totalCount: number; edges: { node: { id: string } }[] } }>(clerk, q, { f })).body.data!
        .cases;
    expect((await find({ text: '摊位租金' })).edges.map((e) => e.node.id)).toEqual([a.id]);
    expect((await find({ text: '租金', categoryId: center.category['lease'] })).edges.map((e) => e.node.id)).toEqual([
      a.id,
    ]);
    expect((await find({ text: '摊位', orgUnitId: center.centerId })).edges.map((e) => e.node.id)).toEqual([a.id]);
    expect((await find({ text: '摊位', orgUnitId: center.stationId, channels: ['WALK_IN'] })).edges).toEqual([]);
    expect((await find({ text: '100%_' })).edges).toEqual([]);
    expect((await find({ openOnly: true, statuses: ['CLOSED'] })).edges).toEqual([]);

    const all = await find({ channels: ['WALK_IN'] });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        cases: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      } = (await h.gql<typeof page>(clerk, q, { f: { channels: ['WALK_IN'] }, after })).body.data!;
      seen.push(...page.cases.edges.map((e) => e.node.id));
      if (!page.cases.pageInfo.hasNextPage) break;
      after = page.cases.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(all.totalCount);
    expect(new Set(seen).size).toBe(seen.length);
  });

  describe('personal data', () => {
    let caseId: string;
    let mediator: string;
    beforeAll(async () => {
      mediator = await h.token({ tenants: [t.code], roles: ['mediator'] });
      caseId = (
        await mutate(h, clerk, REPORT_CASE, {
          title: '电动车交通事故',
          channel: 'WALK_IN',
          categoryId: center.category['traffic'],
          parties: [
            {
              role: 'APPLICANT',
              kind: 'PERSON',
              name: '孙某',
              idNumber: '330502199003071232',
              phone: '13812345678',
              address: '织里镇大河路8号3幢',
            },
          ],
        })
      ).case!.id;
    });
    const parties = async (token: string) =>
      (await h.gql<{ case: { parties: PartyView[] } }>(token, PARTIES, { id: caseId })).body.data!.case.parties;
    const reveal = (token: string, partyId: string) =>
      h.gql<{ revealParty: { party: PartyView | null } }>(
        token,
        'mutation($i: RevealPartyInput!) { revealParty(input: $i) { party { idNumber phone address } userErrors { code } } }',
        { i: { partyId, reason: '电话联系当事人' } },
      );

    it('shows intake clerks the data they took, and masks it for everyone else', async () => {
      expect((await parties(clerk))[0]).toMatchObject({
        idNumber: '330502199003071232',
        phone: '13812345678',
        masked: false,
      });
      expect((await parties(mediator))[0]).toMatchObject({
        idNumber: '330502********1232',
        phone: '138****5678',
        address: '织里镇大河路****',
        masked: true,
      });
    });

    it('lets a mediator reveal one party, audited, until a tenant admin hides it from mediators', async () => {
      const [p] = await parties(mediator);
      expect((await reveal(mediator, p!.id)).body.data!.revealParty.party).toEqual({
        idNumber: '330502199003071232',
        phone: '13812345678',
        address: '织里镇大河路8号3幢',
      });
      const audit = await h.gql<{
        auditEvents: { edges: { node: { action: string; targetId: string; after: { reason: string } } }[] };
      }>(
        admin,
        'query($t: ID) { auditEvents(first: 5, filter: { targetId: $t }) { edges { node { action targetId after } } } }',
        { t: p!.id },
      );
      expect(audit.body.data!.auditEvents.edges[0]!.node).toMatchObject({
        action: 'party.reveal',
        targetId: p!.id,
        after: { reason: '电话联系当事人' },
      });
      expect(JSON.stringify(audit.body.data)).not.toContain('13812345678');

      const hide = await h.gql<{ updateCaseSettings: { userErrors: unknown[] } }>(
        admin,
        'mutation { updateCaseSettings(input: { revealRoles: ["dispatcher", "leader", "tenant-admin"] }) { userErrors { code } } }',
      );
      expect(hide.body.data!.updateCaseSettings.userErrors).toEqual([]);
      const refused = await reveal(mediator, p!.id);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(refused.body)).not.toContain('13812345678');
      expect((await parties(mediator))[0]!.masked).toBe(true);
    });
  });
});
