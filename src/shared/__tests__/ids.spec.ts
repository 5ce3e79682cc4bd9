import { isUuid, uuidv7 } from '../ids';

describe('uuidv7', () => {
  it('makes valid, time-ordered UUIDs', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(isUuid(a)).toBe(true);
    expect(a[14]).toBe('7');
    expect(a < b).toBe(true);
  });

  it('keeps ids of the same millisecond in creation order', () => {
    const ids = Array.from({ length: 500 }, () => uuidv7(1_700_000_000_123));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(500);
  });
});
