import { expect, test, type Page, type Response } from '@playwright/test';
import { join } from 'node:path';
import { checkScreen, expectOnlyLocal, pick, signInAs, watch, OUTPUT } from './helpers';

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
