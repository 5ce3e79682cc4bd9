import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { toPage, type Page, type PageRequest } from '../../shared/page';
import { userError, type UserErrorData } from '../../shared/user-error';
import { isRole } from '../../core/auth/roles';
import { clean, fail, ok, type Result } from '../../shared/result';
import { isUuid } from '../../shared/ids';
import { findById, findByIds } from '../../core/db/by-id';
import { snapshot, type AuditService } from '../audit/audit.service';
import type { DepartmentService } from '../department/department.service';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import type { CategoryService } from '../category/category.service';
import { MediatorSpecialtyEntity, StaffMemberEntity } from './staff.entity';
import { StaffErrorCode as E } from './staff.errors';
import { listArg } from '../../shared/message-ref';

export interface MediatorProfileFields {
  specialtyIds: string[];
  studioName?: string | null;
  languages?: string[] | null;
  goldMedal?: boolean | null;
  maxConcurrentCases: number;
}

export interface StaffFields {
  name?: string | null;
  keycloakSubject?: string | null;
  roles?: string[] | null;
  departmentId?: string | null;
  orgUnitId?: string | null;
  active?: boolean | null;
  /** null removes the mediator profile; undefined leaves it */
  mediatorProfile?: MediatorProfileFields | null;
}

export interface StaffListFilter {
  departmentId?: string | null;
  orgUnitId?: string | null;
  role?: string | null;
  mediatorsOnly?: boolean | null;
  includeInactive?: boolean | null;
}

type Errors = UserErrorData<E>[];

export class StaffService {
  constructor(
    private readonly audit: AuditService,
    private readonly departments: DepartmentService,
    private readonly orgUnits: OrgUnitService,
    private readonly categories: CategoryService,
  ) {}

  async list(
    scope: TenantScope,
    filter: StaffListFilter,
    { first, after }: PageRequest,
  ): Promise<Page<StaffMemberEntity>> {
    const where: Record<string, unknown> = { tenantId: scope.tenant.id };
    if (filter.departmentId) where['departmentId'] = filter.departmentId;
    if (filter.orgUnitId) where['orgUnitId'] = filter.orgUnitId;
    if (filter.role) where['roles'] = { $contains: [filter.role] };
    if (filter.mediatorsOnly) where['isMediator'] = true;
    if (!filter.includeInactive) where['active'] = true;
    for (const k of ['departmentId', 'orgUnitId'] as const)
      if (filter[k] && !isUuid(filter[k])) return toPage([], first, () => [], false);
    const rows = await scope.em.find(StaffMemberEntity, after ? { ...where, id: { $gt: after[0]! } } : where, {
      orderBy: { id: 'asc' },
      limit: first + 1,
    });
    const page = toPage(rows, first, (s) => [s.id], !!after);
    page.totalCount = () => scope.em.count(StaffMemberEntity, where);
    return page;
  }

  find(scope: TenantScope, id: string): Promise<StaffMemberEntity | null> {
    return findById(scope.em, StaffMemberEntity, scope.tenant.id, id);
  }

  findMany(em: Em, tenantId: string, ids: readonly string[]): Promise<StaffMemberEntity[]> {
    return findByIds(em, StaffMemberEntity, tenantId, ids);
  }

  findBySubjects(em: Em, tenantId: string, subjects: readonly string[]): Promise<StaffMemberEntity[]> {
    return em.find(StaffMemberEntity, { tenantId, keycloakSubject: { $in: [...subjects] } });
  }

  specialtiesOf(em: Em, tenantId: string, staffIds: readonly string[]): Promise<MediatorSpecialtyEntity[]> {
    return em.find(MediatorSpecialtyEntity, { tenantId, staffId: { $in: [...staffIds] } });
  }

  async create(scope: TenantScope, input: StaffFields & { name: string }): Promise<Result<StaffMemberEntity, E>> {
    const s = Object.assign(new StaffMemberEntity(), { tenantId: scope.tenant.id });
    const errors = await this.check(scope, s, input, true);
    if (errors.length) return fail(...errors);
    scope.em.persist(s);
    await this.apply(scope, s, input);
    this.audit.record(scope, { action: 'staff.create', targetType: 'StaffMember', targetId: s.id, after: snapshot(s) });
    await scope.em.flush();
    return ok(s);
  }

  async update(scope: TenantScope, id: string, input: StaffFields): Promise<Result<StaffMemberEntity, E>> {
    const s = await this.find(scope, id);
    if (!s) return fail(userError(['input', 'id'], E.NOT_FOUND, 'notFound.staff'));
    const errors = await this.check(scope, s, input, false);
    if (errors.length) return fail(...errors);
    const before = snapshot(s);
    await this.apply(scope, s, input);
    this.audit.record(scope, {
      action: 'staff.update',
      targetType: 'StaffMember',
      targetId: s.id,
      before,
      after: snapshot(s),
    });
    await scope.em.flush();
    return ok(s);
  }

  /** Every check before any change, so a refused input leaves nothing staged. */
  private async check(
    scope: TenantScope,
    s: StaffMemberEntity,
    input: StaffFields,
    creating: boolean,
  ): Promise<Errors> {
    const errors: Errors = [];
    const name = clean(input.name);
    if ((creating || input.name !== undefined) && (!name || name.length > 100))
      errors.push(userError(['input', 'name'], E.INVALID, 'input.name100'));
    const badRoles = (input.roles ?? []).filter((r) => !isRole(r));
    if (badRoles.length)
      errors.push(userError(['input', 'roles'], E.INVALID, 'staff.unknownRoles', { roles: listArg(badRoles) }));
    if (input.departmentId && !(await this.departments.find(scope, input.departmentId)))
      errors.push(userError(['input', 'departmentId'], E.DEPARTMENT_NOT_FOUND, 'notFound.department'));
    if (input.orgUnitId) {
      const unit = await this.orgUnits.find(scope, input.orgUnitId);
      if (!unit || unit.archivedAt)
        errors.push(userError(['input', 'orgUnitId'], E.ORG_UNIT_NOT_FOUND, 'notFound.activeOrgUnit'));
    }
    const subject = clean(input.keycloakSubject);
    if (subject) {
      const holder = await scope.em.findOne(StaffMemberEntity, { tenantId: scope.tenant.id, keycloakSubject: subject });
      if (holder && holder.id !== s.id)
        errors.push(
          userError(['input', 'keycloakSubject'], E.SUBJECT_TAKEN, 'staff.subjectTaken', { name: holder.name }),
        );
    }
    const p = input.mediatorProfile;
    if (p) {
      if (!Number.isInteger(p.maxConcurrentCases) || p.maxConcurrentCases < 0 || p.maxConcurrentCases > 1000) {
        errors.push(userError(['input', 'mediatorProfile', 'maxConcurrentCases'], E.INVALID, 'staff.maxConcurrent'));
      }
      const ids = [...new Set(p.specialtyIds)];
      const found = await this.categories.findMany(scope.em, scope.tenant.id, ids);
      if (found.length !== ids.length)
        errors.push(
          userError(['input', 'mediatorProfile', 'specialtyIds'], E.CATEGORY_NOT_FOUND, 'staff.categoriesMissing'),
        );
    }
    return errors;
  }

  private async apply(scope: TenantScope, s: StaffMemberEntity, input: StaffFields): Promise<void> {
    if (input.name) s.name = clean(input.name)!;
    if (input.keycloakSubject !== undefined) s.keycloakSubject = clean(input.keycloakSubject) ?? null;
    if (input.roles) s.roles = [...new Set(input.roles)].sort();
    if (input.departmentId !== undefined) s.departmentId = input.departmentId;
    if (input.orgUnitId !== undefined) s.orgUnitId = input.orgUnitId;
    if (input.active !== undefined && input.active !== null) s.active = input.active;
    if (input.mediatorProfile === undefined) return;
    const p = input.mediatorProfile;
    s.isMediator = !!p;
    s.studioName = clean(p?.studioName) ?? null;
    s.languages = (p?.languages ?? []).map((l) => l.trim()).filter(Boolean);
    s.goldMedal = !!p?.goldMedal;
    s.maxConcurrentCases = p?.maxConcurrentCases ?? 0;
    // The staff row must exist before its specialties reference it (ids, not ORM relations).
    await scope.em.flush();
    await scope.em.nativeDelete(MediatorSpecialtyEntity, { tenantId: scope.tenant.id, staffId: s.id });
    for (const categoryId of new Set(p?.specialtyIds ?? [])) {
      scope.em.persist(
        Object.assign(new MediatorSpecialtyEntity(), { tenantId: scope.tenant.id, staffId: s.id, categoryId }),
      );
    }
  }
}
