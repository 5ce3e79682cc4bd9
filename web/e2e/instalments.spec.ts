import { expect, test } from '@playwright/test';
import { checkScreen, signInAs } from './helpers';
import { BASE_URL } from './stack';

/** Issue 17 item 12 on the case page: the garment worker's agreement, paid in two instalments. */
test('the mediator records the factory’s payments against the agreement’s instalments', async ({ page }) => {
  const tok = (await (
    await page.request.post(`${BASE_URL}/dev-auth/token`, { data: { subject: 'demo-lawyer' } })
  ).json()) as {
    access_token: string;
  };
  const r = await page.request.post(`${BASE_URL}/graphql`, {
    headers: { authorization: `Bearer ${tok.access_token}`, 'x-tenant-id': 'zhili' },
    data: { query: '{ cases(first: 100) { edges { node { id title } } } }' },
  });
  const cases = ((await r.json()) as { data: { cases: { edges: { node: { id: string; title: string } }[] } } }).data;
  const wage = cases.cases.edges.find((e) => e.node.title === '服装厂辞退员工工资及经济补偿纠纷')!.node;

  await signInAs(page, '王律师（警律联调）');
  await page.goto(`/cases/${wage.id}`);
  const panel = page.locator('.ant-card').filter({ has: page.getByText('分期履行', { exact: true }) });
  await expect(panel.getByRole('row')).toHaveCount(3);

  await panel.getByRole('button', { name: '登记到账 1' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('到账金额（元）').fill('6000.00');
  await dialog.getByRole('button', { name: '登记到账' }).click();
  await expect(panel.getByRole('row').nth(1)).toContainText('已履行');

  await panel.getByRole('button', { name: '登记到账 2' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('到账金额（元）').fill('7000');
  await dialog.getByRole('button', { name: '登记到账' }).click();
  // More than is owed: the API's refusal, beside the field.
  await expect(dialog.getByText(/超出该期未付金额/)).toBeVisible();
  await dialog.getByLabel('到账金额（元）').fill('1000');
  await dialog.getByRole('button', { name: '登记到账' }).click();
  await expect(panel.getByRole('row').nth(2)).toContainText('部分履行');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await panel.scrollIntoViewIfNeeded();
  await checkScreen(page, 'instalments');
});
