import { localParts, zonedToUtc, datesBetween, isoWeekday } from '../zoned-time';

describe('zoned time', () => {
  it('maps Beijing wall-clock time to UTC across the date line', () => {
    expect(zonedToUtc('2026-11-23', '07:30', 'Asia/Shanghai').toISOString()).toBe('2026-11-22T23:30:00.000Z');
    expect(zonedToUtc('2026-11-23', '09:00', 'Asia/Shanghai').toISOString()).toBe('2026-11-23T01:00:00.000Z');
  });

  it('reads local parts of an instant', () => {
    expect(localParts(new Date('2026-11-22T23:30:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2026-11-23',
      time: '07:30',
      weekday: 1,
    });
  });

  it('handles a zone with daylight saving on both sides of the change', () => {
    expect(zonedToUtc('2026-03-08', '12:00', 'America/New_York').toISOString()).toBe('2026-03-08T16:00:00.000Z');
    expect(zonedToUtc('2026-03-07', '12:00', 'America/New_York').toISOString()).toBe('2026-03-07T17:00:00.000Z');
  });

  it('lists dates and weekdays', () => {
    expect(datesBetween('2026-11-22', '2026-11-25')).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
    expect(isoWeekday('2026-11-22')).toBe(7);
  });
});
