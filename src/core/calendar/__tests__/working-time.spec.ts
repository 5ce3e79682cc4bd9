import { parseDuration } from '../../../shared/duration';
import { WorkingCalendar } from '../working-calendar';
import { at, HOUR, MINUTE, prng, wall } from './helpers';

const cal = new WorkingCalendar(); // Asia/Shanghai, Mon–Fri 08:30–12:00 and 14:00–17:30

describe('working time inside a day', () => {
  it('counts straight through an opening period', () => {
    expect(wall(cal.addWorkingTime(at('2026-11-23 09:00'), HOUR))).toBe('2026-11-23 10:00');
  });

  it('skips the lunch break', () => {
    expect(wall(cal.addWorkingTime(at('2026-11-23 11:30'), HOUR))).toBe('2026-11-23 14:30');
  });

  it('skips the night', () => {
    expect(wall(cal.addWorkingTime(at('2026-11-23 17:00'), HOUR))).toBe('2026-11-24 09:00');
  });

  it('skips the weekend', () => {
    expect(wall(cal.addWorkingTime(at('2026-11-27 17:00'), HOUR))).toBe('2026-11-30 09:00');
  });

  it('ends at the closing time when the time runs out exactly there, not at the next opening', () => {
    expect(wall(cal.addWorkingTime(at('2026-11-23 16:30'), HOUR))).toBe('2026-11-23 17:30');
    expect(wall(cal.addWorkingTime(at('2026-11-23 08:30'), 7 * HOUR))).toBe('2026-11-23 17:30');
    expect(wall(cal.addWorkingTime(at('2026-11-23 08:30'), 3.5 * HOUR))).toBe('2026-11-23 12:00');
  });

  it('takes a Duration of hours, minutes and seconds', () => {
    expect(wall(cal.addWorkingTime(at('2026-11-23 11:59'), parseDuration('PT1M30S')))).toBe('2026-11-23 14:00:30');
    expect(wall(cal.addWorkingTime(at('2026-11-23 09:00'), parseDuration('PT1.5H')))).toBe('2026-11-23 10:30');
  });

  it('returns the start unchanged for zero', () => {
    const sunday = at('2026-11-22 10:00');
    expect(cal.addWorkingTime(sunday, 0)).toEqual(sunday);
    expect(cal.addWorkingTime(sunday, parseDuration('PT0S'))).toEqual(sunday);
  });

  it('refuses days in a working-time amount, negative amounts and invalid dates', () => {
    expect(() => cal.addWorkingTime(at('2026-11-23 09:00'), parseDuration('P1D'))).toThrow('addWorkingDays');
    expect(() => cal.addWorkingTime(at('2026-11-23 09:00'), -1)).toThrow('≥ 0');
    expect(() => cal.addWorkingTime(at('2026-11-23 09:00'), 1.5)).toThrow('whole milliseconds');
    expect(() => cal.addWorkingTime(new Date(Number.NaN), 1)).toThrow('not a valid Date');
  });
});

describe('a start outside working time begins at the next opening', () => {
  it.each([
    ['early morning', '2026-11-23 07:00', '2026-11-23 09:30'],
    ['at the morning opening', '2026-11-23 08:30', '2026-11-23 09:30'],
    ['lunch', '2026-11-23 12:40', '2026-11-23 15:00'],
    ['at the morning close', '2026-11-23 12:00', '2026-11-23 15:00'],
    ['evening', '2026-11-23 21:15', '2026-11-24 09:30'],
    ['after midnight', '2026-11-24 00:10', '2026-11-24 09:30'],
    ['Saturday', '2026-11-28 10:00', '2026-11-30 09:30'],
  ])('%s', (_label, start, due) => {
    expect(wall(cal.addWorkingTime(at(start), HOUR))).toBe(due);
  });

  it('nextWorkingInstant is the instant itself inside working time and the next opening outside', () => {
    expect(wall(cal.nextWorkingInstant(at('2026-11-23 10:17')))).toBe('2026-11-23 10:17');
    expect(wall(cal.nextWorkingInstant(at('2026-11-23 12:00')))).toBe('2026-11-23 14:00');
    expect(wall(cal.nextWorkingInstant(at('2026-11-23 17:30')))).toBe('2026-11-24 08:30');
    expect(wall(cal.nextWorkingInstant(at('2026-11-27 18:00')))).toBe('2026-11-30 08:30');
    expect(wall(cal.nextWorkingInstant(at('2026-09-30 18:00')))).toBe('2026-10-08 08:30');
  });

  it('isWorkingTime treats periods as [opening, closing)', () => {
    expect(cal.isWorkingTime(at('2026-11-23 08:30'))).toBe(true);
    expect(cal.isWorkingTime(at('2026-11-23 11:59:59'))).toBe(true);
    expect(cal.isWorkingTime(at('2026-11-23 12:00'))).toBe(false);
    expect(cal.isWorkingTime(at('2026-11-23 13:00'))).toBe(false);
    expect(cal.isWorkingTime(at('2026-11-28 10:00'))).toBe(false);
    expect(cal.isWorkingTime(at('2026-02-14 10:00'))).toBe(true); // make-up Saturday
  });
});

describe('working time across holidays', () => {
  it('counts the make-up Saturday before Spring Festival', () => {
    expect(wall(cal.addWorkingTime(at('2026-02-13 16:00'), 4 * HOUR))).toBe('2026-02-14 11:00');
  });

  it('skips the whole Spring Festival holiday', () => {
    expect(wall(cal.addWorkingTime(at('2026-02-14 16:00'), 2 * HOUR))).toBe('2026-02-24 09:00');
  });

  it('skips National Day and counts the make-up Saturday after it', () => {
    // Sep 30 16:00: 1.5 h that day; Oct 8 and Oct 9: 14 h; then Saturday Oct 10 (make-up).
    expect(wall(cal.addWorkingTime(at('2026-09-30 16:00'), 17 * HOUR))).toBe('2026-10-10 10:00');
  });

  it('counts 7 working days between Spring Festival’s first make-up day and its last', () => {
    // Feb 13 (Fri), 14 (make-up Sat), 24, 25, 26, 27 and 28 (make-up Sat).
    expect(cal.workingTimeBetween(at('2026-02-13 00:00'), at('2026-03-01 00:00'))).toBe(7 * 7 * HOUR);
  });
});

describe('workingTimeBetween', () => {
  it('counts only time inside opening periods', () => {
    expect(cal.workingTimeBetween(at('2026-11-23 11:00'), at('2026-11-23 15:00'))).toBe(2 * HOUR);
    expect(cal.workingTimeBetween(at('2026-11-23 12:10'), at('2026-11-23 13:50'))).toBe(0);
    expect(cal.workingTimeBetween(at('2026-11-27 17:00'), at('2026-11-30 09:00'))).toBe(HOUR);
    expect(cal.workingTimeBetween(at('2026-11-23 10:00'), at('2026-11-23 10:00'))).toBe(0);
  });

  it('is negative when the end is before the start', () => {
    expect(cal.workingTimeBetween(at('2026-11-23 15:00'), at('2026-11-23 11:00'))).toBe(-2 * HOUR);
  });

  it('gives the share of a target used so far, for warning points', () => {
    const start = at('2026-09-30 16:00');
    const due = cal.deadline(start, 'P3D', 'WORKING');
    const now = at('2026-10-08 17:30');
    expect(wall(due)).toBe('2026-10-10 16:00');
    expect(cal.workingTimeBetween(start, now) / cal.workingTimeBetween(start, due)).toBeCloseTo((1.5 + 7) / 21, 10);
  });
});

describe('properties over random starts and amounts', () => {
  const berlin = new WorkingCalendar({
    timeZone: 'Europe/Berlin',
    workingHours: {
      1: [{ start: '09:00', end: '17:00' }],
      2: [{ start: '09:00', end: '17:00' }],
      3: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
      4: [{ start: '09:00', end: '17:00' }],
      5: [{ start: '09:00', end: '15:00' }],
      6: [{ start: '02:00', end: '04:00' }],
    },
    overrides: { closedDates: ['2026-03-30', '2026-10-26'], workingDates: ['2026-03-29', '2026-10-25', '2026-10-03'] },
  });
  const calendars: [string, WorkingCalendar][] = [
    ['Shanghai default', cal],
    ['Berlin, odd hours and DST dates', berlin],
  ];
  const from = Date.parse('2025-12-01T00:00:00Z');
  const span = Date.parse('2027-02-01T00:00:00Z') - from;

  it.each(calendars)('%s: workingTimeBetween(s, addWorkingTime(s, d)) === d', (_name, c) => {
    const rnd = prng(20260215);
    for (let i = 0; i < 400; i++) {
      const start = new Date(from + Math.floor(rnd() * span));
      const d = Math.floor(rnd() * (rnd() < 0.5 ? 8 * HOUR : 400 * HOUR));
      const due = c.addWorkingTime(start, d);
      expect([start.toISOString(), d, c.workingTimeBetween(start, due)]).toEqual([start.toISOString(), d, d]);
      if (d > 0)
        expect([start.toISOString(), d, c.isWorkingTime(new Date(due.getTime() - 1))]).toEqual([
          start.toISOString(),
          d,
          true,
        ]);
    }
  });

  it.each(calendars)('%s: more working time never falls due earlier', (_name, c) => {
    const rnd = prng(7);
    for (let i = 0; i < 200; i++) {
      const start = new Date(from + Math.floor(rnd() * span));
      const d1 = Math.floor(rnd() * 100 * HOUR);
      const d2 = d1 + Math.floor(rnd() * 10 * MINUTE);
      expect(c.addWorkingTime(start, d2).getTime()).toBeGreaterThanOrEqual(c.addWorkingTime(start, d1).getTime());
    }
  });

  it.each(calendars)('%s: the next working instant is working time, with no working time before it', (_name, c) => {
    const rnd = prng(11);
    for (let i = 0; i < 300; i++) {
      const t = new Date(from + Math.floor(rnd() * span));
      const next = c.nextWorkingInstant(t);
      expect(c.isWorkingTime(next)).toBe(true);
      expect(c.workingTimeBetween(t, next)).toBe(0);
    }
  });

  it('Shanghai default: n working days are always n × 7 working hours, holidays or not', () => {
    const rnd = prng(42);
    for (let i = 0; i < 300; i++) {
      const start = new Date(from + Math.floor(rnd() * span));
      const n = 1 + Math.floor(rnd() * 30);
      expect([start.toISOString(), n, cal.workingTimeBetween(start, cal.addWorkingDays(start, n))]).toEqual([
        start.toISOString(),
        n,
        n * 7 * HOUR,
      ]);
    }
  });
});

describe('long spans', () => {
  it('walks years by whole days, not by minutes', () => {
    const fresh = new WorkingCalendar();
    const t0 = performance.now();
    const due = fresh.addWorkingTime(at('2021-01-04 08:30'), 5 * 250 * 7 * HOUR);
    const back = fresh.workingTimeBetween(at('2021-01-04 08:30'), due);
    expect(back).toBe(5 * 250 * 7 * HOUR);
    expect(wall(due).slice(0, 4)).toBe('2026');
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('refuses a walk longer than a century', () => {
    expect(() => cal.addWorkingTime(at('2026-01-05 08:30'), 101 * 366 * 7 * HOUR)).toThrow('exceeded');
    expect(() => cal.workingTimeBetween(at('2026-01-05 08:30'), at('2200-01-05 08:30'))).toThrow('exceeded');
  });
});
