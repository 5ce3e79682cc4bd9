import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { toPayload } from '../../core/graphql/payload';
import { categoryLoaders } from '../category/category.loaders';
import { CategoryType } from '../category/category.type';
import { orgUnitLoaders } from '../org-unit/org-unit.loaders';
import { OrgUnitType } from '../org-unit/org-unit.type';
import { departmentById } from '../department/department.loaders';
import { DepartmentType } from '../department/department.type';
import {
  DeleteRoutingRuleInput,
  RoutingRuleConnection,
  RoutingRulePayload,
  RoutingRuleType,
  UpsertRoutingRuleInput,
} from './routing.type';

@Resolver(() => RoutingRuleType)
export class RoutingResolver {
  @Query(() => RoutingRuleConnection, { description: 'In the order they are tried' })
  async routingRules(@Ctx() ctx: RequestContext, @Args(() => PageArgs) page: PageArgs) {
    const req = pageRequest(page, ['string', 'uuid']);
    const scope = await tenantScope(ctx, 'tenant-admin', 'dispatcher', 'intake-clerk', 'leader');
    return connectionFrom(await ctx.services.routing.list(scope, req), RoutingRuleType.from);
  }

  @Mutation(() => RoutingRulePayload)
  async upsertRoutingRule(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpsertRoutingRuleInput) input: UpsertRoutingRuleInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(ctx, await ctx.services.routing.upsert(scope, input), 'routingRule', RoutingRuleType.from);
  }

  @Mutation(() => RoutingRulePayload)
  async deleteRoutingRule(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DeleteRoutingRuleInput) input: DeleteRoutingRuleInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(ctx, await ctx.services.routing.delete(scope, input.id), 'routingRule', RoutingRuleType.from);
  }

  @FieldResolver(() => CategoryType, { nullable: true })
  async category(@Root() r: RoutingRuleType, @Ctx() ctx: RequestContext) {
    const c = r.categoryId ? await categoryLoaders(ctx).byId.load(r.categoryId) : null;
    return c && CategoryType.from(c);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'Where the case was reported' })
  async orgUnit(@Root() r: RoutingRuleType, @Ctx() ctx: RequestContext) {
    const u = r.orgUnitId ? await orgUnitLoaders(ctx).byId.load(r.orgUnitId) : null;
    return u && OrgUnitType.from(u);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true })
  async targetOrgUnit(@Root() r: RoutingRuleType, @Ctx() ctx: RequestContext) {
    const u = r.targetOrgUnitId ? await orgUnitLoaders(ctx).byId.load(r.targetOrgUnitId) : null;
    return u && OrgUnitType.from(u);
  }

  @FieldResolver(() => DepartmentType, { nullable: true })
  async targetDepartment(@Root() r: RoutingRuleType, @Ctx() ctx: RequestContext) {
    const d = r.targetDepartmentId ? await departmentById(ctx).load(r.targetDepartmentId) : null;
    return d && DepartmentType.from(d);
  }
}
