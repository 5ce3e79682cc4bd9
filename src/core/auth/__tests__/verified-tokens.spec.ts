import { VerifiedTokenCache } from '../verified-tokens';

describe('VerifiedTokenCache', () => {
  let now = 1_000_000_000_000;
  const clock = () => now;
  const exp = (inSeconds: number) => Math.floor(now / 1000) + inSeconds;
  const yes = () => true;

  it('answers a verified token until its own expiry (plus the skew), never after', () => {
    const cache = new VerifiedTokenCache(10, 600_000, 5_000, clock);
    const claims = { sub: 'u', exp: exp(30) };
    cache.put('t', claims, 'k1');
    expect(cache.get('t', yes)).toEqual(claims);
    now += 34_000;
    expect(cache.get('t', yes)).toEqual(claims);
    now += 1_500;
    expect(cache.get('t', yes)).toBeUndefined();
  });

  it('checks again after its maximum age even when the token lives longer', () => {
    const cache = new VerifiedTokenCache(10, 60_000, 0, clock);
    cache.put('t', { sub: 'u', exp: exp(3600) }, 'k1');
    now += 59_000;
    expect(cache.get('t', yes)).toBeDefined();
    now += 2_000;
    expect(cache.get('t', yes)).toBeUndefined();
  });

  it('keeps nothing without an expiry or already expired, and a different token text is a miss', () => {
    const cache = new VerifiedTokenCache(10, 60_000, 0, clock);
    cache.put('a', { sub: 'u' }, 'k1');
    cache.put('b', { sub: 'u', exp: exp(-1) }, 'k1');
    cache.put('c', { sub: 'u', exp: exp(60) }, 'k1');
    expect(cache.get('a', yes)).toBeUndefined();
    expect(cache.get('b', yes)).toBeUndefined();
    expect(cache.get('c ', yes)).toBeUndefined();
  });

  it('counts an entry only while the key that verified it is published, and keeps none without a key id', () => {
    const cache = new VerifiedTokenCache(10, 60_000, 0, clock);
    cache.put('t', { sub: 'u', exp: exp(60) }, 'k1');
    cache.put('n', { sub: 'u', exp: exp(60) }, undefined);
    expect(cache.get('t', (kid) => kid === 'k1')).toBeDefined();
    expect(cache.get('t', (kid) => kid === 'k2')).toBeUndefined();
    expect(cache.get('n', yes)).toBeUndefined();
  });

  it('holds at most its bound, dropping the oldest, and hands out claims nobody can change', () => {
    const cache = new VerifiedTokenCache(2, 60_000, 0, clock);
    for (const t of ['x', 'y', 'z']) cache.put(t, { sub: t, exp: exp(60) }, 'k1');
    expect(cache.get('x', yes)).toBeUndefined();
    expect(cache.get('y', yes)?.sub).toBe('y');
    const claims = cache.get('z', yes)!;
    expect(() => {
      (claims as { sub: string }).sub = 'someone else';
    }).toThrow(TypeError);
  });
});
