import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, createStaff, mutate, REPORT_CASE, step, STEPS, type Center } from '../utils/cases';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const PHONE = '13812345678';
const PHONE_MASKED = '138****5678';
const ID = '330502199003071232';
const ID_MASKED = '330502********1232';
const PHONE2 = '13998765432';
const PHONE2_MASKED = '139****5432';

const READ = /* GraphQL */ `query($id: ID!) { case(id: $id) {
  title description location
  timeline(first: 50) { edges { node { type data } } }
  supervisionNotices { message reply }
} }`;
const SEARCH = /* GraphQL */ `query($text: String!) { cases(first: 10, filter: { text: $text }) { edges { node { id title } } } }`;
const INBOX = /* GraphQL */ `{ notifications(first: 10) { edges { node { type title case { id title description } } } } }`;

/** Roles that read cases but, with the default case settings, do not see personal data. */
const WITHOUT_RIGHTS = ['tenant-admin', 'dispatcher', 'mediator', 'liaison', 'grid-worker', 'leader', 'auditor'];

/**
 * ID numbers and phones typed into free text (titles, descriptions, places, notes, accept reasons,
 * supervision messages) are masked for every role without personal-data rights, in every place
 * the text is read: the case, its timeline, notifications, the search and the export.
 */
describe('free text masking', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let clerk: string;
  let caseId: string;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('free-text');
    const admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'] });
    center = await buildCenter(h, admin);
    await createStaff(h, admin, '服务队队长', ['leader'], center.stationId, 'ft-unit-lead');
    const c = await step(h, clerk, REPORT_CASE, {
      title: `邻里纠纷 联系人${PHONE}`,
      description: `申请人身份证号${ID}，另一方电话 139-9876-5432`,
      location: `大河村3组 ${PHONE2}`,
      channel: 'WALK_IN',
      reportedOrgUnitId: center.stationId,
      parties: [{ role: 'APPLICANT', kind: 'PERSON', name: '张三', phone: PHONE, idNumber: ID }],
    });
    caseId = c.id;
    const dispatcher = await h.token({ tenants: [t.code], roles: ['dispatcher', 'leader'] });
    await step(h, dispatcher, STEPS.accept, { caseId, note: `已电话${PHONE}核实` });
    await step(h, dispatcher, STEPS.note, { caseId, text: `回访号码${PHONE2}` });
    await mutate(
      h,
      dispatcher,
      'mutation($i: SuperviseCaseInput!) { superviseCase(input: $i) { userErrors { code } } }',
      { caseId, message: `请联系${PHONE}并回复`, replyBy: new Date(Date.now() + 86_400_000).toISOString() },
    );
  });
  afterAll(() => h.close());

  const read = async (token: string) => {
    const r = await h.gql<{ case: Record<string, unknown> | null }>(token, READ, { id: caseId });
    expect(r.body.errors).toBeUndefined();
    return JSON.stringify(r.body.data!.case);
  };
  const searchIds = async (token: string, text: string) =>
    (await h.gql<{ cases: { edges: { node: { id: string } }[] } }>(token, SEARCH, { text })).body.data!.cases.edges.map(
      (e) => e.node.id,
    );
  const csv = async (token: string, query = '') => {
    const res = await fetch(`${h.url}/exports/cases.csv${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return res.text();
  };

  it.each(WITHOUT_RIGHTS)('masks the case, its timeline and supervision messages for %s', async (role) => {
    const text = await read(await h.token({ tenants: [t.code], roles: [role] }));
    for (const raw of [PHONE, ID, PHONE2, '139-9876-5432']) expect(text).not.toContain(raw);
    for (const masked of [PHONE_MASKED, ID_MASKED, PHONE2_MASKED, '139-****-5432']) expect(text).toContain(masked);
    // …in each place: the accept note and the note on the timeline, the supervision message.
    expect(text).toContain(`已电话${PHONE_MASKED}核实`);
    expect(text).toContain(`回访号码${PHONE2_MASKED}`);
    expect(text).toContain(`"message":"请联系${PHONE_MASKED}并回复"`);
  });

  it('keeps the original for a role with personal-data rights, and for a role the tenant grants them', async () => {
    const text = await read(clerk);
    for (const raw of [PHONE, ID, PHONE2, '139-9876-5432', `请联系${PHONE}并回复`]) expect(text).toContain(raw);
    expect(text).not.toContain('****');
    const admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    const mediator = await h.token({ tenants: [t.code], roles: ['mediator'] });
    await mutate(
      h,
      admin,
      'mutation($i: UpdateCaseSettingsInput!) { updateCaseSettings(input: $i) { userErrors { code } } }',
      {
        personalDataRoles: ['intake-clerk', 'mediator'],
      },
    );
    try {
      expect(await read(mediator)).toContain(ID);
      expect(await searchIds(mediator, PHONE)).toEqual([caseId]);
    } finally {
      await mutate(
        h,
        admin,
        'mutation($i: UpdateCaseSettingsInput!) { updateCaseSettings(input: $i) { userErrors { code } } }',
        {
          personalDataRoles: ['intake-clerk'],
        },
      );
    }
    expect(await read(mediator)).not.toContain(ID);
  });

  it('stores the original: the database row and timeline keep what was typed', async () => {
    const rows = await withTenant(h.rt.orm, t.id, (em) =>
      em.execute<{ title: string; masked_text: string }[]>('select title, masked_text from cases where id = ?', [
        caseId,
      ]),
    );
    expect(rows[0]!.title).toBe(`邻里纠纷 联系人${PHONE}`);
    expect(rows[0]!.masked_text).toContain(`联系人${PHONE_MASKED}`);
  });

  it.each(WITHOUT_RIGHTS)('does not find the case by a phone or ID number it cannot see, as %s', async (role) => {
    const token = await h.token({ tenants: [t.code], roles: [role] });
    for (const term of [PHONE, ID, PHONE2, '1234', '19900307']) expect(await searchIds(token, term)).toEqual([]);
    // What it does see still matches.
    expect(await searchIds(token, PHONE_MASKED)).toEqual([caseId]);
    expect(await searchIds(token, '5678')).toEqual([caseId]);
    expect(await searchIds(token, '邻里纠纷')).toEqual([caseId]);
  });

  it('finds the case by phone and ID number for a role that may see them', async () => {
    for (const term of [PHONE, ID, '1234']) expect(await searchIds(clerk, term)).toEqual([caseId]);
  });

  it('masks the export and its text search for roles without rights, and keeps both for those with', async () => {
    for (const role of WITHOUT_RIGHTS) {
      const token = await h.token({ tenants: [t.code], roles: [role] });
      const file = await csv(token);
      expect(file).toContain(`邻里纠纷 联系人${PHONE_MASKED}`);
      expect(file).not.toContain(PHONE);
      expect((await csv(token, `?text=${PHONE}`)).trim().split('\r\n')).toHaveLength(1);
    }
    expect(await csv(clerk)).toContain(`邻里纠纷 联系人${PHONE}`);
    expect((await csv(clerk, `?text=${PHONE}`)).trim().split('\r\n')).toHaveLength(2);
  });

  it('masks the case a notification points to for its recipient without rights', async () => {
    const lead = await h.token({ subject: 'ft-unit-lead', tenants: [t.code], roles: ['leader'] });
    const r = await h.gql<{ notifications: { edges: { node: { type: string; case: { title: string } } }[] } }>(
      lead,
      INBOX,
    );
    const supervision = r.body.data!.notifications.edges.find((e) => e.node.type === 'SUPERVISION_ISSUED');
    expect(supervision?.node.case.title).toBe(`邻里纠纷 联系人${PHONE_MASKED}`);
    expect(JSON.stringify(r.body.data)).not.toContain(PHONE);
  });

  it('masks a machine feed’s own report for the feed', async () => {
    const feed = await h.token({ tenants: [t.code], roles: ['intake-system'], subject: 'ft-feed' });
    const own = await step(h, feed, REPORT_CASE, {
      title: `12345转办 来电${PHONE}`,
      channel: 'HOTLINE_12345',
      externalRef: 'ft-1',
      idempotencyKey: 'ft-1',
    });
    const r = await h.gql<{ case: { title: string } }>(feed, 'query($id: ID!) { case(id: $id) { title } }', {
      id: own.id,
    });
    expect(r.body.data!.case.title).toBe(`12345转办 来电${PHONE_MASKED}`);
  });
});
