import { expect, test } from '@playwright/test';
import { checkScreen, choose, signInAs } from './helpers';

/** Issue 17 item 13 at the window: a consultation is recorded, counted, and turned into a case when it is a dispute. */
test('the clerk records a legal consultation and turns a wage question into a case', async ({ page }) => {
  await signInAs(page, '张敏');
  await page.getByRole('link', { name: '咨询登记' }).click();
  await expect(page.getByRole('heading', { name: '咨询登记' })).toBeVisible();

  await choose(page, '咨询类别', '法律咨询');
  await page.getByLabel('用时（分钟）').fill('25');
  await page.getByLabel('来访人').fill('沈阿姨');
  await page.getByLabel('咨询摘要').fill('询问遗产继承份额如何确定');
  await page.getByRole('button', { name: '登记咨询' }).click();
  await expect(page.getByRole('cell', { name: '沈阿姨' })).toBeVisible();

  await choose(page, '咨询类别', '劳动保障');
  await page.getByLabel('来访人').fill('外来务工人员 马某');
  await page.getByLabel('咨询摘要').fill('童装厂拖欠三个月工资，老板失联');
  await page.getByRole('button', { name: '登记咨询' }).click();
  const row = page.getByRole('row', { name: /外来务工人员 马某/ });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: '转为案件' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('案件标题').fill('童装厂拖欠工资纠纷');
  await dialog.getByRole('button', { name: '转为案件' }).click();
  await expect(page.getByText(/已转为案件 /)).toBeVisible();
  await expect(row.getByRole('link')).toBeVisible();
  // The screen as the clerk sees it once the dialog and the confirmations are gone.
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await checkScreen(page, 'consultations');
});
