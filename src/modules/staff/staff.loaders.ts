import DataLoader from 'dataloader';
import { loader, tenantScope, type RequestContext } from '../../core/graphql/context';
import { idLoader } from '../../core/graphql/loaders';
import type { CategoryEntity } from '../category/category.entity';
import type { StaffMemberEntity } from './staff.entity';

/** Each mediator's specialty categories for a page of staff: two queries per batch. */
export const specialtiesOf = (ctx: RequestContext) =>
  loader(
    ctx,
    'specialties',
    () =>
      new DataLoader<string, CategoryEntity[]>(async (staffIds) => {
        const scope = await tenantScope(ctx);
        const links = await ctx.services.staff.specialtiesOf(scope.em, scope.tenant.id, staffIds);
        const cats = await ctx.services.categories.findMany(scope.em, scope.tenant.id, [
          ...new Set(links.map((l) => l.categoryId)),
        ]);
        return staffIds.map((id) =>
          links
            .filter((l) => l.staffId === id)
            .map((l) => cats.find((c) => c.id === l.categoryId)!)
            .filter(Boolean),
        );
      }),
  );

/** Staff by id for a page of cases, sessions or visits: one query per batch. */
export const staffById = (ctx: RequestContext) =>
  idLoader(ctx, 'staff.byId', (em, t, ids) => ctx.services.staff.findMany(em, t, ids));

/** Staff by sign-in subject, to name who did what on a timeline: one query per batch. */
export const staffBySubject = (ctx: RequestContext) =>
  loader(
    ctx,
    'staff.bySubject',
    () =>
      new DataLoader<string, StaffMemberEntity | null>(async (subjects) => {
        const scope = await tenantScope(ctx);
        const rows = await ctx.services.staff.findBySubjects(scope.em, scope.tenant.id, subjects);
        return subjects.map((s) => rows.find((r) => r.keycloakSubject === s) ?? null);
      }),
  );
