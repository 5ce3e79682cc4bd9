import DataLoader from 'dataloader';
import { loader, tenantScope, type RequestContext } from '../../core/graphql/context';
import type { CategoryEntity } from './category.entity';

/** Parents and children of a page of categories: one query per batch. */
export const categoryLoaders = (ctx: RequestContext) =>
  loader(ctx, 'category', () => ({
    byId: new DataLoader<string, CategoryEntity | null>(async (ids) => {
      const scope = await tenantScope(ctx);
      const rows = await ctx.services.categories.findMany(scope.em, scope.tenant.id, ids);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    childrenOf: new DataLoader<string, CategoryEntity[]>(async (ids) => {
      const scope = await tenantScope(ctx);
      const rows = await ctx.services.categories.findChildren(scope.em, scope.tenant.id, ids);
      return ids.map((id) => rows.filter((r) => r.parentId === id));
    }),
  }));
