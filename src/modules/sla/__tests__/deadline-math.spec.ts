import { WorkingCalendar } from '../../../core/calendar/working-calendar';
import { dueFor, escalationTimes, pointsFor } from '../deadline-math';

const at = (s: string) => new Date(s);
const shanghai = new WorkingCalendar();

describe('deadline points', () => {
  it('counts working days across the 2026 Spring Festival and its make-up Saturdays', () => {
    // Friday 13 Feb 16:00: Sat 14 Feb is a make-up working day, 15–23 Feb are the holiday.
    const start = at('2026-02-13T08:00:00Z');
    expect(dueFor(shanghai, start, { duration: 'P1D', mode: 'WORKING' })).toEqual(at('2026-02-14T08:00:00Z'));
    expect(dueFor(shanghai, start, { duration: 'P2D', mode: 'WORKING' })).toEqual(at('2026-02-24T08:00:00Z'));
    // Two working days later counts the make-up Saturday 28 Feb too.
    expect(dueFor(shanghai, at('2026-02-26T08:00:00Z'), { duration: 'P2D', mode: 'WORKING' })).toEqual(
      at('2026-02-28T08:00:00Z'),
    );
  });

  it('follows a tenant override: an extra closed day and an extra working Sunday', () => {
    const cal = new WorkingCalendar({ overrides: { closedDates: ['2026-03-02'], workingDates: ['2026-03-01'] } });
    // Friday 27 Feb 10:00: +1 working day is the make-up Saturday 28 Feb, +2 the tenant's extra
    // Sunday 1 Mar, +3 Tuesday 3 Mar (the tenant closed Monday 2 Mar).
    const from = at('2026-02-27T02:00:00Z');
    expect(dueFor(cal, from, { duration: 'P1D', mode: 'WORKING' })).toEqual(at('2026-02-28T02:00:00Z'));
    expect(dueFor(cal, from, { duration: 'P2D', mode: 'WORKING' })).toEqual(at('2026-03-01T02:00:00Z'));
    expect(dueFor(cal, from, { duration: 'P3D', mode: 'WORKING' })).toEqual(at('2026-03-03T02:00:00Z'));
    expect(dueFor(shanghai, from, { duration: 'P2D', mode: 'WORKING' })).toEqual(at('2026-03-02T02:00:00Z'));
  });

  it('is due by the end of the local day for same-day targets, whatever the UTC date', () => {
    // 23:30 Beijing time on 23 Nov is 15:30 UTC: due at 23:59:59.999 Beijing time the same day.
    expect(dueFor(shanghai, at('2026-11-23T15:30:00Z'), { duration: 'P0D', mode: 'SAME_DAY' })).toEqual(
      at('2026-11-23T15:59:59.999Z'),
    );
    // 00:30 Beijing time on 24 Nov is still 23 Nov in UTC.
    expect(dueFor(shanghai, at('2026-11-23T16:30:00Z'), { duration: 'P0D', mode: 'SAME_DAY' })).toEqual(
      at('2026-11-24T15:59:59.999Z'),
    );
  });

  it('counts a working-time share and a "before" offset in office hours, and both in clock time for calendar targets', () => {
    // Monday 09:00 + 1 working day (7 h): half of it is 12:30 of office time → 14:30 after the lunch break.
    const start = at('2026-11-23T01:00:00Z');
    const due = dueFor(shanghai, start, { duration: 'P1D', mode: 'WORKING' });
    const p = pointsFor(shanghai, start, due, 'WORKING', { share: 0.5 }, { before: 'PT1H' });
    expect(due).toEqual(at('2026-11-24T01:00:00Z'));
    expect(p.yellowAt).toEqual(at('2026-11-23T06:30:00Z'));
    // One office hour before Tuesday 09:00 is Monday 17:00, not Tuesday 08:00 before anyone is in.
    expect(p.redAt).toEqual(at('2026-11-23T09:00:00Z'));
    // Across the 2026 National Day holiday (1–7 Oct closed): due Thursday 8 Oct 10:00, two office
    // hours before it is 30 September 17:00, one hour before is 8 Oct 09:00.
    const holiday = pointsFor(
      shanghai,
      at('2026-09-30T01:00:00Z'),
      at('2026-10-08T02:00:00Z'),
      'WORKING',
      { before: 'PT2H' },
      { before: 'PT1H' },
    );
    expect([holiday.yellowAt, holiday.redAt]).toEqual([at('2026-09-30T09:00:00Z'), at('2026-10-08T01:00:00Z')]);
    const clock = pointsFor(shanghai, start, due, 'CALENDAR', { share: 0.5 }, { before: 'PT1H' });
    expect([clock.yellowAt, clock.redAt]).toEqual([at('2026-11-23T13:00:00Z'), at('2026-11-24T00:00:00Z')]);
    // A "before" longer than the whole span falls back to the start.
    expect(pointsFor(shanghai, start, due, 'WORKING', { before: 'P2D' }, { before: 'P2D' }).redAt).toEqual(start);
  });

  it('never puts YELLOW after RED, and places escalation levels around the due time', () => {
    const start = at('2026-11-23T00:00:00Z');
    const due = at('2026-11-23T10:00:00Z');
    const p = pointsFor(shanghai, start, due, 'CALENDAR', { share: 0.9 }, { share: 0.5 });
    expect(p.yellowAt).toEqual(p.redAt);
    expect(
      escalationTimes(due, [
        { offset: '-PT1H', actions: [] },
        { offset: 'PT0S', actions: [] },
        { offset: 'P1D', actions: [] },
      ]),
    ).toEqual([at('2026-11-23T09:00:00Z'), due, at('2026-11-24T10:00:00Z')]);
  });
});
