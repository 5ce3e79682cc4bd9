import { wallClock, fromWallClock } from '../local-date';

/** '2026-02-13 16:00' (or with :SS) as the instant a wall clock in `tz` shows it. */
export function at(local: string, tz = 'Asia/Shanghai'): Date {
  const [date, time] = local.split(' ') as [string, string];
  const [h, m, s = 0] = time.split(':').map(Number) as [number, number, number?];
  return fromWallClock(date, ((h * 60 + m) * 60 + s) * 1000, tz);
}

/** An instant as '2026-02-13 16:00' on the wall clock in `tz` (seconds shown when not zero). */
export function wall(d: Date, tz = 'Asia/Shanghai'): string {
  const { date, msOfDay } = wallClock(d, tz);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const s = Math.floor(msOfDay / 1000);
  const hhmm = `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}`;
  return s % 60 || msOfDay % 1000
    ? `${date} ${hhmm}:${pad(s % 60)}${msOfDay % 1000 ? `.${String(msOfDay % 1000).padStart(3, '0')}` : ''}`
    : `${date} ${hhmm}`;
}

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** Deterministic PRNG (mulberry32) so a failing property case can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
