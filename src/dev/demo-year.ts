import { withTenantScope } from '../core/tenancy/tenant-tx';
import { localDateOf } from '../core/calendar/local-date';
import type { TenantRecord } from '../modules/tenant/tenant.model';
import type { Services } from '../services';
import { planHistory, type Story } from './demo-plan';
import { castOf, tellStory, type Cast } from './demo-history';
import { CaseTimeShifter } from './demo-time-shift';

const ACTOR = { subject: 'system:demo-data', requestId: 'demo-history', ip: null };
/** Stories over the past year; with the reports' cases, the late ones and recurrences, 300+ cases. */
export const HISTORY_STORIES = 330;
/** The first report the demo makes, at the moment its year is planned from (see `anchorOf`). */
export const ANCHOR_KEY = '12345-DEMO-0001';
const LIMIT_MS = 5 * 60_000;

export interface Year {
  cast: Cast;
  anchor: Date;
  stories: Story[];
}

export async function planYear(
  s: Services,
  zhili: TenantRecord,
  wuxing: TenantRecord,
  anchor: Date,
  count = HISTORY_STORIES,
): Promise<Year> {
  const cast = await castOf(s, zhili, wuxing);
  return { cast, anchor, stories: planHistory({ anchor, tz: zhili.timeZone, working: cast.working, count }) };
}

/**
 * The numbers the older history will take: per tenant and year, the older cases come first in
 * report order (as the counter would have given them), so the recent cases loaded before the API
 * answers are numbered after them and keep their numbers when the older ones arrive.
 */
export function reservedNumbers(year: Year): {
  perYear: Map<string, Map<number, number>>;
  numberOf: Map<string, string>;
} {
  const { zhili, wuxing } = year.cast;
  const entries = year.stories
    .filter((st) => !st.recent)
    .flatMap((st) =>
      st.cases.map((c) => ({ key: `${st.key}:${c.role}`, tenant: c.tenant === 'zhili' ? zhili : wuxing, at: c.at })),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const perYear = new Map<string, Map<number, number>>();
  const numberOf = new Map<string, string>();
  for (const e of entries) {
    const y = Number(localDateOf(e.at, e.tenant.timeZone).slice(0, 4));
    const years = perYear.get(e.tenant.id) ?? new Map<number, number>();
    const n = (years.get(y) ?? 0) + 1;
    years.set(y, n);
    perYear.set(e.tenant.id, years);
    numberOf.set(e.key, `${e.tenant.caseNumberPrefix}-${y}-${String(n).padStart(6, '0')}`);
  }
  return { perYear, numberOf };
}

/** The recent weeks, before the API answers: the open cases the desk and the board show first. */
export async function loadRecentHistory(s: Services, year: Year, shifter: CaseTimeShifter): Promise<number> {
  const limit = year.anchor.getTime() - LIMIT_MS;
  let made = 0;
  for (const st of year.stories.filter((x) => x.recent)) {
    await tellStory(s, year.cast, shifter, st, limit);
    made++;
  }
  const { zhili, wuxing } = year.cast;
  const { perYear } = reservedNumbers(year);
  await shifter.renumber(zhili.id, perYear.get(zhili.id), [wuxing.id]);
  await shifter.renumber(wuxing.id, perYear.get(wuxing.id), [zhili.id]);
  return made;
}

/** When the demo's year was planned: the moment of its first report, which never moves. */
export async function anchorOf(s: Services, zhili: TenantRecord): Promise<Date | null> {
  const [row] = await withTenantScope(s.orm, zhili, ACTOR, (scope) =>
    scope.em.execute<{ reported_at: Date }[]>(
      'select reported_at from cases where tenant_id = ? and idempotency_key = ?',
      [zhili.id, ANCHOR_KEY],
    ),
  );
  return row ? new Date(row.reported_at) : null;
}

/**
 * The older months, one story at a time, each numbered as reserved and its notices read (they
 * were read back then). Resumable: a story whose first report exists is skipped, so a start
 * stopped half-way finishes the year on the next start. Stops between stories when `signal` aborts.
 */
export async function loadOlderHistory(
  s: Services,
  ownerUrl: string,
  opts: { signal?: AbortSignal; anchor?: Date; count?: number } = {},
): Promise<number> {
  const [wuxing, zhili] = await s.tenants
    .byCodesForSeed(['wuxing', 'zhili'])
    .then((ts) => ['wuxing', 'zhili'].map((c) => ts.find((t) => t.code === c)));
  if (!wuxing || !zhili) return 0;
  const anchor = opts.anchor ?? (await anchorOf(s, zhili));
  if (!anchor) return 0;
  const year = await planYear(s, zhili, wuxing, anchor, opts.count);
  const { numberOf } = reservedNumbers(year);
  const done = new Set(
    (
      await withTenantScope(s.orm, zhili, ACTOR, (scope) =>
        scope.em.execute<{ key: string }[]>(
          `select idempotency_key as key from cases where tenant_id = ? and idempotency_key like 'demo-history-%'`,
          [zhili.id],
        ),
      )
    ).map((r) => r.key),
  );
  // A town loaded by an earlier version of the demo has no planned stories (and other numbers): left as it is.
  if (!year.stories.some((st) => st.recent && done.has(st.key))) return 0;
  const shifter = await CaseTimeShifter.open(ownerUrl);
  let made = 0;
  try {
    for (const st of year.stories) {
      if (st.recent || done.has(st.key)) continue;
      if (opts.signal?.aborted) break;
      const told = await tellStory(s, year.cast, shifter, st, anchor.getTime() - LIMIT_MS);
      await shifter.assignNumbers(
        told.cases.map((c) => ({
          tenantId: c.tenantId,
          caseId: c.caseId,
          number: numberOf.get(`${st.key}:${c.role}`)!,
        })),
      );
      for (const c of told.cases) await shifter.markRead(c.tenantId, c.caseId);
      made++;
    }
  } finally {
    await shifter.close();
  }
  return made;
}
