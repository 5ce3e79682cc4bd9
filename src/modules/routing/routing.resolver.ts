import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { toPayload } from '../../core/graphql/payload';
import { categoryLoaders } from '../category/category.loaders';
import { CategoryType, RiskLevelEnum } from '../category/category.type';
import type { RiskLevel } from '../category/category.entity';
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

  @Query(() => RoutingRuleType, {
    nullable: true,
    description:
      'The rule dispatch would apply to a case of this category, reported at this unit, at this risk (null: none matches, so dispatch needs an explicit target)',
  })
  async routingPreview(
    @Ctx() ctx: RequestContext,
    @Arg('categoryId', () => ID, { nullable: true }) categoryId: string | null,
    @Arg('orgUnitId', () => ID, { nullable: true }) orgUnitId: string | null,
    @Arg('riskLevel', () => RiskLevelEnum) riskLevel: RiskLevel,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin', 'dispatcher', 'intake-clerk', 'leader');
    // The same match dispatch calls, so the preview cannot disagree with the routing it predicts.
    const rule = await ctx.services.routing.match(scope, {
      categoryId: categoryId ?? null,
      orgUnitId: orgUnitId ?? null,
      riskLevel,
    });
    return rule && RoutingRuleType.from(rule);
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
