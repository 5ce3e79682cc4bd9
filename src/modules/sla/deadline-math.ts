import type { WorkingCalendar } from '../../core/calendar/working-calendar';
import { addDays } from '../../core/calendar/local-date';
import { localParts, zonedToUtc } from '../../core/calendar/zoned-time';
import { parseDuration } from '../../shared/duration';
import { fixedMs, parseOffset, type EscalationLevel, type Target, type WarningPoint } from './sla.policy';

export interface DeadlinePoints {
  dueAt: Date;
  yellowAt: Date;
  redAt: Date;
}

/** End of the start's local day (the last millisecond), in the calendar's zone. */
function endOfLocalDay(start: Date, tz: string): Date {
  const { date } = localParts(start, tz);
  const next = addDays(date, 1);
  return new Date(zonedToUtc(next, '00:00', tz).getTime() - 1);
}

export function dueFor(cal: WorkingCalendar, start: Date, t: Target): Date {
  if (t.mode === 'SAME_DAY') return endOfLocalDay(start, cal.timeZone);
  return cal.deadline(start, t.duration, t.mode);
}

/**
 * A warning point between start and due, counted the way the target is: for a WORKING target a
 * share is of the office hours (half of three working days is a day and a half of office time)
 * and "before" counts back office hours (one hour before a 09:00 due time is 17:00 the working
 * day before, not 08:00 when nobody is in); for other targets both are clock time.
 */
export function pointFor(cal: WorkingCalendar, start: Date, due: Date, mode: Target['mode'], p: WarningPoint): Date {
  if (mode === 'WORKING') {
    const span = cal.workingTimeBetween(start, due);
    const used = p.before ? Math.max(0, span - fixedMs(parseDuration(p.before))) : Math.round(span * (p.share ?? 1));
    return cal.addWorkingTime(start, used);
  }
  if (p.before) return new Date(Math.max(start.getTime(), due.getTime() - fixedMs(parseDuration(p.before))));
  return new Date(start.getTime() + Math.round((due.getTime() - start.getTime()) * (p.share ?? 1)));
}

export function pointsFor(
  cal: WorkingCalendar,
  start: Date,
  dueAt: Date,
  mode: Target['mode'],
  yellow: WarningPoint,
  red: WarningPoint,
): DeadlinePoints {
  const redAt = pointFor(cal, start, dueAt, mode, red);
  const yellowAt = pointFor(cal, start, dueAt, mode, yellow);
  return { dueAt, redAt, yellowAt: yellowAt > redAt ? redAt : yellowAt };
}

/** Escalation level times: each level's offset from the due time (negative: before it). */
export function escalationTimes(dueAt: Date, levels: EscalationLevel[]): Date[] {
  return levels.map((l) => {
    const o = parseOffset(l.offset);
    if (typeof o === 'string') throw new RangeError(o);
    const ms = fixedMs(o.duration);
    return new Date(dueAt.getTime() + (o.negative ? -ms : ms));
  });
}
