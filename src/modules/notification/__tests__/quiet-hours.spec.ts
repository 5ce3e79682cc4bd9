import { deliverAt, type QuietHours } from '../quiet-hours';

const NIGHT: QuietHours = { enabled: true, start: '22:00', end: '07:30' };
const SH = 'Asia/Shanghai';
/** An instant given as Beijing wall-clock time (UTC+8, no daylight saving). */
const bj = (local: string) => new Date(`${local}+08:00`);
const iso = (d: Date) => d.toISOString();

describe('quiet hours', () => {
  it('delivers at once outside quiet hours', () => {
    expect(iso(deliverAt(bj('2026-11-23T09:15:00'), NIGHT, SH))).toBe(iso(bj('2026-11-23T09:15:00')));
    expect(iso(deliverAt(bj('2026-11-23T21:59:59'), NIGHT, SH))).toBe(iso(bj('2026-11-23T21:59:59')));
  });

  it('defers a late-evening notification to the end of quiet hours the next morning', () => {
    expect(iso(deliverAt(bj('2026-11-23T22:00:00'), NIGHT, SH))).toBe(iso(bj('2026-11-24T07:30:00')));
    expect(iso(deliverAt(bj('2026-11-23T23:59:00'), NIGHT, SH))).toBe('2026-11-23T23:30:00.000Z');
  });

  it('defers one after midnight to the same local morning', () => {
    expect(iso(deliverAt(bj('2026-11-24T00:10:00'), NIGHT, SH))).toBe(iso(bj('2026-11-24T07:30:00')));
    expect(iso(deliverAt(bj('2026-11-24T07:29:59'), NIGHT, SH))).toBe(iso(bj('2026-11-24T07:30:00')));
  });

  it('treats the end as exclusive', () => {
    expect(iso(deliverAt(bj('2026-11-24T07:30:00'), NIGHT, SH))).toBe(iso(bj('2026-11-24T07:30:00')));
  });

  it('reads the wall clock in the tenant zone, not in UTC', () => {
    // 15:00 UTC is 23:00 in Beijing: quiet there, though the UTC clock says afternoon.
    expect(iso(deliverAt(new Date('2026-11-23T15:00:00Z'), NIGHT, SH))).toBe('2026-11-23T23:30:00.000Z');
    // 23:00 UTC is 07:00 the next morning in Beijing: still quiet, half an hour to go.
    expect(iso(deliverAt(new Date('2026-11-23T23:00:00Z'), NIGHT, SH))).toBe('2026-11-23T23:30:00.000Z');
    // The same instant in Urumqi time (UTC+6) is 05:00: also quiet, until 07:30 there.
    expect(iso(deliverAt(new Date('2026-11-23T23:00:00Z'), NIGHT, 'Asia/Urumqi'))).toBe('2026-11-24T01:30:00.000Z');
  });

  it('crosses a month and a year end', () => {
    expect(iso(deliverAt(bj('2026-12-31T23:00:00'), NIGHT, SH))).toBe(iso(bj('2027-01-01T07:30:00')));
  });

  it('handles quiet hours within one day', () => {
    const lunch: QuietHours = { enabled: true, start: '12:00', end: '14:00' };
    expect(iso(deliverAt(bj('2026-11-23T12:30:00'), lunch, SH))).toBe(iso(bj('2026-11-23T14:00:00')));
    expect(iso(deliverAt(bj('2026-11-23T11:59:00'), lunch, SH))).toBe(iso(bj('2026-11-23T11:59:00')));
    expect(iso(deliverAt(bj('2026-11-23T23:00:00'), lunch, SH))).toBe(iso(bj('2026-11-23T23:00:00')));
  });

  it('lets urgent notifications through and respects switched-off or empty quiet hours', () => {
    const at = bj('2026-11-23T23:00:00');
    expect(iso(deliverAt(at, NIGHT, SH, true))).toBe(iso(at));
    expect(iso(deliverAt(at, { ...NIGHT, enabled: false }, SH))).toBe(iso(at));
    expect(iso(deliverAt(at, { enabled: true, start: '22:00', end: '22:00' }, SH))).toBe(iso(at));
  });

  it('follows daylight saving in zones that have it', () => {
    // New York springs forward on 2026-03-08: 07:30 that morning is EDT (UTC-4), the evening before EST (UTC-5).
    expect(iso(deliverAt(new Date('2026-03-08T04:00:00Z'), NIGHT, 'America/New_York'))).toBe(
      '2026-03-08T11:30:00.000Z',
    );
  });
});
