import { expect, test, type Page, type Response } from '@playwright/test';
import { join } from 'node:path';
import { OUTPUT, checkScreen, expectOnlyLocal, gql, pick, signInAs, tokenFor, watch } from './helpers';
import { readdirSync, readFileSync } from 'node:fs';
import { BASE_URL, PORT } from './stack';

test.describe.configure({ mode: 'serial' });

async function shoot(page: Page, name: string): Promise<void> {
  for (const [w, h] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUTPUT, `${name}-${w}x${h}.png`) });
  }
}

test("the leader's board shows a clerk's HIGH-risk report in yellow without reloading", async ({ browser }) => {
  const leaderCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const leader = await leaderCtx.newPage();
  const w = watch(leader);
  await signInAs(leader, '周建国');
  await leader.evaluate(() => localStorage.setItem('onedoor.tenant', 'zhili'));
  await leader.goto('/board');
  await expect(leader.getByRole('heading', { name: '指挥大屏' })).toBeVisible();
  await expect(leader.getByRole('status')).toHaveText('实时连接');
  await expect(leader.locator('[data-kpi="sameDayAcceptance"] [data-ratio]')).toBeVisible();
  await checkScreen(leader, 'board-01-leader');
  await shoot(leader, 'board-01-leader');
  let navigations = 0;
  leader.on('framenavigated', (f) => {
    if (f === leader.mainFrame()) navigations++;
  });

  const clerkCtx = await browser.newContext();
  const clerk = await clerkCtx.newPage();
  await signInAs(clerk, '张敏');
  await clerk.getByRole('link', { name: '窗口登记' }).click();
  await clerk.getByLabel('姓名或名称').first().fill('赵六');
  await clerk.getByLabel('联系电话').first().fill('13811112222');
  await clerk.getByLabel('姓名或名称').nth(1).fill('钱七');
  await clerk.getByLabel('纠纷标题').fill('大棚承包地界纠纷，双方扬言动手');
  await clerk.getByLabel('纠纷简要情况').fill('两户因承包地界发生争执，现场情绪激动，有激化风险。');
  await pick(clerk.getByLabel('风险等级', { exact: true }), '高');
  await clerk
    .getByRole('button', { name: '登 记' })
    .or(clerk.getByRole('button', { name: '登记', exact: true }))
    .click();
  await expect(clerk.getByText('受理回执')).toBeVisible();
  const number = (await clerk.locator('.ant-descriptions-item-content').nth(1).innerText()).trim();

  const row = leader.locator('.ant-table-row', { hasText: number });
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(row.locator('[data-warning]')).toHaveAttribute('data-warning', 'YELLOW');
  expect(navigations, 'the board did not reload').toBe(0);
  await shoot(leader, 'board-02-live-yellow');
  expectOnlyLocal(w.requests);
  expect(w.cspViolations).toEqual([]);
  await clerkCtx.close();
  await leaderCtx.close();
});

test('the county board shows each town’s figures and never a town’s case rows', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await ctx.newPage();
  const bodies: string[] = [];
  page.on('response', (r: Response) => {
    if (r.url().endsWith('/graphql'))
      void r.text().then(
        (b) => bodies.push(b),
        () => undefined,
      );
  });
  await signInAs(page, '周建国');
  await page.evaluate(() => localStorage.setItem('onedoor.tenant', 'wuxing'));
  await page.goto('/board');
  const towns = page.locator('.ant-card', { hasText: '各镇（街道）指标' });
  await expect(towns).toBeVisible();
  await expect(towns.getByRole('cell', { name: /织里镇/ }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await checkScreen(page, 'board-03-county');
  await shoot(page, 'board-03-county');
  // No town case number (ZL-…) or party appears anywhere the county's browser received.
  const all = bodies.join('\n');
  expect(all).not.toMatch(/ZL-\d{4}-\d+/);
  expect(all).not.toContain('赵六');
  await expect(page.getByText(/ZL-\d{4}-\d+/)).toHaveCount(0);
  await ctx.close();
});

test("a checkpoint fired by the worker turns a case red on the leader's open board", async ({ browser, request }) => {
  test.setTimeout(150_000);
  const run = Date.now().toString(36).slice(-4);
  // Given a category whose acceptance is due a minute after the report: yellow at 10 %, red at half.
  const cat = await gql<{ upsertCategory: { category: { id: string } } }>(
    request,
    'demo-admin',
    'mutation($i: UpsertCategoryInput!) { upsertCategory(input: $i) { category { id } userErrors { message } } }',
    { i: { code: `fast${run}`, name: `限时测试${run}`, defaultRiskLevel: 'HIGH' } },
  );
  const categoryId = cat.upsertCategory.category.id;
  const policy = await gql<{ upsertSlaPolicy: { userErrors: unknown[] } }>(
    request,
    'demo-admin',
    'mutation($i: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $i) { userErrors { field message } } }',
    {
      i: {
        name: `一分钟受理${run}`,
        categoryId,
        targets: [{ step: 'ACCEPT', mode: 'CALENDAR', duration: 'PT1M' }],
        yellow: { share: 0.1 },
        red: { share: 0.5 },
      },
    },
  );
  expect(policy.upsertSlaPolicy.userErrors).toEqual([]);

  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const leader = await ctx.newPage();
  await signInAs(leader, '周建国');
  await leader.evaluate(() => localStorage.setItem('onedoor.tenant', 'zhili'));
  await leader.goto('/board');
  await expect(leader.getByRole('status')).toHaveText('实时连接');
  let navigations = 0;
  leader.on('framenavigated', (f) => {
    if (f === leader.mainFrame()) navigations++;
  });

  // When the clerk reports a case in it and nobody accepts it.
  const reported = await gql<{ reportCase: { case: { number: string } } }>(
    request,
    'demo-clerk',
    'mutation($i: ReportCaseInput!) { reportCase(input: $i) { case { number } userErrors { message } } }',
    { i: { title: `无人受理的案件${run}`, channel: 'WALK_IN', categoryId, riskLevel: 'HIGH' } },
  );
  const row = leader.locator('.ant-table-row', { hasText: reported.reportCase.case.number });
  // Then the worker's checkpoints reach the open board: yellow, then red at half the minute.
  await expect(row.locator('[data-warning]')).toHaveAttribute('data-warning', /YELLOW|RED/, { timeout: 30_000 });
  await expect(row.locator('[data-warning]')).toHaveAttribute('data-warning', 'RED', { timeout: 60_000 });
  expect(navigations, 'the board did not reload').toBe(0);
  await shoot(leader, 'board-04-checkpoint-red');
  await ctx.close();
});

/** The API process of this test stack: `dist/src/main.js` started by the launcher with this stack's port. */
function apiProcess(): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmd.includes('dist/src/main.js')) continue;
      const env = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (env.includes(`PORT=${PORT}`) && env.some((v) => v.startsWith('REDIS_PREFIX=onedoor-e2e-')))
        return Number(entry);
    } catch {
      // gone meanwhile, or another user's
    }
  }
  throw new Error(`no API process on port ${PORT}`);
}

test('the board survives the API restarting under it: it reconnects, refetches what it missed, and duplicates no row', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const leader = await ctx.newPage();
  await signInAs(leader, '周建国');
  await leader.evaluate(() => localStorage.setItem('onedoor.tenant', 'zhili'));
  await leader.goto('/board');
  const status = leader.getByRole('status');
  await expect(status).toHaveText('实时连接');
  let navigations = 0;
  leader.on('framenavigated', (f) => {
    if (f === leader.mainFrame()) navigations++;
  });
  const rows = leader.locator('.ant-table-row[data-row-key]');
  const before = await rows.count();

  // The API dies hard; the launcher starts it again, as a supervisor does in production.
  const pid = apiProcess();
  process.kill(pid, 'SIGKILL');
  await expect(status).toHaveText('连接中断，正在重连……');
  await expect
    .poll(async () => (await request.get(`${BASE_URL}/readyz`).catch(() => null))?.ok() ?? false, { timeout: 60_000 })
    .toBe(true);
  expect(apiProcess()).not.toBe(pid);

  // A report made as soon as the API is back, whether or not the board has reconnected yet.
  const token = await tokenFor(request, 'demo-clerk');
  const r = await request.post(`${BASE_URL}/graphql`, {
    headers: { authorization: `Bearer ${token}`, 'x-tenant-id': 'zhili' },
    data: {
      query: 'mutation($i: ReportCaseInput!) { reportCase(input: $i) { case { number } userErrors { message } } }',
      variables: { i: { title: '重启期间登记的高风险纠纷', channel: 'WALK_IN', riskLevel: 'HIGH' } },
    },
  });
  const number = ((await r.json()) as { data: { reportCase: { case: { number: string } } } }).data.reportCase.case
    .number;

  await expect(status).toHaveText('实时连接', { timeout: 45_000 });
  const row = leader.locator('.ant-table-row', { hasText: number });
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  // Every row once: the refetch replaced the list rather than appending to it.
  const keys = await leader
    .locator('.ant-table-row[data-row-key]')
    .evaluateAll((els) =>
      els.map(
        (e) =>
          `${e.closest('.ant-card')?.querySelector('.ant-card-head-title')?.textContent}|${e.getAttribute('data-row-key')}`,
      ),
    );
  expect(new Set(keys).size).toBe(keys.length);
  expect(await rows.count()).toBeGreaterThanOrEqual(before);
  expect(navigations, 'the board did not reload').toBe(0);
  await shoot(leader, 'board-05-after-restart');
  await ctx.close();
});
