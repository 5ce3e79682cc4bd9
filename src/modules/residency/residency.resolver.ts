import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { toPayload } from '../../core/graphql/payload';
import { badUserInput } from '../../core/errors/errors';
import { DepartmentType } from '../department/department.type';
import { departmentById } from '../department/department.loaders';
import { orgUnitLoaders } from '../org-unit/org-unit.loaders';
import { OrgUnitType } from '../org-unit/org-unit.type';
import { StaffMemberType } from '../staff/staff.type';
import { shiftStaff } from './residency.loaders';
import {
  EndResidencyInput,
  OnDutyType,
  ResidencyConnection,
  ResidencyFilter,
  ResidencyPayload,
  ResidencyType,
  RotationShiftType,
  SetRotationShiftsInput,
  SetRotationShiftsPayload,
  StationDepartmentInput,
  UpdateResidencyInput,
} from './residency.type';

const MAX_SHIFT_WINDOW_MS = 62 * 86_400_000;

@Resolver(() => ResidencyType)
export class ResidencyResolver {
  @Query(() => ResidencyConnection, {
    description: 'Departments stationed at units (current ones unless includeEnded)',
  })
  async residencies(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ResidencyFilter, { nullable: true }) filter?: ResidencyFilter,
  ) {
    const req = pageRequest(page, ['uuid']);
    const scope = await tenantScope(ctx);
    return connectionFrom(await ctx.services.residencies.list(scope, filter ?? {}, req), ResidencyType.from);
  }

  @Query(() => OnDutyType, {
    nullable: true,
    description: 'Which departments and people are at a unit at an instant (default: now)',
  })
  async onDuty(
    @Ctx() ctx: RequestContext,
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('at', () => Date, { nullable: true }) at?: Date | null,
  ) {
    const scope = await tenantScope(ctx);
    const d = await ctx.services.duty.onDuty(scope, orgUnitId, at ?? new Date());
    if (!d) return null;
    const entry = (e: (typeof d.present)[number]) => ({
      residency: ResidencyType.from(e.residency),
      staff: e.staff.map(StaffMemberType.from),
      shift: e.shift && RotationShiftType.from(e.shift),
    });
    return {
      at: d.at,
      orgUnit: OrgUnitType.from(d.orgUnit),
      present: d.present.map(entry),
      callable: d.callable.map(entry),
    };
  }

  @FieldResolver(() => DepartmentType)
  async department(@Root() r: ResidencyType, @Ctx() ctx: RequestContext) {
    return DepartmentType.from((await departmentById(ctx).load(r.departmentId))!);
  }

  @FieldResolver(() => OrgUnitType)
  async orgUnit(@Root() r: ResidencyType, @Ctx() ctx: RequestContext) {
    return OrgUnitType.from((await orgUnitLoaders(ctx).byId.load(r.orgUnitId))!);
  }

  @FieldResolver(() => [RotationShiftType], { description: 'Shifts overlapping [from, to), at most 62 days' })
  async shifts(
    @Root() r: ResidencyType,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ) {
    if (!(from < to) || to.getTime() - from.getTime() > MAX_SHIFT_WINDOW_MS)
      throw badUserInput({ id: 'error.dutyRange' });
    const scope = await tenantScope(ctx);
    return (await ctx.services.rosters.shifts(scope.em, scope.tenant.id, [r.id], from, to)).map(RotationShiftType.from);
  }

  @Mutation(() => ResidencyPayload, { description: 'Station a department at an org unit' })
  async stationDepartment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => StationDepartmentInput) input: StationDepartmentInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(ctx, await ctx.services.residencies.station(scope, input), 'residency', ResidencyType.from);
  }

  @Mutation(() => ResidencyPayload)
  async updateResidency(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateResidencyInput) input: UpdateResidencyInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    const { id, ...patch } = input;
    return toPayload(ctx, await ctx.services.residencies.update(scope, id, patch), 'residency', ResidencyType.from);
  }

  @Mutation(() => ResidencyPayload, { description: 'End a residency; it stays as history' })
  async endResidency(@Ctx() ctx: RequestContext, @Arg('input', () => EndResidencyInput) input: EndResidencyInput) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(
      ctx,
      await ctx.services.residencies.end(scope, input.id, input.endsAt ?? null),
      'residency',
      ResidencyType.from,
    );
  }

  @Mutation(() => SetRotationShiftsPayload, {
    description: 'Replace the roster of a rotating or joint residency within a horizon',
  })
  async setRotationShifts(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SetRotationShiftsInput) input: SetRotationShiftsInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    const r = await ctx.services.rosters.setShifts(scope, input);
    if (!r.ok) {
      ctx.uow?.rollbackOnly();
      return { residency: null, shifts: null, userErrors: r.errors };
    }
    return {
      residency: ResidencyType.from(r.value.residency),
      shifts: r.value.shifts.map(RotationShiftType.from),
      userErrors: [],
    };
  }
}

@Resolver(() => RotationShiftType)
export class RotationShiftResolver {
  @FieldResolver(() => [StaffMemberType], { description: 'Staff on duty in this shift' })
  async staff(@Root() s: RotationShiftType, @Ctx() ctx: RequestContext) {
    return (await shiftStaff(ctx).load(s.id)).map(StaffMemberType.from);
  }
}
