/**
 * What one local date looks like for a tenant: working or not, why, and its opening periods
 * as UTC instants. The calendar's operations walk these day by day, so a span of months costs
 * one plan per day, each computed once and cached.
 */
import type { IsoWeekday, MinutePeriod, NormalizedSettings, WorkingPeriod } from './calendar-config';
import type { HolidaySource, OfficialDay } from './holiday-source';
import { fromWallClock, minutesToClock, type LocalDate } from './local-date';
import { isoWeekday, zoneOffsetMs } from './zoned-time';

/** Why a day is or is not a working day, first matching rule wins. */
export type DayReason =
  | 'TENANT_CLOSED' // overrides.closedDates
  | 'TENANT_WORKING' // overrides.workingDates
  | 'PUBLIC_HOLIDAY' // official holiday (放假)
  | 'MAKEUP_WORKDAY' // official make-up working day (调休上班)
  | 'WEEKLY_HOURS' // ordinary day, its weekday has hours
  | 'WEEKLY_CLOSED'; // ordinary day, its weekday has none

export interface DayDescription {
  date: LocalDate;
  weekday: IsoWeekday;
  working: boolean;
  reason: DayReason;
  /** What the official calendar says about the date, also when a tenant override wins. */
  official?: OfficialDay;
  /** Whether the official calendar covers the date's year; if not, it was read as a plain weekday. */
  covered: boolean;
  /** Local opening periods; empty on a closed day. */
  periods: readonly WorkingPeriod[];
  workingMs: number;
}

export interface DayPlan extends DayDescription {
  minutes: readonly MinutePeriod[];
  /** Opening periods as [start, end) epoch milliseconds, ascending. */
  intervals: readonly (readonly [number, number])[];
}

export function planDay(date: LocalDate, settings: NormalizedSettings, holidays: HolidaySource): DayPlan {
  const weekday = isoWeekday(date) as IsoWeekday;
  const official = holidays.lookup(date);
  const covered = holidays.coverage().years.includes(Number(date.slice(0, 4)));
  const weekly = settings.week[weekday]!;

  let reason: DayReason;
  if (settings.closed.has(date)) reason = 'TENANT_CLOSED';
  else if (settings.working.has(date)) reason = 'TENANT_WORKING';
  else if (official?.kind === 'HOLIDAY') reason = 'PUBLIC_HOLIDAY';
  else if (official?.kind === 'MAKEUP_WORKDAY') reason = 'MAKEUP_WORKDAY';
  else reason = weekly.length > 0 ? 'WEEKLY_HOURS' : 'WEEKLY_CLOSED';

  const working = reason === 'TENANT_WORKING' || reason === 'MAKEUP_WORKDAY' || reason === 'WEEKLY_HOURS';
  const minutes = !working ? [] : weekly.length > 0 ? weekly : settings.fallbackDay;

  const instant = instantOnDate(date, settings.timeZone);
  const intervals: [number, number][] = [];
  for (const p of minutes) {
    // Across a daylight-saving change a wall-clock period can shrink or vanish; keep what exists.
    const s = Math.max(instant(p.start), intervals.at(-1)?.[1] ?? -Infinity);
    const e = instant(p.end);
    if (e > s) intervals.push([s, e]);
  }
  return {
    date,
    weekday,
    working: working && intervals.length > 0,
    reason,
    ...(official ? { official } : {}),
    covered,
    periods: minutes.map((p) => ({ start: minutesToClock(p.start), end: minutesToClock(p.end) })),
    workingMs: intervals.reduce((sum, [s, e]) => sum + (e - s), 0),
    minutes,
    intervals,
  };
}

/**
 * Minutes after local midnight on `date` → epoch ms. Most days have one offset throughout (in
 * Asia/Shanghai every day), and then one offset lookup serves every period; only a day with a
 * change in it resolves each time on its own. The probes sit outside the local day for any
 * offset from −12 h to +14 h, and no zone changes its offset twice within those 54 hours.
 */
function instantOnDate(date: LocalDate, tz: string): (minute: number) => number {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const before = zoneOffsetMs(new Date(midnightUtc - 15 * 3_600_000), tz);
  const after = zoneOffsetMs(new Date(midnightUtc + 39 * 3_600_000), tz);
  if (before === after) return (minute) => midnightUtc + minute * 60_000 - before;
  return (minute) => fromWallClock(date, minute * 60_000, tz).getTime();
}
