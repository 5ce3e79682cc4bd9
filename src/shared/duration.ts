/**
 * ISO 8601 durations for SLA targets ("P3D", "PT4H", "P1DT4H", "P1W", "P6M").
 *
 * Decisions, because ISO 8601 leaves them open or because SLAs need them pinned down:
 * - Years and months are accepted and kept as written. They are meaningful only in calendar
 *   time, where the working calendar applies Civil Code art. 202 (the corresponding day of the
 *   target month, or its last day when there is none); counting in working time refuses them.
 * - Weeks may be combined with other units ("P1W2D"), as ECMAScript Temporal allows.
 * - Only hours, minutes and seconds may carry a fraction ("PT1.5H"), only the smallest unit
 *   written, and only down to whole milliseconds. A fractional day has no agreed meaning in
 *   working time; say "PT12H".
 * - Negative durations are refused: a target counts forward from a start.
 * - Designators may be lower case on input; formatting always writes the canonical form.
 */

export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

export class DurationError extends RangeError {
  constructor(
    message: string,
    readonly input?: string,
  ) {
    super(input === undefined ? message : `${message} (got "${input}")`);
    this.name = 'DurationError';
  }
}

const UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
type Unit = (typeof UNITS)[number];
const FRACTIONAL: ReadonlySet<Unit> = new Set(['hours', 'minutes', 'seconds']);
const MS: Partial<Record<Unit, number>> = { hours: 3_600_000, minutes: 60_000, seconds: 1_000 };

export const ZERO_DURATION: Duration = Object.freeze({
  years: 0,
  months: 0,
  weeks: 0,
  days: 0,
  hours: 0,
  minutes: 0,
  seconds: 0,
});

const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const PATTERN = new RegExp(
  `^P(?:${NUM}Y)?(?:${NUM}M)?(?:${NUM}W)?(?:${NUM}D)?(?:(T)(?:${NUM}H)?(?:${NUM}M)?(?:${NUM}S)?)?$`,
);

export function parseDuration(text: string): Duration {
  if (typeof text !== 'string')
    throw new DurationError('a duration must be an ISO 8601 string such as "P3D" or "PT4H"');
  const input = text.trim().toUpperCase();
  if (input.startsWith('-') || input.startsWith('+'))
    throw new DurationError('a duration must not be signed; SLA targets count forward', text);
  if (!input.startsWith('P')) throw new DurationError('a duration starts with "P", e.g. "P3D" or "PT4H"', text);
  const m = PATTERN.exec(input);
  if (!m) {
    if (/^P[^T]*\d+(?:[.,]\d+)?[HS]/.test(input))
      throw new DurationError('hours, minutes and seconds follow a "T": "PT4H", "P1DT30M"', text);
    throw new DurationError(
      'not an ISO 8601 duration: units must appear once each, in the order Y M W D T H M S',
      text,
    );
  }
  const raw: Record<Unit, string | undefined> = {
    years: m[1],
    months: m[2],
    weeks: m[3],
    days: m[4],
    hours: m[6],
    minutes: m[7],
    seconds: m[8],
  };
  if (m[5] && !(raw.hours ?? raw.minutes ?? raw.seconds))
    throw new DurationError('"T" must be followed by hours, minutes or seconds', text);
  const written = UNITS.filter((u) => raw[u] !== undefined);
  if (written.length === 0) throw new DurationError('a duration needs at least one unit: "P3D", "PT0S"', text);

  const parts: Record<Unit, number> = { ...ZERO_DURATION };
  for (const u of written) {
    const s = raw[u]!.replace(',', '.');
    if (s.includes('.')) {
      if (!FRACTIONAL.has(u))
        throw new DurationError(
          `only hours, minutes or seconds may have a fraction; write ${u} as whole numbers (e.g. "PT12H" for half a day)`,
          text,
        );
      if (u !== written[written.length - 1])
        throw new DurationError('only the smallest unit written may have a fraction', text);
    }
    parts[u] = Number(s);
  }
  return checked(parts, text);
}

/** parseDuration as a value, for inputs that come from users and become userErrors. */
export function tryParseDuration(text: string): { ok: true; value: Duration } | { ok: false; message: string } {
  try {
    return { ok: true, value: parseDuration(text) };
  } catch (e) {
    if (e instanceof DurationError) return { ok: false, message: e.message };
    throw e;
  }
}

/** A duration from parts, validated as parseDuration validates text. */
export function duration(parts: Partial<Duration>): Duration {
  return checked({ ...ZERO_DURATION, ...parts });
}

export function formatDuration(d: Duration): string {
  const date = `${d.years ? `${d.years}Y` : ''}${d.months ? `${d.months}M` : ''}${d.weeks ? `${d.weeks}W` : ''}${d.days ? `${d.days}D` : ''}`;
  const time = `${d.hours ? `${d.hours}H` : ''}${d.minutes ? `${d.minutes}M` : ''}${d.seconds ? `${d.seconds}S` : ''}`;
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}

export function isZeroDuration(d: Duration): boolean {
  return UNITS.every((u) => d[u] === 0);
}

/** Years or months: lengths that depend on where in the calendar they start. */
export function hasCalendarUnits(d: Duration): boolean {
  return d.years > 0 || d.months > 0;
}

/** Weeks and days as a count of days. */
export function dayCount(d: Duration): number {
  return d.weeks * 7 + d.days;
}

/** Hours, minutes and seconds in milliseconds (the day and larger units are not included). */
export function timeMs(d: Duration): number {
  return Math.round(d.hours * 3_600_000 + d.minutes * 60_000 + d.seconds * 1_000);
}

function checked(parts: Record<Unit, number>, text?: string): Duration {
  for (const u of UNITS) {
    const v = parts[u];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new DurationError(`${u} must be a non-negative number`, text);
    if (!FRACTIONAL.has(u) && !Number.isInteger(v)) throw new DurationError(`${u} must be a whole number`, text);
    if (v > Number.MAX_SAFE_INTEGER) throw new DurationError(`${u} is too large`, text);
    const ms = v * (MS[u] ?? 0);
    if (MS[u] && Math.abs(ms - Math.round(ms)) > 1e-6)
      throw new DurationError(`${u} is finer than a millisecond`, text);
  }
  if (!Number.isSafeInteger(timeMs(parts))) throw new DurationError('the time part is too large', text);
  return Object.freeze({ ...parts });
}
