import { startHarness, type Harness } from '../utils/harness';
import { mutate, REPORT_CASE, type CaseView } from '../utils/cases';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const LIST = /* GraphQL */ `
  query($f: CaseFilter) { cases(first: 100, filter: $f) { totalCount edges { node { id } } } }`;
const BY_ID = /* GraphQL */ `query($id: ID!) { case(id: $id) {
  id possibleDuplicates { case { id } } timeline(first: 20) { edges { node { type data } } } } }`;
const BY_NUMBER = /* GraphQL */ `query($n: String!) { caseByNumber(number: $n) { id } }`;

interface Own {
  id: string;
  possibleDuplicates: { case: { id: string } | null }[];
  timeline: { edges: { node: { type: string; data: unknown } }[] };
}

/** Machine feeds (12345, 110) read the cases their own client reported, never the rest of the tenant. */
describe('machine feeds read only their own reports', () => {
  let h: Harness;
  let t: TenantRecord;
  let clerk: string;
  let feed12345: string;
  let feed110: string;
  let clientless: string;
  const cases: Record<string, CaseView> = {};

  /** A client-credentials token as Keycloak issues it: service-account user, the feed's client as azp. */
  const feedToken = (client: string) =>
    h.token({
      tenants: [t.code],
      roles: ['intake-system'],
      subject: `sa-${client}`,
      username: `service-account-${client}`,
      azp: client,
      audience: ['onedoor-api'],
    });

  const report = async (token: string, key: string, extra: Record<string, unknown> = {}) => {
    const p = await mutate(h, token, REPORT_CASE, {
      title: `转办 ${key}`,
      channel: 'HOTLINE_12345',
      externalRef: `ref-${key}`,
      idempotencyKey: `key-${key}`,
      ...extra,
    });
    if (p.userErrors.length) throw new Error(JSON.stringify(p.userErrors));
    return p.case!;
  };

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('feeds');
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'] });
    feed12345 = await feedToken('feed-12345');
    feed110 = await feedToken('feed-110');
    clientless = await h.token({ tenants: [t.code], roles: ['intake-system'], subject: 'bare-feed' });
    const party = { role: 'APPLICANT', kind: 'PERSON', name: '王五', phone: '13912345678' };
    cases['walkIn'] = (
      await mutate(h, clerk, REPORT_CASE, { title: '来访', channel: 'WALK_IN', parties: [party] })
    ).case!;
    // Same applicant: flagged as a likely duplicate of the walk-in case, which the feed must not reach through it.
    cases['own'] = await report(feed12345, 'a', { parties: [party] });
    cases['other'] = await report(feed110, 'b', { channel: 'POLICE_110' });
    cases['bare'] = await report(clientless, 'c');
  });
  afterAll(() => h.close());

  const ids = async (token: string, f: Record<string, unknown> = {}) => {
    const r = await h.gql<{ cases: { totalCount: number; edges: { node: { id: string } }[] } }>(token, LIST, { f });
    expect(r.body.errors).toBeUndefined();
    return { ids: r.body.data!.cases.edges.map((e) => e.node.id).sort(), total: r.body.data!.cases.totalCount };
  };

  it('lists only the feed client’s own reports, whatever the filter', async () => {
    expect(await ids(feed12345)).toEqual({ ids: [cases['own']!.id], total: 1 });
    expect(await ids(feed110)).toEqual({ ids: [cases['other']!.id], total: 1 });
    expect((await ids(feed12345, { externalRef: 'ref-b' })).ids).toEqual([]);
    expect((await ids(feed12345, { text: '转办' })).ids).toEqual([cases['own']!.id]);
    expect((await ids(feed12345, { statuses: ['REPORTED'] })).ids).toEqual([cases['own']!.id]);
  });

  it('matches a token that names no client by the subject that reported', async () => {
    expect((await ids(clientless)).ids).toEqual([cases['bare']!.id]);
  });

  it('finds no other case by id or by number, nor through a relation', async () => {
    for (const c of [cases['walkIn']!, cases['other']!, cases['bare']!]) {
      const byId = await h.gql<{ case: unknown }>(feed12345, BY_ID, { id: c.id });
      expect(byId.body).toEqual({ data: { case: null } });
      const byNumber = await h.gql<{ caseByNumber: unknown }>(feed12345, BY_NUMBER, { n: c.number });
      expect(byNumber.body).toEqual({ data: { caseByNumber: null } });
    }
    const own = await h.gql<{ case: Own }>(feed12345, BY_ID, { id: cases['own']!.id });
    expect(own.body.data!.case.id).toBe(cases['own']!.id);
    // The walk-in case shares the applicant's phone: flagged, but not the feed's to see.
    expect(own.body.data!.case.possibleDuplicates).toEqual([]);
    const flag = own.body.data!.case.timeline.edges.find((e) => e.node.type === 'DUPLICATES_FLAGGED');
    expect(flag?.node.data).toEqual({ cases: [] });
    expect(JSON.stringify(own.body.data)).not.toContain(cases['walkIn']!.number);
    const byNumber = await h.gql<{ caseByNumber: { id: string } }>(feed12345, BY_NUMBER, { n: cases['own']!.number });
    expect(byNumber.body.data!.caseByNumber.id).toBe(cases['own']!.id);
  });

  it("does not hand another feed's case over through its idempotency key", async () => {
    const same = { title: '转办 b', channel: 'POLICE_110', externalRef: 'ref-b', idempotencyKey: 'key-b' };
    const taken = await mutate(h, feed12345, REPORT_CASE, same);
    expect(taken.case).toBeNull();
    expect(taken.userErrors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    // The feed that reported it still gets its replay.
    const replay = await mutate(h, feed110, REPORT_CASE, same);
    expect(replay.case?.id).toBe(cases['other']!.id);
  });

  it('keeps the bulk export for people', async () => {
    const res = await fetch(`${h.url}/exports/cases.csv`, { headers: { authorization: `Bearer ${feed12345}` } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it('lets people read every case of the tenant, and a person who also feeds too', async () => {
    const all = Object.values(cases)
      .map((c) => c.id)
      .sort();
    expect((await ids(clerk)).ids).toEqual(all);
    const both = await h.token({ tenants: [t.code], roles: ['intake-system', 'dispatcher'] });
    expect((await ids(both)).ids).toEqual(all);
    const dup = await h.gql<{ case: Own }>(clerk, BY_ID, { id: cases['own']!.id });
    expect(dup.body.data!.case.possibleDuplicates).toEqual([{ case: { id: cases['walkIn']!.id } }]);
    const flag = dup.body.data!.case.timeline.edges.find((e) => e.node.type === 'DUPLICATES_FLAGGED');
    expect(flag?.node.data).toEqual({
      cases: [{ caseId: cases['walkIn']!.id, number: cases['walkIn']!.number, reasons: ['SAME_PHONE'] }],
    });
  });
});
