import { WorkingCalendar } from '../working-calendar';
import { at, HOUR, wall } from './helpers';

describe('a tenant in Xinjiang on Asia/Urumqi (UTC+6), official days by its own local date', () => {
  const shanghai = new WorkingCalendar();
  const urumqi = new WorkingCalendar({ timeZone: 'Asia/Urumqi' });
  const evening = new Date('2026-09-30T11:00:00Z'); // 19:00 in Shanghai, 17:00 in Urumqi

  it('reads the hours on the local clock', () => {
    expect(urumqi.timeZone).toBe('Asia/Urumqi');
    expect(shanghai.isWorkingTime(evening)).toBe(false);
    expect(urumqi.isWorkingTime(evening)).toBe(true);
  });

  it('finishes the local afternoon before National Day, then resumes on Oct 8 at the local opening', () => {
    expect(urumqi.addWorkingTime(evening, HOUR).toISOString()).toBe('2026-10-08T03:00:00.000Z');
    expect(wall(urumqi.addWorkingTime(evening, HOUR), 'Asia/Urumqi')).toBe('2026-10-08 09:00');
    expect(shanghai.addWorkingTime(evening, HOUR).toISOString()).toBe('2026-10-08T01:30:00.000Z');
  });

  it('decides the day by the local date: 17:00 UTC on Feb 13 is Friday night in Urumqi but Saturday in Shanghai', () => {
    const t = new Date('2026-02-13T17:00:00Z');
    expect(wall(t, 'Asia/Urumqi')).toBe('2026-02-13 23:00');
    expect(wall(t)).toBe('2026-02-14 01:00');
    expect(urumqi.addWorkingDays(t, 1).toISOString()).toBe('2026-02-14T11:30:00.000Z'); // 17:30 Urumqi, the make-up Saturday
    expect(shanghai.addWorkingDays(t, 1).toISOString()).toBe('2026-02-14T09:30:00.000Z'); // 17:30 Shanghai
  });
});

describe('a zone with daylight saving: Europe/Berlin', () => {
  const tz = 'Europe/Berlin';
  const nineToFive = [{ start: '09:00', end: '17:00' }];
  const berlin = new WorkingCalendar({
    timeZone: tz,
    workingHours: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
  });

  it('counts working time across the spring change on local clock hours', () => {
    const friday = at('2026-03-27 16:00', tz);
    expect(friday.toISOString()).toBe('2026-03-27T15:00:00.000Z'); // CET, UTC+1
    const due = berlin.addWorkingTime(friday, 2 * HOUR);
    expect(due.toISOString()).toBe('2026-03-30T08:00:00.000Z'); // 10:00 CEST, UTC+2
    expect(berlin.workingTimeBetween(friday, due)).toBe(2 * HOUR);
  });

  it('keeps the wall-clock time for calendar days and elapsed time for hours', () => {
    const friday = at('2026-03-27 12:00', tz);
    expect(wall(berlin.deadline(friday, 'P3D', 'CALENDAR'), tz)).toBe('2026-03-30 12:00');
    expect(berlin.deadline(friday, 'P3D', 'CALENDAR').getTime() - friday.getTime()).toBe(71 * HOUR);
    expect(wall(berlin.deadline(friday, 'PT72H', 'CALENDAR'), tz)).toBe('2026-03-30 13:00');
  });

  it('keeps the time of day for working days across the autumn change', () => {
    expect(wall(berlin.addWorkingDays(at('2026-10-23 15:00', tz), 1), tz)).toBe('2026-10-26 15:00');
  });

  it('gives a round-the-clock day 23 hours in spring and 25 in autumn', () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const always = new WorkingCalendar({
      timeZone: tz,
      workingHours: { 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay, 7: allDay },
    });
    expect(always.describeDay('2026-03-28').workingMs).toBe(24 * HOUR);
    expect(always.describeDay('2026-03-29').workingMs).toBe(23 * HOUR);
    expect(always.describeDay('2026-10-25').workingMs).toBe(25 * HOUR);
    expect(wall(always.addWorkingTime(at('2026-03-29 00:00', tz), 24 * HOUR), tz)).toBe('2026-03-30 01:00');
    expect(always.workingTimeBetween(at('2026-10-24 12:00', tz), at('2026-10-26 12:00', tz))).toBe(49 * HOUR);
    // Chinese official days still apply by the local date: National Day is closed in Berlin too.
    expect(always.isWorkingDay('2026-10-01')).toBe(false);
    expect(wall(always.nextWorkingInstant(at('2026-09-30 23:59', tz)), tz)).toBe('2026-09-30 23:59');
    expect(wall(always.nextWorkingInstant(at('2026-10-01 00:00', tz)), tz)).toBe('2026-10-08 00:00');
  });
});
