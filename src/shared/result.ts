import type { UserErrorData } from '../shared/user-error';

/** A service outcome: the changed object, or the userErrors that explain why nothing changed. */
export type Result<T, C extends string = string> = { ok: true; value: T } | { ok: false; errors: UserErrorData<C>[] };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <C extends string>(...errors: UserErrorData<C>[]): Result<never, C> => ({ ok: false, errors });

/** Trim, and treat blank as absent: a clerk's stray space is not a value. */
export function clean(s: string | null | undefined): string | null | undefined {
  if (s === undefined || s === null) return s;
  const t = s.trim();
  return t === '' ? null : t;
}
