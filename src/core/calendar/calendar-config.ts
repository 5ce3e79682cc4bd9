/**
 * A tenant's calendar settings as stored (plain JSON), and their validation into the form the
 * calendar computes with. Errors name the offending field so a mutation can return them as
 * userErrors.
 */
import { clockToMinutes, isLocalDate, type LocalDate } from './local-date';

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A local opening period, "08:30" to "12:00"; the end may be "24:00". */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** Periods per ISO weekday (1 = Monday); a weekday that is absent or empty is closed. */
export type WorkingHours = Partial<Record<IsoWeekday, readonly WorkingPeriod[]>>;

export interface CalendarOverrides {
  /** Dates the center is closed although the official calendar says work (e.g. a local holiday). */
  closedDates?: readonly LocalDate[];
  /** Dates the center works although the official calendar says rest (e.g. an on-duty Sunday). */
  workingDates?: readonly LocalDate[];
}

export interface CalendarSettings {
  /** IANA zone the working hours are read in; default Asia/Shanghai. */
  timeZone?: string;
  /** Replaces the default week entirely when given. */
  workingHours?: WorkingHours;
  overrides?: CalendarOverrides;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const GOVERNMENT_DAY: readonly WorkingPeriod[] = Object.freeze([
  Object.freeze({ start: '08:30', end: '12:00' }),
  Object.freeze({ start: '14:00', end: '17:30' }),
]);

/** Mon–Fri 08:30–12:00 and 14:00–17:30, the usual hours of a county government office. */
export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({
  1: GOVERNMENT_DAY,
  2: GOVERNMENT_DAY,
  3: GOVERNMENT_DAY,
  4: GOVERNMENT_DAY,
  5: GOVERNMENT_DAY,
});

export class CalendarConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'CalendarConfigError';
  }
}

/** A period as minutes after local midnight, [start, end). */
export interface MinutePeriod {
  start: number;
  end: number;
}

export interface NormalizedSettings {
  timeZone: string;
  /** Index 1–7; index 0 unused. */
  week: readonly (readonly MinutePeriod[])[];
  /** Hours for a day that works although its weekday has none (make-up Saturday, extra day). */
  fallbackDay: readonly MinutePeriod[];
  closed: ReadonlySet<LocalDate>;
  working: ReadonlySet<LocalDate>;
}

export function normalizeSettings(settings: CalendarSettings): NormalizedSettings {
  const timeZone = settings.timeZone ?? DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new CalendarConfigError('timeZone', `"${timeZone}" is not an IANA time zone`);
  }

  const hours = settings.workingHours ?? DEFAULT_WORKING_HOURS;
  if (typeof hours !== 'object' || hours === null)
    throw new CalendarConfigError('workingHours', 'must map ISO weekdays 1–7 to lists of periods');
  for (const key of Object.keys(hours)) {
    if (!/^[1-7]$/.test(key))
      throw new CalendarConfigError(`workingHours.${key}`, 'weekdays are 1 (Monday) to 7 (Sunday)');
  }
  const week: MinutePeriod[][] = [[]];
  for (let wd = 1; wd <= 7; wd++) week.push(normalizeDay(hours[wd as IsoWeekday] ?? [], `workingHours.${wd}`));

  // Monday to Friday first: a make-up Saturday works as an ordinary weekday does.
  const fallbackDay = [1, 2, 3, 4, 5, 6, 7].map((wd) => week[wd]!).find((p) => p.length > 0);
  if (!fallbackDay)
    throw new CalendarConfigError(
      'workingHours',
      'no weekday has any working period, so no deadline could ever fall due',
    );

  const closed = dateSet(settings.overrides?.closedDates, 'overrides.closedDates');
  const working = dateSet(settings.overrides?.workingDates, 'overrides.workingDates');
  for (const d of closed) {
    if (working.has(d)) throw new CalendarConfigError('overrides', `${d} is both a closed date and a working date`);
  }
  return { timeZone, week, fallbackDay, closed, working };
}

function normalizeDay(periods: readonly WorkingPeriod[], field: string): MinutePeriod[] {
  if (!Array.isArray(periods)) throw new CalendarConfigError(field, 'must be a list of { start, end } periods');
  const out = periods.map((p, i) => {
    const start = clockToMinutes(p?.start);
    const end = clockToMinutes(p?.end);
    if (start === undefined || start === 1440)
      throw new CalendarConfigError(`${field}[${i}].start`, `"${p?.start}" is not a time HH:MM`);
    if (end === undefined)
      throw new CalendarConfigError(`${field}[${i}].end`, `"${p?.end}" is not a time HH:MM (or 24:00)`);
    if (end <= start)
      throw new CalendarConfigError(
        `${field}[${i}]`,
        `ends (${p.end}) before it starts (${p.start}); a night shift is two periods on two weekdays`,
      );
    return { start, end };
  });
  out.sort((a, b) => a.start - b.start);
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.start < out[i - 1]!.end) throw new CalendarConfigError(field, 'periods overlap');
  }
  return out;
}

function dateSet(dates: readonly LocalDate[] | undefined, field: string): Set<LocalDate> {
  if (dates === undefined) return new Set();
  if (!Array.isArray(dates)) throw new CalendarConfigError(field, 'must be a list of YYYY-MM-DD dates');
  dates.forEach((d, i) => {
    if (!isLocalDate(d)) throw new CalendarConfigError(`${field}[${i}]`, `"${d}" is not a date YYYY-MM-DD`);
  });
  return new Set(dates);
}
