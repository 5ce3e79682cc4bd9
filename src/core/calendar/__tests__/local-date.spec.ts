import {
  addDays,
  addMonths,
  clockToMinutes,
  daysFrom,
  fromWallClock,
  isLocalDate,
  minutesToClock,
  wallClock,
} from '../local-date';

describe('local dates', () => {
  it('knows a real date', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-1')).toBe(false);
    expect(isLocalDate(20260201)).toBe(false);
  });

  it('adds days and months, months clamped to the end of the month', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-08-31', 13)).toBe('2027-09-30');
    expect(addMonths('2026-05-15', 0)).toBe('2026-05-15');
    expect(daysFrom('2026-02-14', '2026-02-24')).toBe(10);
  });

  it('reads and writes clock times', () => {
    expect(clockToMinutes('08:30')).toBe(510);
    expect(clockToMinutes('24:00')).toBe(1440);
    expect(clockToMinutes('24:01')).toBeUndefined();
    expect(clockToMinutes('8:30')).toBeUndefined();
    expect(minutesToClock(1050)).toBe('17:30');
  });

  it('maps instants to the wall clock and back to the millisecond', () => {
    const t = new Date('2026-02-13T16:00:42.125Z');
    expect(wallClock(t, 'Asia/Shanghai')).toEqual({
      date: '2026-02-14',
      msOfDay: ((0 * 60 + 0) * 60 + 42) * 1000 + 125,
    });
    expect(fromWallClock('2026-02-14', 42_125, 'Asia/Shanghai')).toEqual(t);
    expect(fromWallClock('2026-02-13', 24 * 3_600_000 + 42_125, 'Asia/Shanghai')).toEqual(t);
    expect(wallClock(new Date('1969-12-31T23:00:00Z'), 'UTC')).toEqual({ date: '1969-12-31', msOfDay: 23 * 3_600_000 });
  });
});
