import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { toPayload } from '../../core/graphql/payload';
import { orgUnitLoaders } from './org-unit.loaders';
import {
  ArchiveOrgUnitInput,
  CreateOrgUnitInput,
  OrgUnitConnection,
  OrgUnitFilter,
  OrgUnitPayload,
  OrgUnitType,
  UpdateOrgUnitInput,
} from './org-unit.type';

@Resolver(() => OrgUnitType)
export class OrgUnitResolver {
  @Query(() => OrgUnitConnection, { description: 'Org units of the current tenant, oldest first' })
  async orgUnits(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OrgUnitFilter, { nullable: true }) filter?: OrgUnitFilter,
  ) {
    const req = pageRequest(page, ['uuid']);
    const scope = await tenantScope(ctx);
    return connectionFrom(await ctx.services.orgUnits.list(scope, filter ?? {}, req), OrgUnitType.from);
  }

  @Query(() => OrgUnitType, { nullable: true })
  async orgUnit(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const u = await ctx.services.orgUnits.find(await tenantScope(ctx), id);
    return u && OrgUnitType.from(u);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true })
  async parent(@Root() unit: OrgUnitType, @Ctx() ctx: RequestContext) {
    if (!unit.parentId) return null;
    const p = await orgUnitLoaders(ctx).byId.load(unit.parentId);
    return p && OrgUnitType.from(p);
  }

  @FieldResolver(() => [OrgUnitType], { description: 'Active direct sub-units, by name' })
  async children(@Root() unit: OrgUnitType, @Ctx() ctx: RequestContext) {
    return (await orgUnitLoaders(ctx).childrenOf.load(unit.id)).map(OrgUnitType.from);
  }

  @Mutation(() => OrgUnitPayload)
  async createOrgUnit(@Ctx() ctx: RequestContext, @Arg('input', () => CreateOrgUnitInput) input: CreateOrgUnitInput) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(ctx, await ctx.services.orgUnits.create(scope, input), 'orgUnit', OrgUnitType.from);
  }

  @Mutation(() => OrgUnitPayload)
  async updateOrgUnit(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateOrgUnitInput) input: UpdateOrgUnitInput) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    const { id, ...fields } = input;
    return toPayload(ctx, await ctx.services.orgUnits.update(scope, id, fields), 'orgUnit', OrgUnitType.from);
  }

  @Mutation(() => OrgUnitPayload, { description: 'Archive a unit: it keeps its history but takes no new work' })
  async archiveOrgUnit(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ArchiveOrgUnitInput) input: ArchiveOrgUnitInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(ctx, await ctx.services.orgUnits.archive(scope, input.id), 'orgUnit', OrgUnitType.from);
  }
}
