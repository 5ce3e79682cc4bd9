import {
  dayCount,
  duration,
  DurationError,
  formatDuration,
  hasCalendarUnits,
  isZeroDuration,
  parseDuration,
  timeMs,
  tryParseDuration,
  ZERO_DURATION,
} from '../duration';

describe('parseDuration', () => {
  it.each([
    ['P1D', { days: 1 }],
    ['PT4H', { hours: 4 }],
    ['PT2S', { seconds: 2 }],
    ['PT30M', { minutes: 30 }],
    ['P1W', { weeks: 1 }],
    ['P3DT4H', { days: 3, hours: 4 }],
    ['P1M', { months: 1 }],
    ['PT1M', { minutes: 1 }],
    ['P1Y2M3W4DT5H6M7S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }],
    ['PT1.5H', { hours: 1.5 }],
    ['PT0,5S', { seconds: 0.5 }],
    ['PT0.001S', { seconds: 0.001 }],
    ['PT0S', {}],
    ['P0D', {}],
  ])('reads %s', (text, parts) => {
    expect(parseDuration(text)).toEqual({ ...ZERO_DURATION, ...parts });
  });

  it('accepts lower-case designators and surrounding blanks, as clerks type them', () => {
    expect(parseDuration(' p3dt4h ')).toEqual(parseDuration('P3DT4H'));
  });

  it('returns a frozen value', () => {
    expect(Object.isFrozen(parseDuration('P1D'))).toBe(true);
  });

  it.each([
    ['', 'starts with "P"'],
    ['3D', 'starts with "P"'],
    ['-P1D', 'must not be signed'],
    ['P', 'at least one unit'],
    ['PT', '"T" must be followed'],
    ['P1DT', '"T" must be followed'],
    ['P1H', 'follow a "T"'],
    ['P1D2Y', 'in the order'],
    ['P1D1D', 'in the order'],
    ['PT1H1H', 'in the order'],
    ['P1.5D', 'only hours, minutes or seconds may have a fraction'],
    ['P0.5W', 'only hours, minutes or seconds may have a fraction'],
    ['PT1.5H30M', 'only the smallest unit'],
    ['PT0.0001S', 'finer than a millisecond'],
    ['P1DX', 'not an ISO 8601 duration'],
    ['PT99999999999999999H', 'too large'],
  ])('refuses %j saying why', (text, why) => {
    expect(() => parseDuration(text)).toThrow(DurationError);
    expect(() => parseDuration(text)).toThrow(why);
  });

  it('names the input in the error so a userError can show it', () => {
    expect(() => parseDuration('P1H')).toThrow('(got "P1H")');
  });

  it('refuses a value that is not a string', () => {
    expect(() => parseDuration(3 as unknown as string)).toThrow(DurationError);
  });
});

describe('tryParseDuration', () => {
  it('returns the value or the message instead of throwing', () => {
    expect(tryParseDuration('PT4H')).toEqual({ ok: true, value: parseDuration('PT4H') });
    expect(tryParseDuration('P1H')).toEqual({ ok: false, message: expect.stringContaining('"T"') });
  });
});

describe('formatDuration', () => {
  it.each(['P1D', 'PT4H', 'PT2S', 'PT30M', 'P1W', 'P3DT4H', 'P1Y2M3W4DT5H6M7S', 'PT1.5H', 'PT0.25S', 'P6M'])(
    'round-trips %s',
    (text) => {
      expect(formatDuration(parseDuration(text))).toBe(text);
    },
  );

  it('writes the canonical form', () => {
    expect(formatDuration(parseDuration('p1dt0h30m'))).toBe('P1DT30M');
    expect(formatDuration(parseDuration('PT0,50S'))).toBe('PT0.5S');
    expect(formatDuration(parseDuration('P0D'))).toBe('PT0S');
    expect(formatDuration(ZERO_DURATION)).toBe('PT0S');
  });
});

describe('duration()', () => {
  it('builds a validated value from parts', () => {
    expect(formatDuration(duration({ days: 3, hours: 4 }))).toBe('P3DT4H');
    expect(() => duration({ days: 1.5 })).toThrow('whole number');
    expect(() => duration({ hours: -1 })).toThrow('non-negative');
    expect(() => duration({ minutes: Number.NaN })).toThrow('non-negative');
  });
});

describe('duration helpers', () => {
  it('splits into calendar units, days and time', () => {
    const d = parseDuration('P1Y2M1W3DT1H30M15.5S');
    expect(hasCalendarUnits(d)).toBe(true);
    expect(hasCalendarUnits(parseDuration('P2W'))).toBe(false);
    expect(dayCount(d)).toBe(10);
    expect(timeMs(d)).toBe(3_600_000 + 1_800_000 + 15_500);
    expect(timeMs(parseDuration('PT0.1H'))).toBe(360_000);
  });

  it('knows a zero duration', () => {
    expect(isZeroDuration(parseDuration('P0D'))).toBe(true);
    expect(isZeroDuration(parseDuration('PT1S'))).toBe(false);
  });
});
