import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, REPORT_CASE, SCHEDULE_MEDIATION, step, STEPS, type Center } from '../utils/cases';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

/**
 * The API speaks Chinese unless asked for English (issue 14): userErrors, top-level errors and
 * limits, with codes, field paths and enum values the same in both.
 */
const CJK = /[\u4e00-\u9fff]/;
/** Case numbers (ZL-2026-000006) and codes (SESSION_CLASH, HH:MM) are the only Latin allowed. */
const CASE_NUMBER = /\b[A-Z]{1,6}-\d{4}-\d{6}\b/g;
const CODE = /\b[A-Z][A-Z0-9_]*\b/g;

/** Chinese, and no English word left in it: the check a Chinese reader makes. */
function expectChinese(message: string): void {
  expect(message).toMatch(CJK);
  const rest = message.replace(CASE_NUMBER, '').replace(CODE, '');
  expect(rest).not.toMatch(/[A-Za-z]{2,}/);
  // Full-width punctuation in Chinese sentences (between digits a comma groups thousands, a colon tells time).
  expect(rest.replace(/(\d)[,:](\d)/g, '$1$2')).not.toMatch(/[,;:!?()]/);
}

function expectEnglish(message: string): void {
  expect(message).not.toMatch(CJK);
  expect(message).toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
}

const EN = { 'accept-language': 'en-US,en;q=0.9' };

describe('messages in the request language', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let admin: string;
  let clerk: string;
  let dispatcher: string;
  let patrol: string;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('i18n');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'], subject: 'i18n-clerk' });
    dispatcher = await h.token({ tenants: [t.code], roles: ['dispatcher'], subject: 'i18n-dispatcher' });
    patrol = await h.token({ tenants: [t.code], roles: ['grid-worker'], subject: 'i18n-patrol' });
    center = await buildCenter(h, admin, [{ key: 'lawyer', name: '王律师', dept: 'lawyers', mediator: true }]);
  });
  afterAll(() => h.close());

  const report = async (title: string) => (await mutate(h, clerk, REPORT_CASE, { title, channel: 'HOTLINE' })).case!;

  it('refuses a mutation in Chinese by default, naming the case and its status by their labels; in English on request', async () => {
    const c = await report('邻里噪音纠纷');
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    const again = await h.gql<{ acceptCase: { userErrors: { field: string[]; code: string; message: string }[] } }>(
      clerk,
      STEPS.accept,
      { i: { caseId: c.id } },
    );
    const [zh] = again.body.data!.acceptCase.userErrors;
    expect(zh!.code).toBe('CASE_NOT_AWAITING_ACCEPTANCE');
    expect(zh!.field).toEqual(['input', 'caseId']);
    expect(zh!.message).toBe(`案件${c.number}当前为“已受理”，此操作要求案件处于以下状态之一：待受理。`);
    expectChinese(zh!.message);

    const en = await h.gql<typeof again.body.data>(clerk, STEPS.accept, { i: { caseId: c.id } }, EN);
    const [e] = en.body.data!.acceptCase.userErrors;
    expect([e!.code, e!.field]).toEqual([zh!.code, zh!.field]);
    expect(e!.message).toBe(`Case ${c.number} is Accepted; this needs one of: Awaiting acceptance`);
    expectEnglish(e!.message);
  });

  it('says FORBIDDEN with the roles named in Chinese, or in English', async () => {
    const c = await report('宅基地边界纠纷');
    const zh = await h.gql(patrol, STEPS.accept, { i: { caseId: c.id } });
    expect(zh.body.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    expect(zh.body.errors![0]!.message).toMatch(/^需要以下角色之一：[^A-Za-z]*受理员/);
    expectChinese(zh.body.errors![0]!.message);
    const en = await h.gql(patrol, STEPS.accept, { i: { caseId: c.id } }, EN);
    expect(en.body.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    expect(en.body.errors![0]!.message).toMatch(/^Requires one of the roles: .*Intake clerk/);
    expectEnglish(en.body.errors![0]!.message);
  });

  it('says UNAUTHENTICATED in Chinese without a token, and in English on request', async () => {
    const zh = await h.gql(null, '{ me { subject } }');
    expect(zh.status).toBe(401);
    expect(zh.body.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    expectChinese(zh.body.errors![0]!.message);
    const bad = await h.gql('not-a-token', '{ me { subject } }');
    expect(bad.body.errors![0]!.message).toBe('登录凭证无效或已过期，请重新登录。');
    const en = await h.gql(null, '{ me { subject } }', undefined, EN);
    expect(en.body.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    expect(en.body.errors![0]!.message).toBe('Send a bearer token in the Authorization header');
  });

  it('refuses a too-deep query in Chinese, or in English', async () => {
    let sel = 'id';
    for (let i = 0; i < 10; i++) sel = `parent { ${sel} }`;
    const q = `{ orgUnits(first: 1) { edges { node { ${sel} } } } }`;
    const zh = await h.gql(admin, q);
    expect(zh.body.errors![0]!.extensions!['code']).toBe('QUERY_TOO_COMPLEX');
    expect(zh.body.errors![0]!.message).toMatch(/^查询嵌套层数为\d+，超过上限8。$/);
    expectChinese(zh.body.errors![0]!.message);
    const en = await h.gql(admin, q, undefined, EN);
    expect(en.body.errors![0]!.message).toMatch(/^Query depth \d+ exceeds the limit of 8$/);
  });

  it('names a mediator clash with local times (Asia/Shanghai) in the locale format', async () => {
    expect(t.timeZone).toBe('Asia/Shanghai');
    const c = await report('家庭赡养纠纷');
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: center.centerId });
    // 2030-03-04 09:30 in Shanghai is 01:30 UTC.
    const at = Date.parse('2030-03-04T01:30:00Z');
    const book = (offsetMin: number, headers?: Record<string, string>) =>
      h.gql<{ scheduleMediation: { userErrors: { code: string; message: string }[] } }>(
        dispatcher,
        SCHEDULE_MEDIATION,
        {
          i: {
            caseId: c.id,
            startsAt: new Date(at + offsetMin * 60_000).toISOString(),
            endsAt: new Date(at + (offsetMin + 60) * 60_000).toISOString(),
            place: '调解室一',
            method: 'FACE_TO_FACE',
            chosenBy: 'CLERK',
            mediatorIds: [center.staff['lawyer']],
          },
        },
        headers,
      );
    expect((await book(0)).body.data!.scheduleMediation.userErrors).toEqual([]);
    const [zh] = (await book(30)).body.data!.scheduleMediation.userErrors;
    expect(zh!.code).toBe('SESSION_CLASH');
    expect(zh!.message).toBe(`王律师在2030年3月4日 09:30至2030年3月4日 10:30已有案件${c.number}的调解。`);
    expectChinese(zh!.message);
    const [en] = (await book(30, EN)).body.data!.scheduleMediation.userErrors;
    expect(en!.message).toBe(
      `王律师 already mediates case ${c.number} from Mar 4, 2030, 9:30 AM to Mar 4, 2030, 10:30 AM`,
    );
  });
});
