import { pgTimestamp } from '../plain-rows';

describe('pgTimestamp', () => {
  it('reads PostgreSQL’s UTC text as Date’s own parser reads its ISO form, to the millisecond', () => {
    const samples = [
      '2026-11-27 06:15:02.123456+00',
      '2026-01-02 23:59:59+00',
      '2026-03-04 05:06:07.1+00',
      '2026-03-04 05:06:07.12+00',
      '2026-03-04 05:06:07.999999+00',
      '2024-02-29 00:00:00.000001+00',
      '1999-12-31 23:59:59.5+00',
    ];
    // and a spread of random instants, microseconds included
    for (let i = 0; i < 500; i++) {
      const ms = Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 40 * 365 * 86_400_000);
      const micros = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
      samples.push(`${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}.${micros}+00`);
    }
    for (const s of samples) {
      const iso = `${s.replace(' ', 'T')}:00`;
      expect(pgTimestamp(s)!.toISOString()).toBe(new Date(iso).toISOString());
      // the same instant as json_build_object writes it
      expect(pgTimestamp(iso)!.toISOString()).toBe(new Date(iso).toISOString());
    }
  });

  it('leaves other shapes to the general parse', () => {
    expect(pgTimestamp('2026-11-27 14:15:02+08')!.toISOString()).toBe('2026-11-27T06:15:02.000Z');
    expect(pgTimestamp(null)).toBeNull();
    const d = new Date();
    expect(pgTimestamp(d)).toBe(d);
  });
});
