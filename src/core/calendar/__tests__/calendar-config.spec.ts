import {
  CalendarConfigError,
  DEFAULT_TIME_ZONE,
  DEFAULT_WORKING_HOURS,
  type CalendarSettings,
} from '../calendar-config';
import { WorkingCalendar } from '../working-calendar';

function fieldOf(settings: CalendarSettings): string | undefined {
  try {
    new WorkingCalendar(settings);
    return undefined;
  } catch (e) {
    if (e instanceof CalendarConfigError) return e.field;
    throw e;
  }
}

describe('calendar settings', () => {
  it('defaults to Asia/Shanghai and government hours Mon–Fri 08:30–12:00, 14:00–17:30', () => {
    const cal = new WorkingCalendar();
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Shanghai');
    expect(cal.timeZone).toBe('Asia/Shanghai');
    expect(Object.keys(DEFAULT_WORKING_HOURS)).toEqual(['1', '2', '3', '4', '5']);
    expect(cal.describeDay('2026-11-23')).toMatchObject({
      weekday: 1,
      periods: [
        { start: '08:30', end: '12:00' },
        { start: '14:00', end: '17:30' },
      ],
      workingMs: 7 * 3_600_000,
    });
    expect(cal.isWorkingDay('2026-11-28')).toBe(false);
  });

  it('replaces the whole week when working hours are given, and sorts periods', () => {
    const cal = new WorkingCalendar({
      workingHours: {
        6: [
          { start: '14:00', end: '16:00' },
          { start: '09:00', end: '12:00' },
        ],
      },
    });
    expect(cal.isWorkingDay('2026-11-23')).toBe(false);
    expect(cal.describeDay('2026-11-28').periods).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '16:00' },
    ]);
  });

  it('takes JSON as stored, with weekday keys as strings', () => {
    const stored = JSON.parse(
      '{"timeZone":"Asia/Shanghai","workingHours":{"1":[{"start":"09:00","end":"17:00"}]},"overrides":{"closedDates":["2026-11-30"]}}',
    ) as CalendarSettings;
    const cal = new WorkingCalendar(stored);
    expect(cal.describeDay('2026-11-23').periods).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(cal.isWorkingDay('2026-11-30')).toBe(false);
  });

  it.each<[string, CalendarSettings, string]>([
    ['an unknown time zone', { timeZone: 'Asia/Beijing' }, 'timeZone'],
    ['a weekday 0', { workingHours: { 0: [] } as unknown as CalendarSettings['workingHours'] }, 'workingHours.0'],
    [
      'a weekday by name',
      { workingHours: { mon: [] } as unknown as CalendarSettings['workingHours'] },
      'workingHours.mon',
    ],
    ['a bad start time', { workingHours: { 1: [{ start: '8:30', end: '12:00' }] } }, 'workingHours.1[0].start'],
    ['a start at 24:00', { workingHours: { 1: [{ start: '24:00', end: '24:00' }] } }, 'workingHours.1[0].start'],
    ['a bad end time', { workingHours: { 2: [{ start: '08:30', end: '25:00' }] } }, 'workingHours.2[0].end'],
    [
      'a period ending before it starts',
      { workingHours: { 3: [{ start: '22:00', end: '06:00' }] } },
      'workingHours.3[0]',
    ],
    ['an empty period', { workingHours: { 3: [{ start: '09:00', end: '09:00' }] } }, 'workingHours.3[0]'],
    [
      'overlapping periods',
      {
        workingHours: {
          4: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        },
      },
      'workingHours.4',
    ],
    [
      'periods that are not a list',
      { workingHours: { 5: '08:00-12:00' } as unknown as CalendarSettings['workingHours'] },
      'workingHours.5',
    ],
    ['a week with no hours at all', { workingHours: {} }, 'workingHours'],
    ['a closed date that is not a date', { overrides: { closedDates: ['2026-02-30'] } }, 'overrides.closedDates[0]'],
    [
      'a working date in another format',
      { overrides: { workingDates: ['2026-11-28', '28/11/2026'] } },
      'overrides.workingDates[1]',
    ],
    [
      'a date both closed and working',
      { overrides: { closedDates: ['2026-11-23'], workingDates: ['2026-11-23'] } },
      'overrides',
    ],
  ])('refuses %s, naming the field', (_label, settings, field) => {
    expect(fieldOf(settings)).toBe(field);
  });

  it('says what is wrong in the message', () => {
    expect(() => new WorkingCalendar({ workingHours: { 3: [{ start: '22:00', end: '06:00' }] } })).toThrow(
      'a night shift is two periods',
    );
    expect(() => new WorkingCalendar({ timeZone: 'Asia/Beijing' })).toThrow('not an IANA time zone');
  });

  it('refuses a malformed date in a query', () => {
    const cal = new WorkingCalendar();
    expect(() => cal.isWorkingDay('2026-2-14')).toThrow('not a date');
    expect(() => cal.describeDay('tomorrow')).toThrow('not a date');
  });
});
