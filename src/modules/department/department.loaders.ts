import DataLoader from 'dataloader';
import { loader, tenantScope, type RequestContext } from '../../core/graphql/context';
import type { DepartmentEntity } from './department.entity';

export const departmentById = (ctx: RequestContext) =>
  loader(
    ctx,
    'departmentById',
    () =>
      new DataLoader<string, DepartmentEntity | null>(async (ids) => {
        const scope = await tenantScope(ctx);
        const rows = await ctx.services.departments.findMany(scope.em, scope.tenant.id, ids);
        return ids.map((id) => rows.find((r) => r.id === id) ?? null);
      }),
  );
