import { DurationError, parseDuration } from '../../../shared/duration';
import { WorkingCalendar } from '../working-calendar';
import { at, HOUR, wall } from './helpers';

const cal = new WorkingCalendar(); // Asia/Shanghai, Mon–Fri 08:30–12:00 and 14:00–17:30

describe('addWorkingDays, the way a clerk counts', () => {
  it('is due at the same time of day: Friday 16:00 plus 3 working days is Wednesday 16:00', () => {
    expect(wall(cal.addWorkingDays(at('2026-11-20 16:00'), 3))).toBe('2026-11-25 16:00');
  });

  it('a start after closing has the next working day whole: due at the close of the nth day', () => {
    expect(wall(cal.addWorkingDays(at('2026-11-20 18:00'), 3))).toBe('2026-11-25 17:30');
    expect(wall(cal.addWorkingDays(at('2026-11-20 17:30'), 3))).toBe('2026-11-25 17:30');
    expect(wall(cal.addWorkingDays(at('2026-11-21 10:00'), 3))).toBe('2026-11-25 17:30'); // Saturday
    expect(wall(cal.addWorkingDays(at('2026-11-23 07:00'), 3))).toBe('2026-11-25 17:30'); // before opening
    expect(wall(cal.addWorkingDays(at('2026-11-23 08:30'), 3))).toBe('2026-11-25 17:30'); // at opening
    expect(wall(cal.addWorkingDays(at('2026-11-23 08:30'), 1))).toBe('2026-11-23 17:30');
  });

  it('a minute after opening is the next morning at that minute', () => {
    expect(wall(cal.addWorkingDays(at('2026-11-23 08:31'), 3))).toBe('2026-11-26 08:31');
  });

  it('a start in the lunch break counts from the afternoon opening', () => {
    expect(wall(cal.addWorkingDays(at('2026-11-20 12:30'), 3))).toBe('2026-11-25 14:00');
    expect(wall(cal.addWorkingDays(at('2026-11-20 12:00'), 1))).toBe('2026-11-23 14:00');
  });

  it('keeps seconds', () => {
    expect(wall(cal.addWorkingDays(at('2026-11-20 16:00:42'), 1))).toBe('2026-11-23 16:00:42');
  });

  it('skips Spring Festival and counts its make-up Saturdays', () => {
    // Thu Feb 12 + 3: Fri 13, Sat 14 (make-up), then Feb 15–23 closed, Tue 24.
    expect(wall(cal.addWorkingDays(at('2026-02-12 16:00'), 3))).toBe('2026-02-24 16:00');
    expect(wall(cal.addWorkingDays(at('2026-02-13 16:00'), 1))).toBe('2026-02-14 16:00');
    // Fri Feb 27 + 1 is the make-up Saturday Feb 28, not Monday.
    expect(wall(cal.addWorkingDays(at('2026-02-27 10:00'), 1))).toBe('2026-02-28 10:00');
  });

  it('skips National Day and counts Sunday Sep 20 and Saturday Oct 10', () => {
    expect(wall(cal.addWorkingDays(at('2026-09-18 10:00'), 1))).toBe('2026-09-20 10:00');
    expect(wall(cal.addWorkingDays(at('2026-09-24 10:00'), 1))).toBe('2026-09-28 10:00'); // Fri Sep 25 is Mid-Autumn
    expect(wall(cal.addWorkingDays(at('2026-09-30 10:00'), 3))).toBe('2026-10-10 10:00');
    expect(wall(cal.addWorkingDays(at('2026-09-30 10:00'), 4))).toBe('2026-10-12 10:00');
  });

  it('clamps into the target day’s hours when they differ', () => {
    const short = new WorkingCalendar({
      workingHours: {
        1: [{ start: '09:00', end: '17:00' }],
        2: [{ start: '08:00', end: '17:00' }],
        3: [{ start: '09:00', end: '17:00' }],
        4: [
          { start: '08:30', end: '12:00' },
          { start: '14:00', end: '17:30' },
        ],
        5: [{ start: '08:30', end: '12:00' }],
      },
    });
    expect(wall(short.addWorkingDays(at('2026-11-26 16:00'), 1))).toBe('2026-11-27 12:00'); // Friday closes at noon
    expect(wall(short.addWorkingDays(at('2026-11-26 12:30'), 1))).toBe('2026-11-27 12:00'); // 14:00 is past Friday's close
    expect(wall(short.addWorkingDays(at('2026-11-24 08:15'), 1))).toBe('2026-11-25 09:00'); // Wednesday opens later
    expect(wall(short.addWorkingDays(at('2026-11-26 13:00'), 1))).toBe('2026-11-27 12:00');
  });

  it('returns the start for zero and refuses fractions and negatives', () => {
    const sunday = at('2026-11-22 10:00');
    expect(cal.addWorkingDays(sunday, 0)).toEqual(sunday);
    expect(() => cal.addWorkingDays(sunday, 1.5)).toThrow('whole number');
    expect(() => cal.addWorkingDays(sunday, -1)).toThrow('whole number');
  });
});

describe('tenant overrides', () => {
  const tenant = new WorkingCalendar({
    overrides: {
      closedDates: ['2026-11-23'], // a local commemoration: closed on a Monday
      workingDates: ['2026-11-28', '2026-10-03'], // an on-duty Saturday; staffed on a National Day holiday
    },
  });

  it('closes an extra day', () => {
    expect(tenant.describeDay('2026-11-23')).toMatchObject({ working: false, reason: 'TENANT_CLOSED', periods: [] });
    expect(wall(tenant.addWorkingDays(at('2026-11-20 16:00'), 3))).toBe('2026-11-26 16:00');
    expect(wall(tenant.addWorkingTime(at('2026-11-20 17:00'), HOUR))).toBe('2026-11-24 09:00');
  });

  it('opens an extra weekend day with the weekday hours', () => {
    expect(tenant.describeDay('2026-11-28')).toMatchObject({
      working: true,
      reason: 'TENANT_WORKING',
      periods: [
        { start: '08:30', end: '12:00' },
        { start: '14:00', end: '17:30' },
      ],
    });
    expect(wall(tenant.addWorkingDays(at('2026-11-27 10:00'), 1))).toBe('2026-11-28 10:00');
  });

  it('wins over an official holiday, and still says what the official calendar says', () => {
    expect(tenant.describeDay('2026-10-03')).toMatchObject({
      working: true,
      reason: 'TENANT_WORKING',
      official: { kind: 'HOLIDAY', nameZh: '国庆节' },
    });
    expect(wall(tenant.addWorkingDays(at('2026-09-30 10:00'), 1))).toBe('2026-10-03 10:00');
  });

  it('can close an official make-up day', () => {
    const c = new WorkingCalendar({ overrides: { closedDates: ['2026-02-14'] } });
    expect(c.describeDay('2026-02-14')).toMatchObject({
      working: false,
      reason: 'TENANT_CLOSED',
      official: { kind: 'MAKEUP_WORKDAY' },
    });
    expect(wall(c.addWorkingDays(at('2026-02-13 16:00'), 1))).toBe('2026-02-24 16:00');
  });
});

describe('working hours of make-up days', () => {
  it('uses the weekday’s own hours when the tenant opens on that weekday', () => {
    const saturdays = new WorkingCalendar({
      workingHours: {
        1: [{ start: '08:30', end: '17:30' }],
        2: [{ start: '08:30', end: '17:30' }],
        3: [{ start: '08:30', end: '17:30' }],
        4: [{ start: '08:30', end: '17:30' }],
        5: [{ start: '08:30', end: '17:30' }],
        6: [{ start: '09:00', end: '12:00' }],
      },
    });
    expect(saturdays.describeDay('2026-02-14').periods).toEqual([{ start: '09:00', end: '12:00' }]);
    expect(saturdays.describeDay('2026-09-20')).toMatchObject({
      reason: 'MAKEUP_WORKDAY',
      periods: [{ start: '08:30', end: '17:30' }],
    });
    expect(saturdays.describeDay('2026-11-28')).toMatchObject({
      reason: 'WEEKLY_HOURS',
      periods: [{ start: '09:00', end: '12:00' }],
    });
    expect(saturdays.isWorkingDay('2026-02-21')).toBe(false); // a Saturday inside Spring Festival
  });

  it('uses the first weekday with hours when the make-up weekday has none', () => {
    const c = new WorkingCalendar({
      workingHours: { 2: [{ start: '10:00', end: '16:00' }], 4: [{ start: '09:00', end: '11:00' }] },
    });
    expect(c.describeDay('2026-02-14').periods).toEqual([{ start: '10:00', end: '16:00' }]);
    expect(c.isWorkingDay('2026-11-23')).toBe(false); // Monday, closed in this week
  });
});

describe('deadline()', () => {
  describe('WORKING', () => {
    it('reads days as working days, then hours as working hours', () => {
      expect(wall(cal.deadline(at('2026-11-20 16:00'), 'P3D', 'WORKING'))).toBe('2026-11-25 16:00');
      expect(wall(cal.deadline(at('2026-11-20 16:00'), 'PT4H', 'WORKING'))).toBe('2026-11-23 11:00');
      expect(wall(cal.deadline(at('2026-11-20 16:00'), 'P1DT4H', 'WORKING'))).toBe('2026-11-24 11:00');
      expect(wall(cal.deadline(at('2026-11-20 16:00'), parseDuration('PT2S'), 'WORKING'))).toBe('2026-11-20 16:00:02');
    });

    it('spans Spring Festival: Fri 13, make-up Sat 14, then Feb 24 onwards', () => {
      expect(wall(cal.deadline(at('2026-02-13 09:00'), 'P5D', 'WORKING'))).toBe('2026-02-27 09:00');
      expect(wall(cal.deadline(at('2026-02-13 09:00'), 'PT16H', 'WORKING'))).toBe('2026-02-24 11:00');
    });

    it('returns the start for zero', () => {
      expect(cal.deadline(at('2026-11-22 10:00'), 'PT0S', 'WORKING')).toEqual(at('2026-11-22 10:00'));
    });

    it('refuses weeks, months and years', () => {
      for (const d of ['P1W', 'P1M', 'P1Y', 'P1W1D']) {
        expect(() => cal.deadline(at('2026-11-20 16:00'), d, 'WORKING')).toThrow(DurationError);
      }
    });
  });

  describe('CALENDAR', () => {
    it('counts days at the same wall-clock time and time as elapsed time', () => {
      expect(wall(cal.deadline(at('2026-09-30 16:00'), 'P3D', 'CALENDAR'))).toBe('2026-10-03 16:00');
      expect(wall(cal.deadline(at('2026-09-30 16:00'), 'PT4H', 'CALENDAR'))).toBe('2026-09-30 20:00');
      expect(wall(cal.deadline(at('2026-09-30 16:00'), 'P1W1DT1H30M', 'CALENDAR'))).toBe('2026-10-08 17:30');
    });

    it('counts months to the corresponding day, or the month’s last day (Civil Code art. 202)', () => {
      expect(wall(cal.deadline(at('2026-01-31 10:00'), 'P1M', 'CALENDAR'))).toBe('2026-02-28 10:00');
      expect(wall(cal.deadline(at('2026-03-15 10:00'), 'P6M', 'CALENDAR'))).toBe('2026-09-15 10:00');
      expect(wall(cal.deadline(at('2024-02-29 10:00'), 'P1Y', 'CALENDAR'))).toBe('2025-02-28 10:00');
      expect(wall(cal.deadline(at('2026-12-31 10:00'), 'P2M', 'CALENDAR'))).toBe('2027-02-28 10:00');
    });

    it('can move a due time on a closed day to the close of the next working day (Civil Code art. 203)', () => {
      const start = at('2026-09-20 10:00');
      expect(wall(cal.deadline(start, 'P15D', 'CALENDAR'))).toBe('2026-10-05 10:00');
      expect(wall(cal.deadline(start, 'P15D', 'CALENDAR', { endOnWorkingDay: true }))).toBe('2026-10-08 17:30');
      expect(wall(cal.deadline(start, 'P1D', 'CALENDAR', { endOnWorkingDay: true }))).toBe('2026-09-21 10:00');
      expect(wall(cal.deadline(at('2026-02-13 10:00'), 'P1D', 'CALENDAR', { endOnWorkingDay: true }))).toBe(
        '2026-02-14 10:00',
      );
    });

    it('refuses an unknown mode', () => {
      expect(() => cal.deadline(at('2026-09-20 10:00'), 'P1D', 'HOURS' as 'CALENDAR')).toThrow('unknown deadline mode');
    });
  });
});
