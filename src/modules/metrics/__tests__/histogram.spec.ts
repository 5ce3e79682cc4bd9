import { bucketOf, BUCKETS, percentileHours } from '../metric-days';

/** Exact percentile (continuous, as PostgreSQL's percentile_cont) of sorted values. */
const exact = (sorted: number[], p: number) => {
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (pos - lo);
};

describe('duration histograms', () => {
  it('estimate medians and p90 within 5 % over realistic spreads of durations', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (const scaleHours of [0.5, 8, 72, 24 * 20]) {
      const secs = Array.from({ length: 20_000 }, () => scaleHours * 3600 * (0.1 + rand() * rand() * 3));
      const hist = Array<number>(BUCKETS).fill(0);
      for (const s of secs) hist[bucketOf(s)]! += 1;
      const sorted = [...secs].sort((a, b) => a - b);
      for (const p of [0.5, 0.9]) {
        const want = exact(sorted, p) / 3600;
        expect(Math.abs(percentileHours(hist, p)! - want) / want).toBeLessThan(0.05);
      }
    }
  });

  it('answers null for an empty histogram and keeps sub-minute durations in the first bucket', () => {
    expect(percentileHours(Array(BUCKETS).fill(0), 0.5)).toBeNull();
    expect(bucketOf(5)).toBe(0);
    expect(bucketOf(60 * 1.1 ** 10 + 1)).toBe(10);
  });
});
