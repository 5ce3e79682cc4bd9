import { getDayDetail } from 'chinese-days';
import { chineseHolidays, tableHolidaySource } from '../holiday-source';
import { addDays } from '../local-date';
import { WorkingCalendar } from '../working-calendar';
import { at, wall } from './helpers';

/** Every date of a year, YYYY-MM-DD. */
function yearDates(year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) out.push(d);
  return out;
}

describe('the official 2026 arrangement (State Council General Office notice on the 2026 holidays, Nov 2025)', () => {
  const cal = new WorkingCalendar();

  it('closes Spring Festival from Sunday Feb 15 to Monday Feb 23 and works Saturdays Feb 14 and Feb 28', () => {
    for (const d of [
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]) {
      expect(cal.describeDay(d)).toMatchObject({
        working: false,
        reason: 'PUBLIC_HOLIDAY',
        official: { name: 'Spring Festival', nameZh: '春节' },
      });
    }
    for (const d of ['2026-02-14', '2026-02-28']) {
      expect(cal.describeDay(d)).toMatchObject({
        weekday: 6,
        working: true,
        reason: 'MAKEUP_WORKDAY',
        official: { kind: 'MAKEUP_WORKDAY', nameZh: '春节' },
      });
    }
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
    expect(cal.isWorkingDay('2026-02-21')).toBe(false);
    expect(cal.isWorkingDay('2026-03-01')).toBe(false); // the Sunday after is an ordinary weekend day
  });

  it('closes National Day from Thursday Oct 1 to Wednesday Oct 7 and works Sunday Sep 20 and Saturday Oct 10', () => {
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = addDays(d, 1)) {
      expect(cal.describeDay(d)).toMatchObject({
        working: false,
        reason: 'PUBLIC_HOLIDAY',
        official: { nameZh: '国庆节' },
      });
    }
    expect(cal.describeDay('2026-09-20')).toMatchObject({
      weekday: 7,
      working: true,
      reason: 'MAKEUP_WORKDAY',
      official: { nameZh: '国庆节' },
    });
    expect(cal.describeDay('2026-10-10')).toMatchObject({ weekday: 6, working: true, reason: 'MAKEUP_WORKDAY' });
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('matches the whole notice: its weekday closures and its make-up days, nothing more', () => {
    const closedWeekdays = yearDates(2026).filter(
      (d) => cal.describeDay(d).reason === 'PUBLIC_HOLIDAY' && cal.describeDay(d).weekday <= 5,
    );
    expect(closedWeekdays).toEqual([
      '2026-01-01',
      '2026-01-02', // 元旦 Jan 1–3
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-23', // 春节 Feb 15–23
      '2026-04-06', // 清明 Apr 4–6
      '2026-05-01',
      '2026-05-04',
      '2026-05-05', // 劳动节 May 1–5
      '2026-06-19', // 端午 Jun 19–21
      '2026-09-25', // 中秋 Sep 25–27
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07', // 国庆 Oct 1–7
    ]);
    const makeup = yearDates(2026).filter((d) => cal.describeDay(d).reason === 'MAKEUP_WORKDAY');
    expect(makeup).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('reads the same days as the library’s own functions where those are reliable', () => {
    // chinese-days' functions are right when the process zone is at or east of UTC; compare
    // with them there, day by day, so a change in the JSON's meaning cannot pass unnoticed.
    const saved = process.env['TZ'];
    process.env['TZ'] = 'Asia/Shanghai';
    try {
      for (const year of [2024, 2025, 2026]) {
        for (const d of yearDates(year)) {
          const [y, m, day] = d.split('-').map(Number) as [number, number, number];
          expect([d, cal.isWorkingDay(d)]).toEqual([d, getDayDetail(new Date(y, m - 1, day, 12)).work]);
        }
      }
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  it('does not depend on the process time zone (the library’s functions shift dates west of UTC)', () => {
    const saved = process.env['TZ'];
    process.env['TZ'] = 'America/Los_Angeles';
    try {
      const fresh = new WorkingCalendar();
      expect(fresh.isWorkingDay('2026-02-14')).toBe(true);
      expect(fresh.isWorkingDay('2026-02-15')).toBe(false);
      expect(wall(fresh.addWorkingDays(at('2026-02-13 16:00'), 1))).toBe('2026-02-14 16:00');
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });
});

describe('coverage of the official data', () => {
  const cal = new WorkingCalendar();

  it('says where the data comes from and which years it covers', () => {
    const c = cal.coverage();
    expect(c.source).toBe('chinese-days@1.5.7');
    expect(c.firstYear).toBe(2004);
    expect(c.lastYear).toBeGreaterThanOrEqual(2026);
    expect(c.years).toEqual(Array.from({ length: c.lastYear - 2003 }, (_, i) => 2004 + i));
    expect(chineseHolidays().coverage()).toBe(c);
  });

  it('treats a date outside coverage as a plain weekday, and says so', () => {
    // 2099-01-01 is a Thursday: New Year's Day will surely be a holiday, but nothing published says so yet.
    expect(cal.isCovered('2099-01-01')).toBe(false);
    expect(cal.describeDay('2099-01-01')).toMatchObject({ working: true, reason: 'WEEKLY_HOURS', covered: false });
    expect(cal.describeDay('2003-10-01')).toMatchObject({ working: true, covered: false });
    expect(cal.isCovered('2026-10-01')).toBe(true);
    expect(cal.describeDay('2026-10-01').covered).toBe(true);
  });

  it('lists the uncovered years a deadline runs through so operations can warn', () => {
    expect(cal.uncoveredYears(at('2026-03-01 09:00'), at('2026-12-31 09:00'))).toEqual([]);
    expect(cal.uncoveredYears(at('2098-12-30 09:00'), at('2100-01-02 09:00'))).toEqual([2098, 2099, 2100]);
    expect(cal.uncoveredYears(at('2100-01-02 09:00'), at('2099-06-01 09:00'))).toEqual([2099, 2100]);
  });

  it('uses the local year of an instant: 2003-12-31 17:00 UTC is already 2004 in Shanghai', () => {
    expect(cal.uncoveredYears(new Date('2003-12-31T17:00:00Z'), new Date('2003-12-31T17:00:00Z'))).toEqual([]);
    expect(cal.uncoveredYears(new Date('2003-12-31T15:00:00Z'), new Date('2003-12-31T15:00:00Z'))).toEqual([2003]);
  });

  it('stops applying a source outside the years it declares', () => {
    const source = tableHolidaySource({
      source: 'test',
      years: [2030],
      holidays: { '2030-01-01': "New Year's Day,元旦", '2031-01-01': 'ignored' },
      makeupWorkdays: { '2030-01-05': '元旦' },
    });
    const c = new WorkingCalendar({}, source);
    expect(c.describeDay('2030-01-01')).toMatchObject({
      working: false,
      reason: 'PUBLIC_HOLIDAY',
      official: { name: "New Year's Day", nameZh: '元旦' },
    });
    expect(c.describeDay('2030-01-05')).toMatchObject({
      working: true,
      reason: 'MAKEUP_WORKDAY',
      official: { name: '元旦', nameZh: '元旦' },
    });
    expect(c.describeDay('2031-01-01')).toMatchObject({ working: true, reason: 'WEEKLY_HOURS', covered: false });
    expect(c.coverage()).toEqual({ source: 'test', firstYear: 2030, lastYear: 2030, years: [2030] });
  });

  it('refuses a table that lists a date as both holiday and make-up day', () => {
    expect(() =>
      tableHolidaySource({ source: 't', holidays: { '2030-01-01': 'a' }, makeupWorkdays: { '2030-01-01': 'a' } }),
    ).toThrow('both');
    expect(() => tableHolidaySource({ source: 't', holidays: { '2030-02-30': 'a' }, makeupWorkdays: {} })).toThrow(
      'not a YYYY-MM-DD',
    );
  });
});
