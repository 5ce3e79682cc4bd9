import { test, type APIRequestContext, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { ADMIN_URL, BASE_URL } from './stack';
import { signInAs, tokenFor } from './helpers';

/**
 * Not a timed test: prints how fast the command-hall board is over a tenant holding 10,000 open
 * cases (recorded in bench/README.md). Run with `npm run bench:console`.
 *
 * - first complete frame: from navigation start to the first animation frame in which every panel
 *   shows its data — the warning list (rows), the red/yellow counts per unit, every KPI figure
 *   with its ratio, the three charts drawn with their data (ECharts' first `rendered` frame after
 *   the data came; the entry animation that follows is timed separately as "settled") and the
 *   on-duty panel answered. Timed in the page's own clock, so no test-runner round trip counts.
 * - live update: from just before a clerk's HIGH-risk `reportCase` is sent over HTTP to the
 *   board's row for it being in the DOM (page and runner share the machine's clock).
 */
const CASES = Number(process.env['BOARD_BENCH_CASES'] ?? 10_000);
/**
 * A backlog of open cases reported over this many days (each clone moved back by up to it, all
 * its moments alike); 0 keeps the demo's own dates, every clone reported in the last few days —
 * the worst case for the period figures, which read the cases reported in the period.
 */
const SPREAD_DAYS = Number(process.env['BOARD_BENCH_SPREAD_DAYS'] ?? 90);
const VISITS = 5;
const UPDATES = 7;

const require = createRequire(import.meta.url);
const { Client } = require('pg') as typeof import('pg');

/**
 * The seeding: every open case the demo data put in 织里镇 (reported, accepted, dispatched … through
 * the domain's own services) is the template for clones made by SQL in one statement per table —
 * the case row with a new id, number and warning level, its parties and its open deadlines — so
 * the rows are the domain's own rows, column for column. Not cloned: the timeline, audit and
 * notification rows (the board reads none of them) and the checkpoints (the worker would fire
 * thousands of notices during the measurement). The days touched are marked for the stored daily
 * figures as a step would mark them. Done as the superuser, which RLS does not restrict.
 */
async function seed(database: string): Promise<{ tenantId: string; ms: number }> {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  const t0 = performance.now();
  try {
    const columns = async (table: string) =>
      (
        await db.query<{ c: string; type: string }>(
          `select column_name as c, data_type as type from information_schema.columns
           where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' and is_identity = 'NO'
           order by ordinal_position`,
          [table],
        )
      ).rows;
    /**
     * insert into `table` a copy of the rows `from` selects (aliased t, with the map as m), some
     * columns replaced, every other moment moved back by the clone's shift (m.shift)
     */
    const clone = async (table: string, from: string, replace: Record<string, string>) => {
      const cols = await columns(table);
      const list = cols.map(({ c }) => `"${c}"`).join(', ');
      const values = cols
        .map(({ c, type }) => replace[c] ?? (type === 'timestamp with time zone' ? `t."${c}" - m.shift` : `t."${c}"`))
        .join(', ');
      await db.query(`insert into ${table} (${list}) select ${values} ${from}`);
    };
    await db.query('begin');
    const tenant = (await db.query<{ id: string }>(`select id from tenants where code = 'zhili'`)).rows[0]!.id;
    await db.query(
      `create temp table clone_map on commit drop as
       with tpl as (
         select array_agg(id order by number) as ids from cases
         where tenant_id = $1 and status not in ('REJECTED', 'CLOSED', 'MERGED'))
       select g, gen_random_uuid() as id, tpl.ids[1 + g % cardinality(tpl.ids)] as template_id,
         (g % $3::int) * interval '1 day' as shift
       from tpl, generate_series(1, $2::int) g`,
      [tenant, CASES, Math.max(1, SPREAD_DAYS)],
    );
    // About what a town's hall sees: 2 % red, 5 % yellow, the rest running normally.
    await clone('cases', 'from clone_map m join cases t on t.id = m.template_id', {
      id: 'm.id',
      number: `'BENCH-' || lpad(m.g::text, 6, '0')`,
      warning_level: `case when m.g % 50 = 0 then 'RED' when m.g % 20 = 0 then 'YELLOW' else 'GREEN' end`,
      idempotency_key: 'null',
      origin_tenant_id: 'null',
      origin_case_id: 'null',
      recurrence_of_id: 'null',
      merged_into_id: 'null',
    });
    await clone('case_parties', 'from clone_map m join case_parties t on t.case_id = m.template_id', {
      id: 'gen_random_uuid()',
      case_id: 'm.id',
    });
    // The clones' clocks run 1–14 days ahead, so a fresh report's same-day clock sorts first on the
    // board, as it does in a hall where the older warnings are being worked on.
    await clone(
      'deadlines',
      `from clone_map m join deadlines t on t.case_id = m.template_id and t.status = 'OPEN',
        lateral (select now() + (1 + m.g % 14) * interval '1 day' as due) d`,
      {
        id: 'gen_random_uuid()',
        case_id: 'm.id',
        due_at: 'd.due',
        yellow_at: `d.due - interval '12 hours'`,
        red_at: `d.due - interval '2 hours'`,
        paused_at: 'null',
      },
    );
    await db.query(
      `insert into case_stats_dirty (tenant_id, day)
       select distinct $1::uuid, (reported_at at time zone 'Asia/Shanghai')::date from cases where tenant_id = $1
       on conflict do nothing`,
      [tenant],
    );
    await db.query('commit');
    // As autovacuum would after such an insert.
    await db.query('analyze cases; analyze case_parties; analyze deadlines');
    return { tenantId: tenant, ms: performance.now() - t0 };
  } catch (e) {
    await db.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await db.end();
  }
}

/** In the page: the first animation frame in which every panel shows its data, in the page's clock. */
function markCompleteFrame(): void {
  const w = window as unknown as { completeAt?: number; settledAt?: number };
  const state = () => {
    const kpis = Array.from(document.querySelectorAll('[data-kpi]'));
    const charts = Array.from(document.querySelectorAll('[data-chart]'));
    return {
      warnings: document.querySelector('[data-testid="board-warnings"][data-ready] .ant-table-row') !== null,
      perUnit: document.querySelector('[data-testid="board-per-unit"] .ant-table-row') !== null,
      kpis: kpis.length > 0 && kpis.every((k) => k.querySelector('[data-ratio]')),
      charts: charts.length === 3 && charts.every((c) => c.hasAttribute('data-drawn') && c.querySelector('canvas')),
      duty: document.querySelector('[data-testid="on-duty"][data-ready]') !== null,
    };
  };
  (window as unknown as { boardState: typeof state }).boardState = state;
  const complete = () => Object.values(state()).every(Boolean);
  const firstAt: Record<string, number> = {};
  (window as unknown as { panelsAt: typeof firstAt }).panelsAt = firstAt;
  const tick = () => {
    for (const [k, v] of Object.entries(state())) if (v && firstAt[k] === undefined) firstAt[k] = performance.now();
    if (w.completeAt === undefined && complete()) w.completeAt = performance.now();
    const charts = Array.from(document.querySelectorAll('[data-chart]'));
    if (w.completeAt !== undefined && charts.every((c) => c.hasAttribute('data-settled'))) {
      w.settledAt = performance.now();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Each board query alone, one at a time, as the leader: which one costs what without contention. */
async function diagnose(request: APIRequestContext): Promise<void> {
  const leader = await tokenFor(request, 'demo-leader');
  const now = new Date();
  const month = { from: new Date(now.getFullYear(), now.getMonth(), 1).toISOString(), to: now.toISOString() };
  const day = { from: new Date(now.getTime() - 86_400_000).toISOString(), to: now.toISOString() };
  const probes: [string, string, Record<string, unknown>][] = [
    [
      'caseMetrics(month){reported}',
      'query($r: DateRangeInput!) { caseMetrics(range: $r) { reported } }',
      { r: month },
    ],
    ['caseMetrics(day){reported}', 'query($r: DateRangeInput!) { caseMetrics(range: $r) { reported } }', { r: day }],
    [
      'caseMetrics(month, CATEGORY)',
      'query($r: DateRangeInput!) { caseMetrics(range: $r, groupBy: CATEGORY) { groups { key open } } }',
      { r: month },
    ],
    ['warningBoard(50)', '{ warningBoard(first: 50) { entries { edges { node { nextDueAt } } } } }', {}],
    ['tenant', '{ tenant { id } }', {}],
  ];
  for (const [name, query, variables] of probes) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      const r = await request.post(`${BASE_URL}/graphql`, {
        headers: { authorization: `Bearer ${leader}`, 'x-tenant-id': 'zhili' },
        data: { query, variables },
      });
      const body = (await r.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
      times.push(Date.now() - t);
    }
    console.log(`  alone: ${name} ${JSON.stringify(summary(times))}`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = (xs: number[]) => ({
  median: Math.round(median(xs)),
  max: Math.round(Math.max(...xs)),
  all: xs.map(Math.round),
});

async function openBoard(page: Page): Promise<{ completeMs: number; settledMs: number }> {
  await page.goto('/board');
  await page
    .waitForFunction(() => (window as unknown as { settledAt?: number }).settledAt !== undefined, null, {
      timeout: 30_000,
    })
    .catch(async (e: unknown) => {
      console.log(
        'board state:',
        await page.evaluate(() => (window as unknown as { boardState(): unknown }).boardState()),
      );
      throw e;
    });
  return page.evaluate(() => {
    const w = window as unknown as { completeAt: number; settledAt: number };
    return { completeMs: w.completeAt, settledMs: w.settledAt };
  });
}

test('board: first complete frame and live updates over 10,000 open cases', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const database = process.env['E2E_DATABASE'];
  if (!database) throw new Error('E2E_DATABASE is set by global-setup.ts');
  const seeded = await seed(database);
  console.log(
    `seeded ${CASES} open cases (clones of the demo's open cases, reported over ${SPREAD_DAYS || 'the demo’s'} days) in ${Math.round(seeded.ms)} ms`,
  );

  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await ctx.newPage();
  await signInAs(page, '周建国');
  await page.evaluate(() => localStorage.setItem('onedoor.tenant', 'zhili'));
  await page.addInitScript(markCompleteFrame);
  // What the board asks for, and how big the answers are: it must not fetch the 10,000 rows.
  const answers: { op: string; bytes: number; ms: number }[] = [];
  page.on('requestfinished', (r) => {
    if (!r.url().endsWith('/graphql')) return;
    const op = /"operationName":"(\w+)"/.exec(r.postData() ?? '')?.[1] ?? '?';
    void r.sizes().then((s) => answers.push({ op, bytes: s.responseBodySize, ms: Math.round(r.timing().responseEnd) }));
  });

  const visits: { completeMs: number; settledMs: number }[] = [];
  for (let i = 0; i < VISITS; i++) {
    if (i === VISITS - 1) answers.length = 0;
    visits.push(await openBoard(page));
  }
  // Where the last visit's time went: each request's start and end after navigation start.
  const timeline = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => /\/graphql|\/assets\/(Board|echarts)|config\.json/.test(e.name))
      .map((e) => `  ${e.name.split('/').pop()} ${Math.round(e.startTime)}→${Math.round(e.responseEnd)}`),
  );
  console.log('requests of the last visit (ms after navigation):\n' + timeline.join('\n'));
  const panels = await page.evaluate(() => (window as unknown as { panelsAt: Record<string, number> }).panelsAt);
  console.log(
    'each panel first with its data (ms after navigation): ' +
      Object.entries(panels)
        .map(([k, v]) => `${k} ${Math.round(v)}`)
        .join(', '),
  );
  console.log(
    'GraphQL answers of the last visit:\n' +
      answers.map((a) => `  ${a.op}: ${a.bytes.toLocaleString('en')} bytes, ${a.ms} ms`).join('\n'),
  );

  if (process.env['BOARD_BENCH_DIAG']) await diagnose(request);

  // Live: the board stays open; a clerk reports a HIGH-risk case through the API, UPDATES times.
  await page.getByRole('status').filter({ hasText: '实时连接' }).waitFor();
  const clerk = await tokenFor(request, 'demo-clerk');
  const live: number[] = [];
  const mutation: number[] = [];
  const refetchStart: number[] = [];
  const refetchEnd: number[] = [];
  for (let i = 0; i < UPDATES; i++) {
    const title = `测速高风险纠纷${Date.now().toString(36)}`;
    const seen = page.waitForFunction(
      (t) => {
        const row = Array.from(document.querySelectorAll('[data-testid="board-warnings"] .ant-table-row')).find((r) =>
          r.textContent?.includes(t),
        );
        return row ? Date.now() : false;
      },
      title,
      { timeout: 20_000, polling: 'raf' },
    );
    const sentAt = Date.now();
    const r = await request.post(`${BASE_URL}/graphql`, {
      headers: { authorization: `Bearer ${clerk}`, 'x-tenant-id': 'zhili' },
      data: {
        query: 'mutation($i: ReportCaseInput!) { reportCase(input: $i) { case { number } userErrors { message } } }',
        variables: { i: { title, channel: 'WALK_IN', riskLevel: 'HIGH' } },
      },
    });
    mutation.push(Date.now() - sentAt);
    const body = (await r.json()) as { data?: { reportCase: { userErrors: unknown[] } }; errors?: unknown };
    if (body.errors || body.data?.reportCase.userErrors.length) throw new Error(JSON.stringify(body));
    live.push(((await (await seen).jsonValue()) as number) - sentAt);
    // The board's refetch of its warnings is the first GraphQL request it started after the report.
    const refetch = await page.evaluate((at) => {
      const e = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find(
        (x) => x.name.endsWith('/graphql') && performance.timeOrigin + x.startTime > at,
      );
      return (
        e && { start: performance.timeOrigin + e.startTime - at, end: performance.timeOrigin + e.responseEnd - at }
      );
    }, sentAt);
    if (refetch) {
      refetchStart.push(refetch.start);
      refetchEnd.push(refetch.end);
    }
    await page.waitForTimeout(500);
  }
  console.log(
    JSON.stringify(
      {
        openCases: CASES,
        firstVisit: { completeMs: Math.round(visits[0]!.completeMs), settledMs: Math.round(visits[0]!.settledMs) },
        completeFrameMs: summary(visits.slice(1).map((v) => v.completeMs)),
        chartsSettledMs: summary(visits.slice(1).map((v) => v.settledMs)),
        reportCaseMs: summary(mutation),
        refetchStartedMs: summary(refetchStart),
        refetchAnsweredMs: summary(refetchEnd),
        mutationToRowMs: summary(live),
      },
      null,
      1,
    ),
  );
  await ctx.close();
});
