import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { toPayload } from '../../core/graphql/payload';
import type { Role } from '../../core/auth/roles';
import { maskPhone } from '../case/personal-data';
import { caseLoaders } from '../case/case.loaders';
import { CaseType } from '../case/case.type';
import { departmentById } from '../department/department.loaders';
import { DepartmentType } from '../department/department.type';
import { orgUnitLoaders } from '../org-unit/org-unit.loaders';
import { OrgUnitType } from '../org-unit/org-unit.type';
import { staffById } from '../staff/staff.loaders';
import { StaffMemberType } from '../staff/staff.type';
import {
  ConsultationConnection,
  ConsultationFilterInput,
  ConsultationPayload,
  ConsultationType,
  RecordConsultationInput,
  TurnConsultationIntoCaseInput,
  TurnConsultationIntoCasePayload,
} from './consultation.type';

/** Whoever works a window records consultations; machine feeds do not come to the window. */
const WINDOW: Role[] = ['intake-clerk', 'dispatcher', 'grid-worker', 'mediator', 'liaison', 'leader', 'tenant-admin'];
const READERS: Role[] = [...WINDOW, 'auditor'];

@Resolver(() => ConsultationType)
export class ConsultationResolver {
  @Query(() => ConsultationConnection, { description: 'Consultations at the window, newest first' })
  async consultations(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ConsultationFilterInput, { nullable: true }) filter?: ConsultationFilterInput,
  ) {
    const req = pageRequest(page, ['timestamp', 'uuid']);
    const scope = await tenantScope(ctx, ...READERS);
    return connectionFrom(await ctx.services.consultations.list(scope, filter ?? {}, req), ConsultationType.from);
  }

  @Query(() => ConsultationType, { nullable: true })
  async consultation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const scope = await tenantScope(ctx, ...READERS);
    const k = await ctx.services.consultations.find(scope, id);
    return k && ConsultationType.from(k);
  }

  @Mutation(() => ConsultationPayload, { description: 'Record help given at the window that is not a dispute' })
  async recordConsultation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordConsultationInput) input: RecordConsultationInput,
  ) {
    const scope = await tenantScope(ctx, ...WINDOW);
    return toPayload(ctx, await ctx.services.consultations.record(scope, input), 'consultation', ConsultationType.from);
  }

  @Mutation(() => TurnConsultationIntoCasePayload, {
    description: 'The visit was a dispute after all: report it as a case (once), the visitor as applicant',
  })
  async turnConsultationIntoCase(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => TurnConsultationIntoCaseInput) input: TurnConsultationIntoCaseInput,
  ) {
    const scope = await tenantScope(ctx, ...WINDOW);
    const r = await ctx.services.consultations.turnIntoCase(scope, input);
    if (!r.ok) return { ...toPayload(ctx, r, 'consultation', () => null), case: null };
    return {
      consultation: ConsultationType.from(r.value.consultation),
      case: CaseType.from(r.value.case),
      userErrors: [],
    };
  }

  @FieldResolver(() => String, { nullable: true, description: 'Masked unless your role sees personal data' })
  async visitorPhone(@Root() k: ConsultationType, @Ctx() ctx: RequestContext) {
    if (!k.visitorPhone) return null;
    const sees = await ctx.services.personalData.readerSees(await tenantScope(ctx));
    return sees ? k.visitorPhone : maskPhone(k.visitorPhone);
  }

  @FieldResolver(() => DepartmentType, { nullable: true })
  async department(@Root() k: ConsultationType, @Ctx() ctx: RequestContext) {
    const d = k.departmentId ? await departmentById(ctx).load(k.departmentId) : null;
    return d && DepartmentType.from(d);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true })
  async orgUnit(@Root() k: ConsultationType, @Ctx() ctx: RequestContext) {
    const u = k.orgUnitId ? await orgUnitLoaders(ctx).byId.load(k.orgUnitId) : null;
    return u && OrgUnitType.from(u);
  }

  @FieldResolver(() => StaffMemberType, { nullable: true, description: 'Who helped' })
  async staff(@Root() k: ConsultationType, @Ctx() ctx: RequestContext) {
    const s = k.staffId ? await staffById(ctx).load(k.staffId) : null;
    return s && StaffMemberType.from(s);
  }

  @FieldResolver(() => CaseType, { nullable: true, description: 'The case it was turned into' })
  async case(@Root() k: ConsultationType, @Ctx() ctx: RequestContext) {
    const c = k.caseId ? await caseLoaders(ctx).byId.load(k.caseId) : null;
    return c && CaseType.from(c);
  }
}
