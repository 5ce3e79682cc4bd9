import { expect, test, type Locator, type Page } from '@playwright/test';
import { checkScreen, gql, pick, signInAs } from './helpers';

test.describe.configure({ mode: 'serial' });

const spaced = (s: string) => new RegExp(`^${[...s].join('\\s?')}$`);
const run = Date.now().toString(36).slice(-4);

async function shoot(page: Page, name: string): Promise<void> {
  await checkScreen(page, name);
}

async function confirm(page: Page): Promise<void> {
  await page
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /确\s?定|OK/ })
    .click();
}

test('the admin sets the working calendar: a closed day, and sees how far the official holidays reach', async ({
  page,
}) => {
  await signInAs(page, '吴芳');
  await page.goto('/config?tab=calendar');
  const known = page.getByTestId('holidays-known');
  await expect(known).toContainText('法定节假日数据：至');
  // The official data ends at a known year; the warning appears exactly when next year is not in it.
  const until = Number(/至 (\d{4}) 年/.exec(await known.innerText())![1]);
  const nextYear = new Date().getFullYear() + 1;
  if (until < nextYear) await expect(known).toContainText(`尚无 ${nextYear} 年的法定节假日安排`);
  else await expect(known).not.toContainText('尚无');

  const day = `${new Date().getFullYear() + 1}-03-18`;
  const input = page.getByLabel('添加停止办公日');
  await input.click();
  await input.fill(day);
  await input.press('Enter');
  const closed = page.locator('.ant-card', { hasText: '停止办公日' });
  await expect(closed.locator('.ant-tag', { hasText: day })).toBeVisible();
  // A new center keeps the default hours until the admin sets a week of its own.
  await expect(page.getByText('默认：周一至周五 08:30–12:00、14:00–17:30')).toBeVisible();
  await shoot(page, 'settings-01-calendar');
  const cal = await gql<{ workingCalendar: { closedDates: string[] } }>(
    page.request,
    'demo-admin',
    '{ workingCalendar { closedDates } }',
  );
  expect(cal.workingCalendar.closedDates).toContain(day);
});

test('the admin sets quiet hours and who may reveal personal data', async ({ page }) => {
  await signInAs(page, '吴芳');
  await page.goto('/config?tab=settings');
  const quiet = page.locator('.ant-card', { hasText: '通知免打扰时段' });
  // The saved settings first, or the form's loading would undo the clicks.
  await expect(quiet.getByLabel('开始（HH:MM）')).toHaveValue(/^\d\d:\d\d$/);
  const on = quiet.getByRole('switch');
  if ((await on.getAttribute('aria-checked')) !== 'true') await on.click();
  await expect(on).toHaveAttribute('aria-checked', 'true');
  await quiet.getByLabel('开始（HH:MM）').fill('22:00');
  await quiet.getByLabel('结束（HH:MM）').fill('07:00');
  await quiet.getByRole('button', { name: spaced('保存') }).click();
  await expect(page.locator('.ant-message-success')).toBeVisible();
  // A time that is not HH:MM is refused beside its field.
  await quiet.getByLabel('结束（HH:MM）').fill('7点');
  await quiet.getByRole('button', { name: spaced('保存') }).click();
  await expect(
    quiet.locator('.ant-form-item', { hasText: '结束' }).locator('.ant-form-item-explain-error'),
  ).toBeVisible();
  await quiet.getByLabel('结束（HH:MM）').fill('07:00');
  // Fixed, the refusal goes with the edit rather than staying beside a good value.
  await expect(
    quiet.locator('.ant-form-item', { hasText: '结束' }).locator('.ant-form-item-explain-error'),
  ).toHaveCount(0);

  const cases = page.locator('.ant-card', { hasText: '案件设置' });
  // The window clerks may now reveal a party's contact (one at a time, audited).
  await pick(cases.getByLabel('可逐条查看（留痕）个人信息的角色'), '受理员');
  await cases.getByRole('button', { name: spaced('保存') }).click();
  await expect(page.locator('.ant-message-success').last()).toBeVisible();
  await shoot(page, 'settings-02-settings');
  const s = await gql<{
    notificationSettings: { quietHoursEnabled: boolean; quietEnd: string };
    caseSettings: { revealRoles: string[] };
  }>(
    page.request,
    'demo-admin',
    '{ notificationSettings { quietHoursEnabled quietEnd } caseSettings { revealRoles } }',
  );
  expect(s.notificationSettings).toEqual({ quietHoursEnabled: true, quietEnd: '07:00' });
  expect(s.caseSettings.revealRoles).toContain('intake-clerk');
});

test('the admin adds a webhook, sees its secret once, rotates it, sees a failed delivery and sends it again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, '吴芳');
  await page.goto('/config?tab=webhooks');
  await page.getByRole('button', { name: spaced('新增') }).click();
  const d = page.getByRole('dialog');
  await expect(d).not.toHaveClass(/ant-zoom-appear/);
  // Nothing listens there: the delivery fails and is retried.
  const url = `http://127.0.0.1:9/hook-${run}`;
  await d.getByLabel('接收地址').fill(url);
  await pick(d.getByLabel('事件类型'), '*');
  await d.getByRole('button', { name: spaced('保存') }).click();
  const secret = page.getByTestId('webhook-secret');
  await expect(secret).toBeVisible();
  const first = (await secret.innerText()).trim();
  expect(first.length).toBeGreaterThan(16);
  await page
    .getByRole('dialog', { name: '签名密钥' })
    .getByRole('button', { name: /确\s?定|OK/ })
    .click();
  const row = page.locator('.ant-table-row', { hasText: url });
  await row.getByRole('button', { name: '更换密钥' }).click();
  await confirm(page);
  await expect(secret).toBeVisible();
  expect((await secret.innerText()).trim()).not.toBe(first);
  await page
    .getByRole('dialog', { name: '签名密钥' })
    .getByRole('button', { name: /确\s?定|OK/ })
    .click();

  // An event: the leader supervises an open case.
  const open = await gql<{ cases: { edges: { node: { id: string } }[] } }>(
    page.request,
    'demo-leader',
    '{ cases(first: 1, filter: { openOnly: true }) { edges { node { id } } } }',
  );
  await gql(
    page.request,
    'demo-leader',
    'mutation($i: SuperviseCaseInput!) { superviseCase(input: $i) { userErrors { message } } }',
    { i: { caseId: open.cases.edges[0]!.node.id, message: '请加快办理', replyBy: new Date(Date.now() + 86_400_000) } },
  );
  await row.getByRole('button', { name: '推送记录' }).click();
  const delivery = page.getByTestId('webhook-deliveries').locator('.ant-table-row', { hasText: url }).first();
  await expect(async () => {
    await page.reload();
    await expect(delivery).toContainText('SUPERVISION_ISSUED', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  // Pausing the subscription gives up its waiting deliveries; resumed, one is sent again.
  await page.locator('.ant-table-row', { hasText: url }).getByRole('button', { name: '停用' }).click();
  // Given up at its next attempt (10 s after the first failure).
  await expect(async () => {
    await page.reload();
    await expect(delivery).toContainText('已放弃', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.locator('.ant-table-row', { hasText: url }).getByRole('button', { name: '启用' }).click();
  await delivery.getByRole('button', { name: '重新推送' }).click();
  await expect(page.locator('.ant-message-success', { hasText: '已重新排队推送' })).toBeVisible();
  await expect(delivery).not.toContainText('已放弃');
  await shoot(page, 'settings-03-webhooks');
});

test('the platform admin creates a tenant and suspends it', async ({ page }) => {
  await signInAs(page, '郑平');
  // A center's own screens are not offered to the platform operator, who may not use them.
  await page.goto('/config?tab=units');
  await expect(page.getByRole('tab')).toHaveCount(1);
  await expect(page.getByRole('tab', { selected: true })).toContainText('平台');
  await page.goto('/config?tab=platform');
  const card = page.locator('.ant-card', { hasText: '中心（租户）' });
  await expect(card.getByRole('cell', { name: 'zhili', exact: true })).toBeVisible();
  await card.getByRole('button', { name: spaced('新增') }).click();
  const d: Locator = page.getByRole('dialog');
  await expect(d).not.toHaveClass(/ant-zoom-appear/);
  const code = `town${run}`;
  await d.getByLabel('编码').fill(code);
  await d.getByLabel('名称').fill(`测试镇${run}`);
  await pick(d.getByLabel('层级'), '乡镇');
  await d.getByRole('button', { name: spaced('保存') }).click();
  await expect(d).toBeHidden();
  const row = card.locator('.ant-table-row', { hasText: code });
  await expect(row).toContainText('正常');
  await row.getByRole('button', { name: spaced('停用') }).click();
  await confirm(page);
  await expect(row).toContainText('已停用');
  await shoot(page, 'settings-04-tenants');
});
