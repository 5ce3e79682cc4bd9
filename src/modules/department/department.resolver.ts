import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { toPayload } from '../../core/graphql/payload';
import {
  CreateDepartmentInput,
  DepartmentConnection,
  DepartmentFilter,
  DepartmentPayload,
  DepartmentType,
  UpdateDepartmentInput,
} from './department.type';

@Resolver()
export class DepartmentResolver {
  @Query(() => DepartmentConnection, { description: "The tenant's department catalogue, by name" })
  async departments(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => DepartmentFilter, { nullable: true }) filter?: DepartmentFilter,
  ) {
    const req = pageRequest(page, ['string', 'uuid']);
    const scope = await tenantScope(ctx);
    const result = await ctx.services.departments.list(scope, filter ?? {}, req);
    return connectionFrom(result, DepartmentType.from);
  }

  @Query(() => DepartmentType, { nullable: true })
  async department(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const d = await ctx.services.departments.find(await tenantScope(ctx), id);
    return d && DepartmentType.from(d);
  }

  @Mutation(() => DepartmentPayload)
  async createDepartment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateDepartmentInput) input: CreateDepartmentInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(ctx, await ctx.services.departments.create(scope, input), 'department', DepartmentType.from);
  }

  @Mutation(() => DepartmentPayload)
  async updateDepartment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateDepartmentInput) input: UpdateDepartmentInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    const { id, ...fields } = input;
    return toPayload(ctx, await ctx.services.departments.update(scope, id, fields), 'department', DepartmentType.from);
  }
}
