import type { WorkingCalendar } from '../../core/calendar/working-calendar';
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
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return new Date(zonedToUtc(next, '00:00', tz).getTime() - 1);
}

export function dueFor(cal: WorkingCalendar, start: Date, t: Target): Date {
  if (t.mode === 'SAME_DAY') return endOfLocalDay(start, cal.timeZone);
  return cal.deadline(start, t.duration, t.mode);
}

/**
 * A warning point between start and due: a share of the time counts working time for a WORKING
 * target (half of three working days is a day and a half of office hours, not of the clock);
 * "before" counts back from the due time in clock time.
 */
export function pointFor(cal: WorkingCalendar, start: Date, due: Date, mode: Target['mode'], p: WarningPoint): Date {
  if (p.before) return new Date(Math.max(start.getTime(), due.getTime() - fixedMs(parseDuration(p.before))));
  const share = p.share ?? 1;
  if (mode === 'WORKING') return cal.addWorkingTime(start, Math.round(cal.workingTimeBetween(start, due) * share));
  return new Date(start.getTime() + Math.round((due.getTime() - start.getTime()) * share));
}

export function pointsFor(cal: WorkingCalendar, start: Date, dueAt: Date, mode: Target['mode'], yellow: WarningPoint, red: WarningPoint): DeadlinePoints {
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
