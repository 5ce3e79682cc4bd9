import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { toPage } from '../../shared/page';
import { toPayload } from '../../core/graphql/payload';
import { CategoryType } from '../category/category.type';
import { DepartmentType } from '../department/department.type';
import { departmentById } from '../department/department.loaders';
import { orgUnitLoaders } from '../org-unit/org-unit.loaders';
import { OrgUnitType } from '../org-unit/org-unit.type';
import { specialtiesOf } from './staff.loaders';
import {
  CreateStaffMemberInput,
  MediatorFilter,
  MediatorProfileType,
  StaffFilter,
  StaffMemberConnection,
  StaffMemberPayload,
  StaffMemberType,
  UpdateStaffMemberInput,
} from './staff.type';

@Resolver(() => StaffMemberType)
export class StaffResolver {
  @Query(() => StaffMemberConnection, { description: "The center's people, oldest first" })
  async staff(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => StaffFilter, { nullable: true }) filter?: StaffFilter,
  ) {
    const req = pageRequest(page, ['uuid']);
    const scope = await tenantScope(ctx);
    return connectionFrom(await ctx.services.staff.list(scope, filter ?? {}, req), StaffMemberType.from);
  }

  @Query(() => StaffMemberType, { nullable: true })
  async staffMember(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const s = await ctx.services.staff.find(await tenantScope(ctx), id);
    return s && StaffMemberType.from(s);
  }

  @Query(() => StaffMemberConnection, {
    description: 'Mediators to choose from: by specialty, on duty at a time, with room for another case',
  })
  async mediators(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => MediatorFilter, { nullable: true }) filter?: MediatorFilter,
  ) {
    const { first, after } = pageRequest(page, ['string', 'uuid']);
    const scope = await tenantScope(ctx);
    const all = await ctx.services.duty.mediators(scope, filter ?? {});
    const rest = after ? all.filter((m) => m.name > after[0]! || (m.name === after[0] && m.id > after[1]!)) : all;
    const result = toPage(rest.slice(0, first + 1), first, (m) => [m.name, m.id], !!after);
    result.totalCount = async () => all.length;
    return connectionFrom(result, StaffMemberType.from);
  }

  @FieldResolver(() => DepartmentType, { nullable: true })
  async department(@Root() s: StaffMemberType, @Ctx() ctx: RequestContext) {
    const d = s.departmentId ? await departmentById(ctx).load(s.departmentId) : null;
    return d && DepartmentType.from(d);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true })
  async orgUnit(@Root() s: StaffMemberType, @Ctx() ctx: RequestContext) {
    const u = s.orgUnitId ? await orgUnitLoaders(ctx).byId.load(s.orgUnitId) : null;
    return u && OrgUnitType.from(u);
  }

  @FieldResolver(() => MediatorProfileType, { nullable: true })
  mediatorProfile(@Root() s: StaffMemberType) {
    return s.profile;
  }

  @Mutation(() => StaffMemberPayload)
  async createStaffMember(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateStaffMemberInput) input: CreateStaffMemberInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(ctx, await ctx.services.staff.create(scope, input), 'staffMember', StaffMemberType.from);
  }

  @Mutation(() => StaffMemberPayload)
  async updateStaffMember(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateStaffMemberInput) input: UpdateStaffMemberInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    const { id, ...fields } = input;
    return toPayload(ctx, await ctx.services.staff.update(scope, id, fields), 'staffMember', StaffMemberType.from);
  }
}

@Resolver(() => MediatorProfileType)
export class MediatorProfileResolver {
  @FieldResolver(() => [CategoryType], { description: 'Dispute categories this mediator takes' })
  async specialties(@Root() p: MediatorProfileType, @Ctx() ctx: RequestContext) {
    return (await specialtiesOf(ctx).load(p.staffId)).map(CategoryType.from);
  }
}
