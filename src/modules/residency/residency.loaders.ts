import DataLoader from 'dataloader';
import { loader, tenantScope, type RequestContext } from '../../core/graphql/context';
import type { StaffMemberEntity } from '../staff/staff.entity';

/** The people of a page of shifts: two queries per batch. */
export const shiftStaff = (ctx: RequestContext) =>
  loader(
    ctx,
    'shiftStaff',
    () =>
      new DataLoader<string, StaffMemberEntity[]>(async (shiftIds) => {
        const scope = await tenantScope(ctx);
        const links = await ctx.services.rosters.assignments(scope.em, scope.tenant.id, shiftIds);
        const people = await ctx.services.staff.findMany(scope.em, scope.tenant.id, [
          ...new Set(links.map((l) => l.staffId)),
        ]);
        return shiftIds.map((id) =>
          links
            .filter((l) => l.shiftId === id)
            .map((l) => people.find((p) => p.id === l.staffId)!)
            .filter(Boolean),
        );
      }),
  );
