import DataLoader from 'dataloader';
import { loader, tenantScope, type RequestContext } from './context';
import type { Em } from '../tenancy/tenant-tx';

/**
 * A per-request loader of the rows belonging to each of a batch of parents (a page of cases and
 * their parties): one query per batch, however many parents the page has.
 */
export function groupLoader<T>(
  ctx: RequestContext,
  key: string,
  fetch: (em: Em, tenantId: string, ids: readonly string[]) => Promise<T[]>,
  parentOf: (row: T) => string,
): DataLoader<string, T[]> {
  return loader(
    ctx,
    key,
    () =>
      new DataLoader<string, T[]>(async (ids) => {
        const scope = await tenantScope(ctx);
        const rows = await fetch(scope.em, scope.tenant.id, ids);
        const by = new Map<string, T[]>();
        for (const r of rows) {
          const list = by.get(parentOf(r)) ?? [];
          list.push(r);
          by.set(parentOf(r), list);
        }
        return ids.map((id) => by.get(id) ?? []);
      }),
  );
}

/** A per-request loader of rows by their own id. */
export function idLoader<T extends { id: string }>(
  ctx: RequestContext,
  key: string,
  fetch: (em: Em, tenantId: string, ids: readonly string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return loader(
    ctx,
    key,
    () =>
      new DataLoader<string, T | null>(async (ids) => {
        const scope = await tenantScope(ctx);
        const rows = new Map((await fetch(scope.em, scope.tenant.id, ids)).map((r) => [r.id, r]));
        return ids.map((id) => rows.get(id) ?? null);
      }),
  );
}
