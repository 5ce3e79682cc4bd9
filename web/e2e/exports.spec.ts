import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { signInAs } from './helpers';

async function download(page: Page, item: RegExp): Promise<Download> {
  await page.getByRole('button', { name: /^导\s?出$/ }).click();
  const saved = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  return saved;
}

const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

test('the clerk downloads the case list as filtered on screen, as CSV and XLSX', async ({ page }) => {
  await signInAs(page, '张敏');
  const filtered = '/cases?status=REPORTED,ACCEPTED,DISPATCHED,IN_PROGRESS';
  await page.goto(filtered);
  const table = page.locator('.ant-table-tbody');
  // Every page of the filtered list (the demo town's year holds more open cases than one page shows).
  const numbers: string[] = [];
  for (;;) {
    await expect(table.locator('tr.ant-table-row').first()).toBeVisible();
    const first = (await table.locator('tr.ant-table-row td:first-child').first().innerText()).trim();
    numbers.push(...(await table.locator('tr.ant-table-row td:first-child').allInnerTexts()).map((s) => s.trim()));
    const next = page.getByRole('button', { name: '下一页' });
    if (await next.isDisabled()) break;
    await next.click();
    await expect(table.locator('tr.ant-table-row td:first-child').first()).not.toHaveText(first);
  }
  expect(new Set(numbers).size).toBe(numbers.length);
  await page.goto(filtered);
  await expect(table.locator('tr.ant-table-row').first()).toBeVisible();

  const csv = await download(page, /导出案件清单（CSV）/);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const rows = csvRows(await readFile((await csv.path())!, 'utf8'));
  expect(rows[0]).toContain('案件编号');
  // Same filter, same cases: every number on every page is in the file, and nothing else is.
  expect(rows.length - 1).toBe(numbers.length);
  for (const n of numbers) expect(rows.some((r) => r.includes(n))).toBe(true);

  const xlsx = await download(page, /导出案件清单（XLSX）/);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = await readFile((await xlsx.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});

test("the leader downloads the board's figures and warning cases for the chosen period", async ({ page }) => {
  await signInAs(page, '周建国');
  await page.evaluate(() => localStorage.setItem('onedoor.tenant', 'zhili'));
  await page.goto('/board');
  await expect(page.getByRole('heading', { name: '指挥大屏' })).toBeVisible();
  const figures = await download(page, /导出指标（CSV）/);
  const rows = csvRows(await readFile((await figures.path())!, 'utf8'));
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.join('\n')).toContain('当日受理率');
  const warnings = await download(page, /导出预警案件（CSV）/);
  const cases = csvRows(await readFile((await warnings.path())!, 'utf8'));
  expect(cases[0]).toContain('案件编号');
  // The board's warning cases: every row in the file is red or yellow.
  for (const r of cases.slice(1)) expect(r).toMatch(/红色|黄色/);
});
