import { expect, type APIRequestContext, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL } from './stack';

export const OUTPUT = join(import.meta.dirname, 'output');
mkdirSync(OUTPUT, { recursive: true });

/** Every request the page makes, and every CSP complaint in its console. */
export function watch(page: Page): { requests: string[]; cspViolations: string[] } {
  const w = { requests: [] as string[], cspViolations: [] as string[] };
  page.on('request', (r) => w.requests.push(r.url()));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) w.cspViolations.push(m.text());
  });
  return w;
}

export function expectOnlyLocal(requests: string[]): void {
  const foreign = requests.filter(
    (u) => !u.startsWith(`${BASE_URL}/`) && !u.startsWith('data:') && !u.startsWith('blob:'),
  );
  expect(foreign, 'requests that left 127.0.0.1').toEqual([]);
}

export async function signInAs(page: Page, name: string): Promise<void> {
  await page.goto('/dev-login');
  await page.getByRole('button', { name: `以此身份登录：${name}` }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dev-login'));
}

/**
 * Screenshots of the screen (as the test sees it, then at a wall display's 1920×1080 and a
 * laptop's 1366×768) and an axe-core scan with no serious or critical violation.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
  const size = page.viewportSize();
  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(OUTPUT, `${name}-${width}x${height}.png`), fullPage: true });
  }
  if (size) await page.setViewportSize(size);
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `accessibility of ${name}`,
  ).toEqual([]);
}

/** Chooses an option of an Ant Design Select or TreeSelect found by its label. */
export async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  await pick(scope.getByLabel(label, { exact: true }), option);
}

/** Chooses an option of the Ant Design Select at `field`, and checks the choice took. */
export async function pick(field: Locator, option: string): Promise<void> {
  const page = field.page();
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  for (let attempt = 0; ; attempt++) {
    await field.click();
    // Long lists are virtual: typing narrows a searchable one to the option (others ignore it).
    await page.keyboard.type(option);
    await page
      .locator('.ant-select-dropdown:visible')
      .locator('.ant-select-item-option, .ant-select-tree-treenode')
      .filter({ hasText: option })
      .first()
      .click();
    // Close a multiple select's list by clicking a heading: Tab would pick the active option too,
    // and Escape would close the dialog around it.
    await page.locator('h1, .ant-modal-title').last().click();
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    // Under load a click can land while the list is still animating; try again then.
    if ((await select.innerText()).includes(option) || attempt === 2) break;
  }
  await expect(select).toContainText(option);
}

export async function setDate(scope: Locator, label: string, value: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

export async function act(page: Page, action: string): Promise<Locator> {
  // Ant Design spaces out two-character button labels (受 理).
  const name = new RegExp(`^${[...action].join('\\s?')}$`);
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // A click during the opening animation can be lost.
  await expect(dialog).not.toHaveClass(/ant-zoom-appear/);
  return dialog;
}

export async function submit(page: Page, dialog: Locator): Promise<void> {
  const sent = page.waitForResponse(
    (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('mutation'),
  );
  await dialog.getByRole('button', { name: /^提\s?交$/ }).click();
  await sent;
  await expect(dialog).toBeHidden();
  await page.waitForLoadState('networkidle');
}

/** A demo person's token from the development sign-in. */
export async function tokenFor(request: APIRequestContext, subject: string): Promise<string> {
  const r = await request.post(`${BASE_URL}/dev-auth/token`, { data: { subject } });
  return ((await r.json()) as { access_token: string }).access_token;
}

/** A GraphQL operation as a demo person in 织里镇, outside the page; it must answer without errors. */
export async function gql<T>(
  request: APIRequestContext,
  subject: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const r = await request.post(`${BASE_URL}/graphql`, {
    headers: { authorization: `Bearer ${await tokenFor(request, subject)}`, 'x-tenant-id': 'zhili' },
    data: { query, variables },
  });
  const body = (await r.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}
