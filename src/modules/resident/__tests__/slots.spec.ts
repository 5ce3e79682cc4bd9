import { freeSlots } from '../slots';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);
const opts = { count: 3, days: 8, leadMs: 2 * 3_600_000 };

describe('next free slots of a mediator', () => {
  // Monday 2026-11-30 08:00 in Shanghai is 00:00Z.
  const now = at('2026-11-30T00:00:00Z');

  it('offers whole hours inside the unit opening hours, from two hours ahead', () => {
    const slots = freeSlots(
      { openingHours: [{ weekday: 1, opens: '09:00', closes: '12:00' }], shifts: [], busy: [], timeZone: TZ },
      now,
      opts,
    );
    expect(slots.map((s) => s.from.toISOString())).toEqual([
      '2026-11-30T02:00:00.000Z', // 10:00 local: 09:00 is less than two hours away
      '2026-11-30T03:00:00.000Z', // 11:00; 12:00 would end after closing
      '2026-12-07T01:00:00.000Z', // next Monday 09:00
    ]);
  });

  it('leaves out booked hours and adds roster shifts outside opening hours', () => {
    const slots = freeSlots(
      {
        openingHours: [{ weekday: 1, opens: '09:00', closes: '12:00' }],
        shifts: [{ from: at('2026-11-30T10:00:00Z'), to: at('2026-11-30T12:00:00Z') }], // 18:00–20:00 local
        busy: [{ from: at('2026-11-30T02:30:00Z'), to: at('2026-11-30T03:10:00Z') }],
        timeZone: TZ,
      },
      now,
      opts,
    );
    expect(slots.map((s) => s.from.toISOString())).toEqual([
      '2026-11-30T10:00:00.000Z',
      '2026-11-30T11:00:00.000Z',
      '2026-12-07T01:00:00.000Z',
    ]);
  });

  it('uses weekday office hours when the unit has none configured', () => {
    const saturday = at('2026-12-05T00:00:00Z');
    const [first] = freeSlots({ openingHours: [], shifts: [], busy: [], timeZone: TZ }, saturday, opts);
    expect(first!.from.toISOString()).toBe('2026-12-07T01:00:00.000Z'); // Monday 09:00 local
  });
});
