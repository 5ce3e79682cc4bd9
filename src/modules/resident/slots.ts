import { localParts } from '../../core/calendar/zoned-time';
import type { OpeningPeriod } from '../org-unit/org-unit.entity';

export interface Interval {
  from: Date;
  to: Date;
}

export interface SlotRules {
  /** the mediator's unit's opening hours (local); empty means "not configured" */
  openingHours: OpeningPeriod[];
  /** roster shifts the mediator is assigned to */
  shifts: Interval[];
  /** sessions already booked */
  busy: Interval[];
  timeZone: string;
}

const HOUR = 3_600_000;
/** Without configured opening hours a slot is offered only in ordinary office hours. */
const DEFAULT_HOURS = { opens: '08:30', closes: '17:30' };

function openThroughout(hours: OpeningPeriod[], from: Date, to: Date, tz: string): boolean {
  const a = localParts(from, tz);
  const b = localParts(new Date(to.getTime() - 60_000), tz);
  if (a.date !== b.date) return false;
  if (!hours.length) return a.weekday <= 5 && DEFAULT_HOURS.opens <= a.time && b.time < DEFAULT_HOURS.closes;
  return hours.some((p) => p.weekday === a.weekday && p.opens <= a.time && b.time < p.closes);
}

const overlaps = (x: Interval, from: Date, to: Date) => x.from < to && x.to > from;
const covers = (x: Interval, from: Date, to: Date) => x.from <= from && x.to >= to;

/**
 * The next free hour-long slots of one mediator: on the hour, starting at least `leadMs` from
 * now, within `days`, where the mediator is present (a roster shift covers the slot, or their
 * unit is open throughout it) and no booked session overlaps.
 */
export function freeSlots(
  rules: SlotRules,
  now: Date,
  opts: { count: number; days: number; leadMs: number },
): Interval[] {
  const out: Interval[] = [];
  let at = new Date(Math.ceil((now.getTime() + opts.leadMs) / HOUR) * HOUR);
  const end = now.getTime() + opts.days * 24 * HOUR;
  for (; at.getTime() < end && out.length < opts.count; at = new Date(at.getTime() + HOUR)) {
    const to = new Date(at.getTime() + HOUR);
    const present =
      rules.shifts.some((s) => covers(s, at, to)) || openThroughout(rules.openingHours, at, to, rules.timeZone);
    if (present && !rules.busy.some((b) => overlaps(b, at, to))) out.push({ from: at, to });
  }
  return out;
}
