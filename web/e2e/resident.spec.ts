import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { checkScreen, expectOnlyLocal, signInAs, watch } from './helpers';
import { BASE_URL } from './stack';

test.describe.configure({ mode: 'serial' });

/** WeChat's in-app browser on Android (XWeb), as a resident scanning the code would have it. */
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; V2217A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/130.0.6723.103 Mobile Safari/537.36 XWEB/1300289 MMWEBSDK/20241103 MMWEBID/6533 ' +
  'MicroMessenger/8.0.55.2780(0x28003737) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
test.use({ viewport: { width: 360, height: 740 }, userAgent: WECHAT_UA, isMobile: true, hasTouch: true });

const PHONE = '13900001111';

/** Staff's side of the scenario, through the API as the demo people of Zhili. */
async function staff<T>(
  request: APIRequestContext,
  subject: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const tok = (await (await request.post(`${BASE_URL}/dev-auth/token`, { data: { subject } })).json()) as {
    access_token: string;
  };
  const r = await request.post(`${BASE_URL}/graphql`, {
    headers: { authorization: `Bearer ${tok.access_token}`, 'x-tenant-id': 'zhili' },
    data: { query, variables },
  });
  const body = (await r.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors, query).toBeUndefined();
  return body.data!;
}

/** Runs a case step and fails on any userError. */
async function step(request: APIRequestContext, subject: string, field: string, type: string, input: object) {
  const d = await staff<Record<string, { userErrors: unknown[] }>>(
    request,
    subject,
    `mutation($i: ${type}!) { ${field}(input: $i) { userErrors { field code message } } }`,
    { i: input },
  );
  expect(d[field]!.userErrors, field).toEqual([]);
}

/** A phone screen: screenshot, axe-core, and nothing wider than the phone (no sideways scrolling). */
async function phoneScreen(page: Page, name: string): Promise<void> {
  await checkScreen(page, name);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${name} fits 360 px`).toBeLessThanOrEqual(360);
}

let residentPath = '';
let centerId = '';
let caseNumber = '';
let caseId = '';
let mediatorId = '';

/** YYYY-MM-DD, `days` from now. */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test.beforeAll(async ({ request }) => {
  // The center's QR code opens OrgUnit.residentUrl; a gold-medal mediator with a studio takes labour disputes.
  const d = await staff<{
    orgUnits: { edges: { node: { id: string; name: string; residentUrl: string | null } }[] };
    categories: { edges: { node: { id: string; code: string; parent: { id: string } | null } }[] };
  }>(
    request,
    'demo-admin',
    `{ orgUnits(first: 100) { edges { node { id name residentUrl } } }
       categories(first: 100) { edges { node { id code parent { id } } } } }`,
  );
  const center = d.orgUnits.edges.map((e) => e.node).find((u) => u.name === '织里镇社会治理中心')!;
  centerId = center.id;
  expect(center.residentUrl).toBe(`${BASE_URL}/r/zhili/${center.id}`);
  residentPath = new URL(center.residentUrl!).pathname;
  const labour = d.categories.edges.map((e) => e.node).find((c) => c.code === 'labor')!;
  const made = await staff<{ createStaffMember: { staffMember: { id: string } | null; userErrors: unknown[] } }>(
    request,
    'demo-admin',
    `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) {
       staffMember { id } userErrors { field code message } } }`,
    {
      i: {
        name: '钱玉兰',
        orgUnitId: center.id,
        roles: ['mediator'],
        mediatorProfile: {
          specialtyIds: [labour.id],
          maxConcurrentCases: 8,
          goldMedal: true,
          studioName: '玉兰调解工作室',
          languages: ['普通话', '湖州话'],
        },
      },
    },
  );
  expect(made.createStaffMember.userErrors).toEqual([]);
  mediatorId = made.createStaffMember.staffMember!.id;
});

test('the center admin downloads the center code for residents from the org-unit screen', async ({ browser }) => {
  const desk = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await desk.newPage();
  const w = watch(page);
  await signInAs(page, '吴芳');
  await page.goto('/config?tab=units');
  await page
    .locator('.ant-tree-treenode')
    .filter({ hasText: '织里镇社会治理中心' })
    .first()
    .getByRole('button', { name: '二维码' })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('img', { name: /织里镇社会治理中心/ })).toBeVisible();
  await expect(dialog.getByText(`${BASE_URL}${residentPath}`)).toBeVisible();
  await checkScreen(page, 'r00-config-unit-qr');
  for (const [button, file] of [
    ['下载 SVG（印刷用）', '织里镇社会治理中心-二维码.svg'],
    ['下载 PNG', '织里镇社会治理中心-二维码.png'],
  ] as const) {
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: button }).click();
    expect((await download).suggestedFilename()).toBe(file);
  }
  expectOnlyLocal(w.requests);
  expect(w.cspViolations).toEqual([]);
  await desk.close();
});

test('a resident scans the center code in WeChat, proves the phone, reports and gets a receipt', async ({ page }) => {
  const w = watch(page);
  const graphqlOps: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql'))
      graphqlOps.push((JSON.parse(r.postData() ?? '{}') as { operationName?: string }).operationName ?? '?');
  });
  await page.goto(residentPath);
  await expect(page.getByRole('heading', { level: 1, name: '织里镇社会治理中心' })).toBeVisible();
  await phoneScreen(page, 'r01-home');

  await page.getByRole('link', { name: /我要反映纠纷/ }).click();
  await expect(page.getByRole('heading', { name: '验证手机号' })).toBeVisible();
  await page.getByLabel('手机号').fill(PHONE);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText('验证码已发送至 139****1111')).toBeVisible();
  const inbox = (await (await page.request.get(`${BASE_URL}/dev/sms-inbox?phone=${PHONE}`)).json()) as {
    messages: { params: Record<string, string> }[];
  };
  // A wrong code first: the API's answer stands beside the field.
  await page
    .getByLabel('验证码', { exact: true })
    .fill(inbox.messages[0]!.params['code'] === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: '验证并继续' }).click();
  await expect(page.getByText(/验证码不正确/)).toBeVisible();
  await page.getByLabel('验证码', { exact: true }).fill(inbox.messages[0]!.params['code']!);
  await phoneScreen(page, 'r02-verify');
  await page.getByRole('button', { name: '验证并继续' }).click();

  await expect(page.getByRole('heading', { name: '反映纠纷' })).toBeVisible();
  await expect(page.getByText('139****1111（已验证）')).toBeVisible();
  await expect(page.getByText('扫码反映')).toBeVisible();
  await page.locator('label').filter({ hasText: /^劳动/ }).first().click();
  await page.getByLabel('发生了什么？').fill('在童装厂做了三个月缝纫工，老板拖欠工资八千元，多次讨要不给。');
  await page.getByLabel('在哪里发生的？').fill('织里镇大河路童装厂');
  await page.getByLabel('发生日期').click();
  await page.getByText('今天', { exact: true }).click();
  await page.getByLabel('大约几点（可不填）').fill('09:30');
  await page.getByLabel('对方是谁？（知道的话）').fill('织里某童装厂');
  await page.getByLabel('怎么称呼您？').fill('王女士');
  await phoneScreen(page, 'r03-report');
  await page.getByRole('button', { name: /^提\s?交$/ }).click();

  await expect(page.getByText('已收到您反映的纠纷')).toBeVisible();
  caseNumber = (await page.locator('.ant-descriptions-item-content strong').innerText()).trim();
  expect(caseNumber).toMatch(/^ZL-\d{4}-\d+$/);
  await expect(page.getByText('已提交，待受理')).toBeVisible();
  await phoneScreen(page, 'r04-receipt');

  expectOnlyLocal(w.requests);
  expect(w.cspViolations).toEqual([]);
  // Nothing of the staff console: no sign-in config, no console bundle, no staff operation.
  expect(w.requests.filter((u) => /\/config\.json|\/assets\/(console|graphql|useTranslation)-/.test(u))).toEqual([]);
  expect(graphqlOps.filter((op) => !op.startsWith('Resident'))).toEqual([]);
});

test('the resident follows the case, books the mediator of their choice, sees the session and rates it', async ({
  browser,
  page,
  request,
}) => {
  const w = watch(page);
  // Staff accept it and dispatch it to the police-lawyer desk at the center.
  const found = await staff<{ caseByNumber: { id: string; channel: string; residentPhoneVerified: boolean } }>(
    request,
    'demo-dispatcher',
    'query($n: String!) { caseByNumber(number: $n) { id channel residentPhoneVerified } }',
    { n: caseNumber },
  );
  expect(found.caseByNumber).toMatchObject({ channel: 'QR_CODE', residentPhoneVerified: true });
  caseId = found.caseByNumber.id;
  const depts = await staff<{ departments: { edges: { node: { id: string; code: string } }[] } }>(
    request,
    'demo-dispatcher',
    '{ departments(first: 100) { edges { node { id code } } } }',
  );
  const lawyers = depts.departments.edges.find((e) => e.node.code === 'police-lawyer')!.node.id;
  await step(request, 'demo-clerk', 'acceptCase', 'AcceptCaseInput', { caseId });
  await step(request, 'demo-dispatcher', 'dispatchCase', 'DispatchCaseInput', {
    caseId,
    orgUnitId: centerId,
    departmentId: lawyers,
  });

  // A new page: the session (this tab's storage) is gone, so the code again, then straight to the case.
  await page.goto(`${residentPath}/cases/${caseNumber}`);
  await expect(page.getByRole('heading', { name: '验证手机号' })).toBeVisible();
  await page.getByLabel('手机号').fill(PHONE);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText('验证码已发送至 139****1111')).toBeVisible();
  const inbox = (await (await page.request.get(`${BASE_URL}/dev/sms-inbox?phone=${PHONE}`)).json()) as {
    messages: { params: Record<string, string> }[];
  };
  await page.getByLabel('验证码', { exact: true }).fill(inbox.messages[0]!.params['code']!);
  await page.getByRole('button', { name: '验证并继续' }).click();

  await expect(page.getByRole('heading', { name: caseNumber })).toBeVisible();
  await expect(page.getByText('已分派承办')).toBeVisible();
  await expect(page.getByText(/下一步：/)).toBeVisible();
  await phoneScreen(page, 'r05-case-dispatched');

  await page.getByRole('button', { name: /预约调解/ }).click();
  const card = page.locator('.ant-card').filter({ hasText: '钱玉兰' });
  await expect(card.getByText('金牌调解员')).toBeVisible();
  await expect(card.getByText('工作室：玉兰调解工作室')).toBeVisible();
  await expect(card.getByText('语言：普通话、湖州话')).toBeVisible();
  await card.locator('.ant-radio-button-wrapper').first().click();
  await page.getByText('到中心调解', { exact: true }).click();
  await expect(page.getByText(/^已选：钱玉兰/)).toBeVisible();
  await phoneScreen(page, 'r06-book');
  await page.getByRole('button', { name: '提交预约' }).click();
  await expect(page.getByText('待中心确认', { exact: true })).toBeVisible();
  await expect(page.getByText('下一步：等待中心确认预约')).toBeVisible();
  await phoneScreen(page, 'r07-booking-requested');

  // The dispatcher first offers another hour; the resident declines it and asks again.
  const pendingOf = async () =>
    (
      await staff<{ pendingResidentMediationRequests: { edges: { node: { id: string; startsAt: string } }[] } }>(
        request,
        'demo-dispatcher',
        'query($c: ID) { pendingResidentMediationRequests(caseId: $c, first: 10) { edges { node { id startsAt } } } }',
        { c: caseId },
      )
    ).pendingResidentMediationRequests.edges.map((e) => e.node);
  const [first] = await pendingOf();
  const later = new Date(Date.parse(first!.startsAt) + 3_600_000);
  await step(request, 'demo-dispatcher', 'proposeResidentMediationSlot', 'ProposeResidentMediationSlotInput', {
    requestId: first!.id,
    startsAt: later.toISOString(),
    endsAt: new Date(later.getTime() + 3_600_000).toISOString(),
    message: '钱老师九点另有安排，改到十点可以吗？',
  });
  await page.reload();
  await expect(page.getByText(/中心建议改为：/)).toBeVisible();
  await expect(page.getByText('留言：钱老师九点另有安排，改到十点可以吗？')).toBeVisible();
  await expect(page.getByText('下一步：中心建议了其他时间，请确认')).toBeVisible();
  await phoneScreen(page, 'r07b-slot-proposed');
  await page.getByRole('button', { name: '不接受，重新预约' }).click();
  await page.getByRole('button', { name: /预约调解/ }).click();
  await card.locator('.ant-radio-button-wrapper').first().click();
  await page.getByText('线上视频调解', { exact: true }).click();
  await page.getByRole('button', { name: '提交预约' }).click();
  await expect(page.getByText('待中心确认', { exact: true })).toBeVisible();

  // The dispatcher confirms the resident's choice at the desk: a session chosen by the parties.
  const desk = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  try {
    const staffPage = await desk.newPage();
    await signInAs(staffPage, '陈刚');
    await staffPage.goto(`/cases/${caseId}`);
    const bookings = staffPage.locator('.ant-card').filter({ hasText: '群众预约调解' });
    await expect(bookings.getByText('钱玉兰')).toBeVisible();
    await checkScreen(staffPage, 'r07c-desk-booking-request');
    await bookings.getByRole('button', { name: '确认预约' }).click();
    const dialog = staffPage.getByRole('dialog', { name: '按群众申请确认预约' });
    await dialog.getByLabel('地点').fill('调解室二');
    await dialog.getByRole('button', { name: '确认预约' }).click();
    await expect(bookings).toHaveCount(0);
    await expect(staffPage.getByText('调解室二')).toBeVisible();
  } finally {
    await desk.close();
  }

  await page.reload();
  const sessions = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '调解安排' }) });
  await expect(sessions.getByText('调解员：钱玉兰')).toBeVisible();
  await expect(sessions.getByText('线上调解', { exact: true })).toBeVisible();
  await expect(page.getByText('调解中', { exact: true })).toBeVisible();
  await phoneScreen(page, 'r08-session-booked');

  // A meeting took place earlier (the leader enters it afterwards) and ended in an agreement paid
  // in two instalments: the resident sees the agreement and its instalments.
  const earlier = new Date(Date.now() - 2 * 86_400_000);
  earlier.setUTCHours(6, 0, 0, 0);
  const booked = await staff<{ scheduleMediation: { session: { id: string } | null; userErrors: unknown[] } }>(
    request,
    'demo-leader',
    `mutation($i: ScheduleMediationInput!) { scheduleMediation(input: $i) {
       session { id } userErrors { field code message } } }`,
    {
      i: {
        caseId,
        startsAt: earlier.toISOString(),
        endsAt: new Date(earlier.getTime() + 3_600_000).toISOString(),
        mediatorIds: [mediatorId],
        method: 'PHONE',
        chosenBy: 'CLERK',
        orgUnitId: centerId,
        overrideReason: '电话调解已进行，事后补录',
      },
    },
  );
  expect(booked.scheduleMediation.userErrors).toEqual([]);
  await step(request, 'demo-leader', 'recordMediationOutcome', 'RecordMediationOutcomeInput', {
    sessionId: booked.scheduleMediation.session!.id,
    outcome: 'AGREED',
    lateReason: '电话调解当日未录入，补录',
    agreement: {
      terms: '童装厂分两期支付拖欠工资八千元',
      amount: '8000.00',
      instalments: [
        { dueOn: dayFromNow(20), amount: '4000.00' },
        { dueOn: dayFromNow(50), amount: '4000.00' },
      ],
    },
  });
  await page.reload();
  const agreement = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '调解协议' }) });
  await expect(agreement.getByText('协议金额：8000.00 元')).toBeVisible();
  await expect(agreement.getByRole('listitem')).toHaveCount(2);
  await phoneScreen(page, 'r08b-agreement');

  // Settled; the follow-up visit is recorded; the resident rates the result.
  await step(request, 'demo-dispatcher', 'resolveCase', 'ResolveCaseInput', {
    caseId,
    resolution: '经调解，童装厂同意分两期支付拖欠工资',
  });
  const visits = await staff<{ case: { followUps: { id: string }[] } }>(
    request,
    'demo-dispatcher',
    'query($id: ID!) { case(id: $id) { followUps { id } } }',
    { id: caseId },
  );
  await step(request, 'demo-leader', 'completeFollowUp', 'CompleteFollowUpInput', {
    followUpId: visits.case.followUps[0]!.id,
    result: 'KEPT',
    satisfaction: 4,
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: '评价办理结果' })).toBeVisible();
  // The session left on the calendar is not the next step of a settled, visited case.
  await expect(page.getByText('下一步：回访已完成，等待中心结案')).toBeVisible();
  await page.getByText('非常满意').click();
  await page.getByLabel('想说的话（可不填）').fill('钱老师很耐心，工资拿回来了。');
  await phoneScreen(page, 'r09-rate');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByRole('heading', { name: '我的评价' })).toBeVisible();
  await expect(page.getByText('非常满意')).toBeVisible();
  await phoneScreen(page, 'r10-rated');

  const rated = await staff<{ case: { residentRating: number | null } }>(
    request,
    'demo-dispatcher',
    'query($id: ID!) { case(id: $id) { residentRating } }',
    { id: caseId },
  );
  expect(rated.case.residentRating).toBe(5);

  await page.getByRole('link', { name: '‹ 我的案件' }).click();
  await expect(page.getByRole('link', { name: new RegExp(caseNumber) })).toBeVisible();
  await phoneScreen(page, 'r11-my-cases');
  expectOnlyLocal(w.requests);
  expect(w.cspViolations).toEqual([]);
});

test("WeChat on an iPhone (WKWebView) opens the code's page too", async ({ browser }) => {
  const phone = await browser.newContext({
    baseURL: BASE_URL,
    viewport: { width: 375, height: 667 },
    isMobile: true,
    hasTouch: true,
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
      'Mobile/15E148 MicroMessenger/8.0.50(0x1800323b) NetType/WIFI Language/zh_CN',
  });
  const page = await phone.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(residentPath);
  await expect(page.getByRole('heading', { level: 1, name: '织里镇社会治理中心' })).toBeVisible();
  await page.getByRole('link', { name: /查询进度/ }).click();
  await expect(page.getByRole('heading', { name: '验证手机号' })).toBeVisible();
  expect(errors).toEqual([]);
  await phone.close();
});

test('an address without a unit, or a unit that does not exist, says so in plain words', async ({ page }) => {
  await page.goto('/r');
  await expect(page.getByText('请扫描中心或服务站的二维码')).toBeVisible();
  await page.goto('/r/zhili/0190e7b4-0000-7000-8000-000000000000');
  await expect(page.getByText('未找到这个服务点')).toBeVisible();
  await phoneScreen(page, 'r12-unknown-unit');
});
