import { test } from '@playwright/test';
import { signInAs } from './helpers';

/**
 * Not a timed test: prints how long the case desk takes, from navigation start to its rows on
 * screen and its filters usable, over the demo data (recorded in bench/README.md).
 * Run with `npm run bench:console`.
 */
test('case desk: navigation to interactive', async ({ page }) => {
  await signInAs(page, '张敏');
  // Marks, in the page's own clock, when the first row is in the DOM (no test-runner round trips).
  await page.addInitScript(() => {
    const w = window as unknown as { rowsAt?: number };
    new MutationObserver((_, obs) => {
      if (document.querySelector('.ant-table-row')) {
        w.rowsAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const runs: { rows: number; domContentLoaded: number; load: number }[] = [];
  for (let i = 0; i < 7; i++) {
    await page.goto('/cases');
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByLabel('标题或描述关键词').waitFor({ state: 'visible' });
    runs.push(
      await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          rows: (window as unknown as { rowsAt: number }).rowsAt,
          domContentLoaded: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
        };
      }),
    );
  }
  // Where the time goes on the last visit: each GraphQL operation's start and end.
  const ops = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.name.includes('/graphql') || e.name.includes('/assets/') || e.name.includes('config.json'))
      .map((e) => `${e.name.split('/').pop()} ${Math.round(e.startTime)}→${Math.round(e.responseEnd)}`),
  );
  console.log(ops.join('\n'));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const warm = runs.slice(1);
  console.log(
    JSON.stringify({
      firstVisitMs: Math.round(runs[0]!.rows),
      medianRowsMs: Math.round(median(warm.map((r) => r.rows))),
      maxRowsMs: Math.round(Math.max(...warm.map((r) => r.rows))),
      medianDomContentLoadedMs: Math.round(median(warm.map((r) => r.domContentLoaded))),
    }),
  );
});
