import { startHarness, type Harness } from '../utils/harness';
import {
  buildCenter,
  mutate,
  RECORD_OUTCOME,
  REPORT_CASE,
  SCHEDULE_MEDIATION,
  step,
  STEPS,
  type Center,
} from '../utils/cases';
import { formatTime } from '../../src/core/i18n/translate';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import { subscribeBoard, subscribeWs } from '../utils/subscriptions';

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
  let mediator: string;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('i18n');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'], subject: 'i18n-clerk' });
    dispatcher = await h.token({ tenants: [t.code], roles: ['dispatcher'], subject: 'i18n-dispatcher' });
    patrol = await h.token({ tenants: [t.code], roles: ['grid-worker'], subject: 'i18n-patrol' });
    center = await buildCenter(h, admin, [
      { key: 'lawyer', name: '王律师', dept: 'lawyers', mediator: true },
      { key: 'zhou', name: '周敏', subject: 'i18n-clerk' },
      { key: 'wu', name: '吴强', subject: 'i18n-dispatcher' },
      { key: 'qian', name: '钱建国', mediator: true, subject: 'i18n-qian' },
      { key: 'sun', name: '孙丽', mediator: true },
    ]);
    mediator = await h.token({ tenants: [t.code], roles: ['mediator'], subject: 'i18n-qian' });
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

    // The same refusal at the export routes, outside GraphQL.
    const file = async (headers: Record<string, string> = {}) =>
      (await (await fetch(`${h.url}/exports/cases.csv`, { headers })).json()) as { error: { message: string } };
    expectChinese((await file()).error.message);
    expect((await file(EN)).error.message).toBe('Send a bearer token in the Authorization header');
    const feed = await h.token({ tenants: [t.code], roles: ['intake-system'] });
    const denied = await file({ authorization: `Bearer ${feed}`, 'accept-language': 'zh-CN' });
    expect(denied.error.message).toMatch(/^需要以下角色之一：/);
    const badParam = async (headers: Record<string, string>) =>
      (await (await fetch(`${h.url}/exports/cases.csv?reportedFrom=yesterday`, { headers })).json()) as {
        error: { code: string; message: string };
      };
    const zhParam = await badParam({ authorization: `Bearer ${admin}` });
    expect(zhParam.error.code).toBe('BAD_USER_INPUT');
    expect(zhParam.error.message).toMatch(/^参数reportedFrom须是日期/);
    const enParam = await badParam({ authorization: `Bearer ${admin}`, ...EN });
    expect(enParam.error.message).toMatch(/^reportedFrom must be a date/);
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

  it('tells a case walked through accept, dispatch, assign, mediation and resolve as sentences with names, in Chinese and in English', async () => {
    const c = (await mutate(h, clerk, REPORT_CASE, { title: '装修款纠纷', channel: 'HOTLINE', riskLevel: 'MEDIUM' }))
      .case!;
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: center.centerId });
    const people = [center.staff['qian'], center.staff['sun']];
    await step(h, dispatcher, STEPS.assign, { caseId: c.id, staffIds: people, leadId: center.staff['qian'] });
    // 09:00 in Shanghai on 5 March 2030.
    const s = await mutate<{ session: { id: string } | null; userErrors: unknown[] }>(
      h,
      dispatcher,
      SCHEDULE_MEDIATION,
      {
        caseId: c.id,
        startsAt: '2030-03-05T01:00:00Z',
        endsAt: '2030-03-05T02:00:00Z',
        place: '调解室二',
        method: 'FACE_TO_FACE',
        chosenBy: 'CLERK',
        mediatorIds: people,
      },
    );
    expect(s.userErrors).toEqual([]);
    // Outcomes are recorded once a session has begun (main's session rules): the session moves
    // into the past, a day back, so its outcome takes a late-entry reason. The timeline keeps the
    // time it was booked for.
    await withTenant(h.rt.orm, t.id, (em) =>
      em.execute(
        `update mediation_sessions set starts_at = now() - interval '26 hours', ends_at = now() - interval '25 hours'
          where id = ?`,
        [s.session!.id],
      ),
    );
    const outcome = await mutate<{ userErrors: unknown[] }>(h, mediator, RECORD_OUTCOME, {
      sessionId: s.session!.id,
      lateReason: '当日线上调解，次日补录',
      outcome: 'AGREED',
      agreement: {
        terms: '分两期支付装修款',
        amount: '3500.00',
        instalments: [
          { dueOn: '2030-04-01', amount: '2000.00' },
          { dueOn: '2030-05-01', amount: '1500.00' },
        ],
      },
    });
    expect(outcome.userErrors).toEqual([]);
    await step(h, mediator, STEPS.resolve, {
      caseId: c.id,
      resolution: '双方达成协议',
      legalBasis: '《中华人民共和国人民调解法》第二十八条',
    });

    const TIMELINE =
      'query($id: ID!) { case(id: $id) { followUps { dueAt } timeline(first: 100) { edges { node { type summary } } } } }';
    type File = {
      case: { followUps: { dueAt: string }[]; timeline: { edges: { node: { type: string; summary: string } }[] } };
    };
    const zh = (await h.gql<File>(admin, TIMELINE, { id: c.id })).body.data!.case;
    const due = new Date(zh.followUps[0]!.dueAt);
    expect(zh.timeline.edges.map((e) => [e.node.type, e.node.summary])).toEqual([
      ['REPORTED', `周敏登记了案件${c.number}（热线电话）`],
      ['ACCEPTED', '周敏受理了案件（风险等级：中）'],
      ['DISPATCHED', '吴强将案件交办给织里镇社会治理中心'],
      ['ASSIGNED', '吴强指派钱建国、孙丽办理，由钱建国主办'],
      ['HANDLING_STARTED', '案件进入办理（已指派人员）'],
      ['MEDIATION_SCHEDULED', '吴强安排钱建国、孙丽于2030年3月5日 09:00联合调解（面对面调解）'],
      ['MEDIATION_OUTCOME', '钱建国、孙丽主持联合调解，达成协议'],
      ['AGREEMENT_SIGNED', '签订调解协议（3,500元，分2期）'],
      ['RESOLVED', '钱建国确认纠纷已化解（依据：《中华人民共和国人民调解法》第二十八条）'],
      ['FOLLOW_UP_SCHEDULED', `钱建国安排钱建国于${formatTime('zh-CN', due, 'Asia/Shanghai')}回访`],
      ['FOLLOW_UP_STARTED', '案件进入回访'],
    ]);
    for (const e of zh.timeline.edges) expectChinese(e.node.summary.replace(/《[^》]*》/g, ''));

    const en = (await h.gql<File>(admin, TIMELINE, { id: c.id }, EN)).body.data!.case;
    expect(en.timeline.edges.map((e) => [e.node.type, e.node.summary])).toEqual([
      ['REPORTED', `周敏 registered case ${c.number} (Hotline)`],
      ['ACCEPTED', '周敏 accepted the case (risk: Medium)'],
      ['DISPATCHED', '吴强 dispatched the case to 织里镇社会治理中心'],
      ['ASSIGNED', '吴强 assigned 钱建国, 孙丽; 钱建国 leads'],
      ['HANDLING_STARTED', 'Handling started (people were assigned)'],
      ['MEDIATION_SCHEDULED', '吴强 scheduled joint mediation (Face to face) by 钱建国, 孙丽 for Mar 5, 2030, 9:00 AM'],
      ['MEDIATION_OUTCOME', '钱建国, 孙丽 held joint mediation: Agreed'],
      ['AGREEMENT_SIGNED', 'Mediation agreement signed (¥3,500.00, 2 instalments)'],
      ['RESOLVED', '钱建国 recorded the dispute as resolved (legal basis: 《中华人民共和国人民调解法》第二十八条)'],
      [
        'FOLLOW_UP_SCHEDULED',
        `钱建国 scheduled a follow-up visit by 钱建国 for ${formatTime('en', due, 'Asia/Shanghai')}`,
      ],
      ['FOLLOW_UP_STARTED', 'The case entered follow-up'],
    ]);
  });

  it('lists enum labels in the request language, or in the one asked for', async () => {
    const Q = 'query($e: [String!], $l: String) { enumLabels(enums: $e, locale: $l) { enum value label } }';
    type L = { enumLabels: { enum: string; value: string; label: string }[] };
    const zh = (await h.gql<L>(clerk, Q, { e: ['CaseStatus', 'Role', 'CaseErrorCode'] })).body.data!.enumLabels;
    expect(zh).toContainEqual({ enum: 'CaseStatus', value: 'REPORTED', label: '待受理' });
    expect(zh).toContainEqual({ enum: 'Role', value: 'intake-clerk', label: '受理员' });
    expect(zh).toContainEqual({ enum: 'CaseErrorCode', value: 'SESSION_CLASH', label: '该时段已有其他调解。' });
    expect(new Set(zh.map((l) => l.enum))).toEqual(new Set(['CaseStatus', 'Role', 'CaseErrorCode']));
    for (const l of zh) expectChinese(l.label);

    const en = (await h.gql<L>(clerk, Q, { e: ['CaseStatus'] }, EN)).body.data!.enumLabels;
    expect(en).toContainEqual({ enum: 'CaseStatus', value: 'REPORTED', label: 'Awaiting acceptance' });
    const asked = (await h.gql<L>(clerk, Q, { e: ['Channel'], l: 'en' })).body.data!.enumLabels;
    expect(asked).toContainEqual({ enum: 'Channel', value: 'HOTLINE_12345', label: '12345 hotline' });

    const all = (await h.gql<L>(clerk, '{ enumLabels { enum value label } }')).body.data!.enumLabels;
    expect(all.filter((l) => l.enum === 'CaseEventKind').length).toBeGreaterThan(30);
    expect(all.every((l) => l.label !== l.value || /^\d/.test(l.value))).toBe(true);

    const bad = await h.gql(clerk, Q, { l: 'fr' });
    expect(bad.body.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
    expectChinese(bad.body.errors![0]!.message.replace(/zh-CN|en/g, ''));
  });

  it("words a notification's title in each reader's language", async () => {
    const leader = await h.token({ tenants: [t.code], roles: ['leader'] });
    const c = await report('物业费纠纷');
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: center.centerId });
    await step(h, dispatcher, STEPS.assign, { caseId: c.id, staffIds: [center.staff['qian']] });
    const sent = await h.gql<{ superviseCase: { userErrors: unknown[] } }>(
      leader,
      'mutation($i: SuperviseCaseInput!) { superviseCase(input: $i) { userErrors { code } } }',
      { i: { caseId: c.id, message: '请加快办理', replyBy: new Date(Date.now() + 86_400_000).toISOString() } },
    );
    expect(sent.body.data!.superviseCase.userErrors).toEqual([]);
    const Q = '{ notifications(first: 20) { edges { node { type title data case { id } } } } }';
    type N = {
      notifications: { edges: { node: { type: string; title: string; data: object; case: { id: string } } }[] };
    };
    const mine = async (headers?: Record<string, string>) =>
      (await h.gql<N>(mediator, Q, undefined, headers)).body
        .data!.notifications.edges.map((e) => e.node)
        .find((n) => n.type === 'SUPERVISION_ISSUED' && n.case?.id === c.id)!;
    expect((await mine()).title).toBe(`${c.number} 督办：请于期限内回复`);
    expect((await mine(EN)).title).toBe(`${c.number}: supervision notice, reply by the deadline`);
    expect(Object.keys((await mine()).data)).not.toContain('titleMessage');
  });

  it("names people the staff directory does not know by their token's name claim, and never by their subject", async () => {
    const named = await h.token({
      tenants: [t.code],
      roles: ['intake-clerk'],
      subject: 'i18n-temp-clerk',
      extra: { name: '赵六' },
    });
    const anonymous = await h.token({ tenants: [t.code], roles: ['intake-clerk'], subject: 'i18n-no-name' });
    const summaryOf = async (token: string) => {
      const c = (await mutate(h, token, REPORT_CASE, { title: '噪音扰民', channel: 'WALK_IN' })).case!;
      const r = await h.gql<{ case: { number: string; timeline: { edges: { node: { summary: string } }[] } } }>(
        admin,
        'query($id: ID!) { case(id: $id) { number timeline(first: 1) { edges { node { summary } } } } }',
        { id: c.id },
      );
      return [r.body.data!.case.number, r.body.data!.case.timeline.edges[0]!.node.summary];
    };
    const [n1, s1] = await summaryOf(named);
    expect(s1).toBe(`赵六登记了案件${n1}（来访）`);
    const [n2, s2] = await summaryOf(anonymous);
    expect(s2).toBe(`工作人员登记了案件${n2}（来访）`);
    expect(s2).not.toContain('i18n-no-name');
  });
  /** The schema's own names (“Tenant”, “$i”) are codes a developer types: left as they are. */
  const expectChineseNaming = (message: string) => expectChinese(message.replace(/“[^”]*”/g, ''));

  it("words graphql-js's validation, variable and scalar refusals in Chinese, keeping its English beside; in English on request", async () => {
    const ask = async (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => {
      const r = await h.gql(clerk, query, variables, headers);
      const e = r.body.errors![0]!;
      return { code: e.extensions!['code'], message: e.message, original: e.extensions!['originalMessage'] };
    };
    const cases: [string, Record<string, unknown> | undefined, string, string][] = [
      ['{ tenant { zzz } }', undefined, '类型“Tenant”没有字段“zzz”。', 'Cannot query field "zzz" on type "Tenant".'],
      [
        'query($i: ID!) { case(id: $i) { id } }',
        undefined,
        '缺少必填变量“$i”（类型“ID!”）。',
        'Variable "$i" of required type "ID!" was not provided.',
      ],
      [
        'query($f: CaseFilter) { cases(first: 1, filter: $f) { totalCount } }',
        { f: { statuses: ['NOPE'] } },
        '变量“$f”在“f.statuses[0]”处的值无效：枚举“CaseStatus”没有值“NOPE”。',
        'Variable "$f" got invalid value "NOPE" at "f.statuses[0]"; Value "NOPE" does not exist in "CaseStatus" enum.',
      ],
      [
        'mutation { recordMediationOutcome(input: { sessionId: "019a0000-0000-7000-8000-000000000001", outcome: AGREED, agreement: { terms: "分期", amount: "3500.5.0" } }) { userErrors { code } } }',
        undefined,
        '金额须是最多两位小数的字符串，如“12000.50”。',
        'Decimal: a string such as "12000.50"',
      ],
      ['{ me { subject } ', undefined, '操作有语法错误。', 'Syntax Error: Expected Name, found <EOF>.'],
    ];
    for (const [query, variables, zh, en] of cases) {
      const got = await ask(query, variables);
      expect([got.message, got.original]).toEqual([zh, en]);
      expectChineseNaming(got.message);
      const inEnglish = await ask(query, variables, EN);
      expect([inEnglish.code, inEnglish.message, inEnglish.original]).toEqual([got.code, en, undefined]);
    }
  });

  it('closes a subscription socket with its reason in Chinese, or in English on request', async () => {
    const closed = async (params: Record<string, unknown>) => {
      const s = subscribeWs(h, params, 'subscription { boardEvents { type } }');
      await s.ended;
      return s.closed!;
    };
    const zh = await closed({ authorization: 'Bearer not-a-token' });
    expect(zh.code).toBe(4401);
    expect(zh.reason).toBe('未登录。 登录凭证无效或已过期，请重新登录。');
    const en = await closed({ authorization: 'Bearer not-a-token', 'accept-language': 'en' });
    expect([en.code, en.reason]).toEqual([4401, 'Unauthorized Invalid or expired token']);
    // An operation refused on an open socket reads in the connection's language too.
    const asked = subscribeBoard(h, clerk, { lang: 'zh-CN' });
    const query = subscribeWs(h, { authorization: `Bearer ${clerk}` }, '{ me { subject } }');
    await query.ended;
    expect(query.errors.map((e) => e.message)).toEqual(['此连接只提供订阅；查询和变更请通过超文本传输发送。']);
    await asked.dispose();
  });

  it('answers the plain-HTTP refusals and the export file in the request language', async () => {
    const json = async (path: string, init: RequestInit = {}) =>
      (await (await fetch(`${h.url}${path}`, init)).json()) as {
        errors?: { message: string }[];
        error?: { message: string };
      };
    const zh404 = await json('/nothing-here');
    expect(zh404.errors![0]!.message).toBe('没有这个地址；接口在/graphql。');
    expect((await json('/nothing-here', { headers: EN })).errors![0]!.message).toBe(
      'No such path; the API is at /graphql',
    );
    const badBody = { method: 'POST', body: '{"query": ', headers: { 'content-type': 'application/json' } };
    expect((await json('/graphql', badBody)).errors![0]!.message).toBe('请求体不是有效的JSON。');
    expect((await json('/graphql', { ...badBody, headers: { ...badBody.headers, ...EN } })).errors![0]!.message).toBe(
      'The request body is not valid JSON',
    );
    const noExport = await json('/exports/nothing.csv', { headers: { authorization: `Bearer ${admin}` } });
    expect(noExport.error!.message).toMatch(/^没有这个导出；可用的有：cases\.csv、cases\.xlsx/);

    // No lang parameter: the file's headers follow Accept-Language (and a saved choice, locale-preference.test.ts).
    const header = async (headers: Record<string, string>) =>
      (
        await (
          await fetch(`${h.url}/exports/cases.csv`, { headers: { authorization: `Bearer ${admin}`, ...headers } })
        ).text()
      )
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0];
    expect(await header({})).toMatch(/^案件编号,标题,/);
    expect(await header(EN)).toMatch(/^Number,Title,/);
  });
});
