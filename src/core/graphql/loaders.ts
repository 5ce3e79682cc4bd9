import DataLoader from 'dataloader';
import { loader, tenantReadScope, tenantScope, type ReadScope, type RequestContext } from './context';
import type { Em } from '../tenancy/tenant-tx';

/** The rows of each parent asked for, in the order asked. */
function byParent<T>(ids: readonly string[], rows: T[], parentOf: (row: T) => string): T[][] {
  const by = new Map<string, T[]>();
  for (const r of rows) {
    const list = by.get(parentOf(r)) ?? [];
    list.push(r);
    by.set(parentOf(r), list);
  }
  return ids.map((id) => by.get(id) ?? []);
}

/** The row of each id asked for, or null. */
function byOwnId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const found = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => found.get(id) ?? null);
}

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
        return byParent(ids, await fetch(scope.em, scope.tenant.id, ids), parentOf);
      }),
  );
}

/** {@link groupLoader} for plain rows: its batch reads outside any transaction (db/tenant-read.ts). */
export function readGroupLoader<T>(
  ctx: RequestContext,
  key: string,
  fetch: (scope: ReadScope, ids: readonly string[]) => Promise<T[]>,
  parentOf: (row: T) => string,
): DataLoader<string, T[]> {
  return loader(
    ctx,
    key,
    () => new DataLoader<string, T[]>(async (ids) => byParent(ids, await fetch(tenantReadScope(ctx), ids), parentOf)),
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
        return byOwnId(ids, await fetch(scope.em, scope.tenant.id, ids));
      }),
  );
}

/** {@link idLoader} for plain rows. */
export function readIdLoader<T extends { id: string }>(
  ctx: RequestContext,
  key: string,
  fetch: (scope: ReadScope, ids: readonly string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return loader(
    ctx,
    key,
    () => new DataLoader<string, T | null>(async (ids) => byOwnId(ids, await fetch(tenantReadScope(ctx), ids))),
  );
}
