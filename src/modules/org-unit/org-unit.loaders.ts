import DataLoader from 'dataloader';
import { loader, tenantScope, type RequestContext } from '../../core/graphql/context';
import type { OrgUnitEntity } from './org-unit.entity';

/** One query per batch of parents/children requested by a page, whatever its size. */
export function orgUnitLoaders(ctx: RequestContext) {
  return loader(ctx, 'orgUnit', () => ({
    byId: new DataLoader<string, OrgUnitEntity | null>(async (ids) => {
      const scope = await tenantScope(ctx);
      const rows = await ctx.services.orgUnits.findMany(scope.em, scope.tenant.id, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    childrenOf: new DataLoader<string, OrgUnitEntity[]>(async (ids) => {
      const scope = await tenantScope(ctx);
      const rows = await ctx.services.orgUnits.findChildren(scope.em, scope.tenant.id, ids);
      return ids.map((id) => rows.filter((r) => r.parentId === id));
    }),
  }));
}
