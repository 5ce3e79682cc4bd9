/**
 * Calendar dates ("YYYY-MM-DD") and wall-clock times of day in a zone, on top of zoned-time.
 * Dates are plain strings so they compare, key maps and store in JSON without a time zone
 * sneaking in; the arithmetic goes through UTC midnights, where every day has 24 hours.
 */
import { zonedToUtc, zoneOffsetMs } from './zoned-time';
import { HHMM_RE } from '../../shared/patterns';

/** A calendar date, YYYY-MM-DD, with no time zone attached. */
export type LocalDate = string;

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(s: unknown): s is LocalDate {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === s;
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Months later, on the corresponding day of the target month or on its last day when it has no
 * such day (Civil Code art. 202): 2026-01-31 plus one month is 2026-02-28.
 */
export function addMonths(date: LocalDate, n: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** Whole days from a to b (negative when b is earlier). */
export function daysFrom(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** "HH:MM" to minutes after midnight; "24:00" is allowed as an end of day. */
export function clockToMinutes(s: string): number | undefined {
  if (s === '24:00') return 1440;
  const m = HHMM_RE.exec(s);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

export function minutesToClock(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

/** The wall clock in `tz` at an instant, to the millisecond. */
export interface WallClock {
  date: LocalDate;
  /** Milliseconds since local midnight as the wall clock shows it. */
  msOfDay: number;
}

export function wallClock(at: Date, tz: string): WallClock {
  const wall = at.getTime() + zoneOffsetMs(at, tz);
  const msOfDay = ((wall % DAY_MS) + DAY_MS) % DAY_MS;
  return { date: new Date(wall - msOfDay).toISOString().slice(0, 10), msOfDay };
}

export function localDateOf(at: Date, tz: string): LocalDate {
  return wallClock(at, tz).date;
}

/**
 * The instant the wall clock in `tz` shows `msOfDay` on `date`. Offsets change on whole
 * minutes, so resolving the minute through zonedToUtc and adding the rest is exact.
 */
export function fromWallClock(date: LocalDate, msOfDay: number, tz: string): Date {
  const minute = Math.floor(msOfDay / 60_000);
  const day = minute >= 1440 ? addDays(date, Math.floor(minute / 1440)) : date;
  const base = zonedToUtc(day, minutesToClock(minute % 1440), tz);
  return new Date(base.getTime() + (msOfDay - minute * 60_000));
}
