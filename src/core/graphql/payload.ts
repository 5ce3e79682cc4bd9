import type { RequestContext } from './context';
import type { Result } from '../../shared/result';

/**
 * Shapes a service Result into `{ <key>: object, userErrors }`. A refused mutation also marks
 * the request's transaction rollback-only, so nothing staged on the way is ever committed.
 */
export function toPayload<T, N, K extends string>(ctx: RequestContext, r: Result<T>, key: K, map: (v: T) => N) {
  if (r.ok) return { [key]: map(r.value), userErrors: [] } as { [P in K]: N | null } & { userErrors: never[] };
  ctx.uow?.rollbackOnly();
  return { [key]: null, userErrors: r.errors } as unknown as { [P in K]: N | null } & { userErrors: never[] };
}
