import DataLoader from 'dataloader';
import { loader, type RequestContext } from '../../core/graphql/context';
import type { TenantRecord } from './tenant.model';

/** Parent tenants of a page of tenants: one directory lookup per batch. */
export const tenantsById = (ctx: RequestContext) =>
  loader(
    ctx,
    'tenantById',
    () =>
      new DataLoader<string, TenantRecord | null>(async (ids) => {
        const rows = await ctx.services.tenants.byIds(ids);
        return ids.map((id) => rows.find((t) => t.id === id) ?? null);
      }),
  );
