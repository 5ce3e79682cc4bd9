/**
 * A tenant's working calendar: official holidays and make-up working days, the tenant's own
 * closed and extra working dates, and its weekly opening hours, in its time zone. Instants are
 * Dates (UTC); every local judgement (which day, which hours) is made in the calendar's zone.
 * The rules are in docs/calendar.md.
 */
import { dayCount, DurationError, hasCalendarUnits, parseDuration, timeMs, type Duration } from '../../shared/duration';
import { normalizeSettings, type CalendarSettings, type NormalizedSettings } from './calendar-config';
import { planDay, type DayDescription, type DayPlan } from './day-plan';
import { chineseHolidays, type HolidayCoverage, type HolidaySource } from './holiday-source';
import {
  addDays,
  addMonths,
  daysFrom,
  fromWallClock,
  isLocalDate,
  localDateOf,
  wallClock,
  type LocalDate,
} from './local-date';

export type DeadlineMode = 'CALENDAR' | 'WORKING';

export interface DeadlineOptions {
  /**
   * CALENDAR mode only: when the due instant falls on a day that is not a working day, move it
   * to the close of the next working day (Civil Code art. 203: a period whose last day is a
   * holiday ends on the day after the holiday, at the close of business).
   */
  endOnWorkingDay?: boolean;
}

/** No SLA spans a century; a walk this long means a calendar or an input gone wrong. */
const MAX_SPAN_DAYS = 36_600;
const PLAN_CACHE_LIMIT = 4_096;

export class WorkingCalendar {
  readonly timeZone: string;
  private readonly settings: NormalizedSettings;
  private readonly plans = new Map<LocalDate, DayPlan>();

  /** Throws CalendarConfigError (with the offending `field`) on invalid settings. */
  constructor(
    settings: CalendarSettings = {},
    private readonly holidays: HolidaySource = chineseHolidays(),
  ) {
    this.settings = normalizeSettings(settings);
    this.timeZone = this.settings.timeZone;
  }

  /** Which years the official holiday data covers; dates outside count as plain weekdays. */
  coverage(): HolidayCoverage {
    return this.holidays.coverage();
  }

  isCovered(date: LocalDate): boolean {
    return this.holidays.coverage().years.includes(Number(checkDate(date).slice(0, 4)));
  }

  /** Years between two instants (local, inclusive) that the official data does not cover, so
   *  a deadline computed across them may miss holidays not yet published. */
  uncoveredYears(from: Date, to: Date): number[] {
    const a = Number(localDateOf(checkInstant(from), this.timeZone).slice(0, 4));
    const b = Number(localDateOf(checkInstant(to), this.timeZone).slice(0, 4));
    const covered = new Set(this.holidays.coverage().years);
    const out: number[] = [];
    for (let y = Math.min(a, b); y <= Math.max(a, b); y++) if (!covered.has(y)) out.push(y);
    return out;
  }

  describeDay(date: LocalDate): DayDescription {
    const { minutes: _m, intervals: _i, ...description } = this.plan(checkDate(date));
    return description;
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.plan(checkDate(date)).working;
  }

  /** Whether the instant lies inside an opening period (periods are [start, end)). */
  isWorkingTime(at: Date): boolean {
    const t = checkInstant(at).getTime();
    return this.plan(localDateOf(at, this.timeZone)).intervals.some(([s, e]) => s <= t && t < e);
  }

  /** `at` itself when inside working time, else the next opening. */
  nextWorkingInstant(at: Date): Date {
    const t = checkInstant(at).getTime();
    let date = localDateOf(at, this.timeZone);
    for (let i = 0; i <= MAX_SPAN_DAYS; i++, date = addDays(date, 1)) {
      for (const [s, e] of this.plan(date).intervals) if (e > t) return new Date(Math.max(s, t));
    }
    throw spanError();
  }

  /**
   * The instant by which `amount` of working time has elapsed after `start`; time outside the
   * opening periods does not count, so a start outside them effectively begins at the next
   * opening. An amount that ends exactly at a closing time returns that closing time. Zero
   * returns `start` unchanged. `amount` is milliseconds or a Duration of hours, minutes and
   * seconds only (working days are addWorkingDays' business).
   */
  addWorkingTime(start: Date, amount: Duration | number): Date {
    let remaining = workingMs(amount);
    let t = checkInstant(start).getTime();
    if (remaining === 0) return new Date(t);
    let date = localDateOf(start, this.timeZone);
    for (let i = 0; i <= MAX_SPAN_DAYS; i++, date = addDays(date, 1)) {
      const day = this.plan(date);
      if (!day.working) continue;
      if (t <= day.intervals[0]![0] && remaining > day.workingMs) {
        remaining -= day.workingMs;
        continue;
      }
      for (const [s, e] of day.intervals) {
        if (e <= t) continue;
        const from = Math.max(s, t);
        if (remaining <= e - from) return new Date(from + remaining);
        remaining -= e - from;
        t = e;
      }
    }
    throw spanError();
  }

  /**
   * n working days after `start`, the way a clerk counts them:
   * - a start outside working time counts from the next opening;
   * - a start at the first opening of a working day has that whole day ahead, so it is due at
   *   the close of the nth working day counting that day as the first (Friday 18:00 or
   *   Monday 08:30 plus 3 → Wednesday 17:30);
   * - otherwise it is due at the same local time of day on the nth working day after the
   *   start's day (Friday 16:00 plus 3 → Wednesday 16:00), moved back to that day's latest
   *   closing time before it if the day's hours do not include that time, or to its opening
   *   if the day opens later.
   * n = 0 returns `start` unchanged.
   */
  addWorkingDays(start: Date, n: number): Date {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    checkInstant(start);
    if (n === 0) return new Date(start.getTime());
    const from = this.nextWorkingInstant(start);
    const { date, msOfDay } = wallClock(from, this.timeZone);
    const first = this.plan(date);
    if (from.getTime() === first.intervals[0]![0]) {
      const last = this.plan(this.nthWorkingDayAfter(date, n - 1));
      return new Date(last.intervals.at(-1)![1]);
    }
    const target = this.plan(this.nthWorkingDayAfter(date, n));
    let due: number | undefined;
    for (const p of target.minutes) {
      if (msOfDay >= p.start * 60_000 && msOfDay <= p.end * 60_000) {
        due = msOfDay;
        break;
      }
      if (p.end * 60_000 <= msOfDay) due = p.end * 60_000;
    }
    return fromWallClock(target.date, due ?? target.minutes[0]!.start * 60_000, this.timeZone);
  }

  /**
   * Working milliseconds between two instants: the time inside opening periods. Negative when
   * `to` is before `from`. workingTimeBetween(s, addWorkingTime(s, d)) === d.
   */
  workingTimeBetween(from: Date, to: Date): number {
    const a = checkInstant(from).getTime();
    const b = checkInstant(to).getTime();
    if (b < a) return 0 - this.workingTimeBetween(to, from);
    let date = localDateOf(from, this.timeZone);
    const lastDate = localDateOf(to, this.timeZone);
    if (daysFrom(date, lastDate) > MAX_SPAN_DAYS) throw spanError();
    let sum = 0;
    for (; date <= lastDate; date = addDays(date, 1)) {
      const day = this.plan(date);
      if (!day.working) continue;
      if (a <= day.intervals[0]![0] && b >= day.intervals.at(-1)![1]) {
        sum += day.workingMs;
        continue;
      }
      for (const [s, e] of day.intervals) sum += Math.max(0, Math.min(e, b) - Math.max(s, a));
    }
    return sum;
  }

  /**
   * When a target of `duration` started at `start` falls due.
   * - CALENDAR: years and months to the corresponding day (Civil Code art. 202: Jan 31 + P1M is
   *   the last day of February), then weeks and days as local calendar days at the same wall
   *   clock time, then hours, minutes and seconds as elapsed time.
   * - WORKING: days are working days (addWorkingDays), then hours, minutes and seconds are
   *   working time (addWorkingTime). Weeks, months and years are refused: whether a week is
   *   five, six or seven working days is a policy the target should state as days.
   */
  deadline(start: Date, target: Duration | string, mode: DeadlineMode, options: DeadlineOptions = {}): Date {
    checkInstant(start);
    const d = typeof target === 'string' ? parseDuration(target) : target;
    if (mode === 'WORKING') {
      if (hasCalendarUnits(d) || d.weeks > 0) {
        throw new DurationError(
          'weeks, months and years are not counted in working time; state working days (P5D) or use calendar time',
        );
      }
      const afterDays = this.addWorkingDays(start, d.days);
      return this.addWorkingTime(afterDays, timeMs(d));
    }
    if (mode !== 'CALENDAR') throw new RangeError(`unknown deadline mode ${String(mode)}`);

    let due = start;
    const months = d.years * 12 + d.months;
    const days = dayCount(d);
    if (months > 0 || days > 0) {
      const wall = wallClock(start, this.timeZone);
      due = fromWallClock(addDays(addMonths(wall.date, months), days), wall.msOfDay, this.timeZone);
    }
    due = new Date(due.getTime() + timeMs(d));
    if (options.endOnWorkingDay) {
      const dueDate = localDateOf(due, this.timeZone);
      if (!this.plan(dueDate).working) {
        return new Date(this.plan(this.nthWorkingDayAfter(dueDate, 1)).intervals.at(-1)![1]);
      }
    }
    return due;
  }

  private nthWorkingDayAfter(date: LocalDate, n: number): LocalDate {
    let d = date;
    for (let i = 0, left = n; left > 0;) {
      d = addDays(d, 1);
      if (this.plan(d).working) left--;
      if (++i > MAX_SPAN_DAYS) throw spanError();
    }
    return d;
  }

  private plan(date: LocalDate): DayPlan {
    let p = this.plans.get(date);
    if (!p) {
      if (this.plans.size >= PLAN_CACHE_LIMIT) this.plans.clear();
      p = planDay(date, this.settings, this.holidays);
      this.plans.set(date, p);
    }
    return p;
  }
}

function workingMs(amount: Duration | number): number {
  if (typeof amount === 'number') {
    if (!Number.isSafeInteger(amount) || amount < 0)
      throw new RangeError(`working time must be whole milliseconds ≥ 0, got ${amount}`);
    return amount;
  }
  if (hasCalendarUnits(amount) || dayCount(amount) > 0) {
    throw new DurationError(
      'addWorkingTime counts hours, minutes and seconds; use addWorkingDays or deadline() for days',
    );
  }
  return timeMs(amount);
}

function checkDate(date: LocalDate): LocalDate {
  if (!isLocalDate(date)) throw new RangeError(`"${String(date)}" is not a date YYYY-MM-DD`);
  return date;
}

function checkInstant(at: Date): Date {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new RangeError('not a valid Date');
  return at;
}

function spanError(): RangeError {
  return new RangeError(`the calendar walk exceeded ${MAX_SPAN_DAYS} days; check the inputs`);
}
