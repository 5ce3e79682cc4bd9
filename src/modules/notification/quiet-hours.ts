import { localParts, zonedToUtc } from '../../core/calendar/zoned-time';
import { addDays } from '../../core/calendar/local-date';
import { HHMM_RE } from '../../shared/patterns';

// Re-exported: settings and tests validate quiet hours with the same pattern.
export { HHMM_RE };

export interface QuietHours {
  enabled: boolean;
  /** local "HH:MM", inclusive */
  start: string;
  /** local "HH:MM", exclusive: the moment deferred notifications are delivered */
  end: string;
}

/**
 * When a notification raised at `at` reaches its recipient. Inside quiet hours (local wall clock
 * in `timeZone`) a non-urgent one waits for the end of them; urgent ones, and everything outside
 * quiet hours, are delivered at once. A start later than the end spans midnight (22:00–07:30);
 * equal start and end mean no quiet hours.
 */
export function deliverAt(at: Date, quiet: QuietHours, timeZone: string, urgent = false): Date {
  if (urgent || !quiet.enabled || quiet.start === quiet.end) return at;
  const { date, time } = localParts(at, timeZone);
  if (quiet.start < quiet.end) {
    return time >= quiet.start && time < quiet.end ? zonedToUtc(date, quiet.end, timeZone) : at;
  }
  if (time >= quiet.start) return zonedToUtc(addDays(date, 1), quiet.end, timeZone);
  if (time < quiet.end) return zonedToUtc(date, quiet.end, timeZone);
  return at;
}
