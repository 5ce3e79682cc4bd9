import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { toPage, type Page, type PageRequest } from '../../shared/page';
import { userError, type UserErrorData } from '../../shared/user-error';
import { clean, fail, ok, type Result } from '../../shared/result';
import { isUuid } from '../../shared/ids';
import { findById, findByIds } from '../../core/db/by-id';
import { snapshot, type AuditService } from '../audit/audit.service';
import type { DepartmentService } from '../department/department.service';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import { ResidencyEntity, RESIDENCY_MODES, type ResidencyMode } from './residency.entity';
import { ResidencyErrorCode as E } from './residency.errors';
import { enumArg } from '../../shared/message-ref';

export interface StationInput {
  departmentId: string;
  orgUnitId: string;
  mode: ResidencyMode;
  validFrom?: Date | null;
  validTo?: Date | null;
  note?: string | null;
}

export interface ResidencyPatch {
  mode?: ResidencyMode | null;
  validFrom?: Date | null;
  validTo?: Date | null;
  note?: string | null;
}

export interface ResidencyListFilter {
  orgUnitId?: string | null;
  departmentId?: string | null;
  includeEnded?: boolean | null;
}

/** Far enough for "open-ended" and still a timestamp PostgreSQL accepts. */
const END_OF_TIME = new Date('9999-12-31T00:00:00Z');

/** Valid at `at`: validFrom inclusive, validTo exclusive. */
export const residencyValidAt = (r: ResidencyEntity, at: Date) => r.validFrom <= at && (!r.validTo || at < r.validTo);

export class ResidencyService {
  constructor(
    private readonly audit: AuditService,
    private readonly departments: DepartmentService,
    private readonly orgUnits: OrgUnitService,
  ) {}

  async list(
    scope: TenantScope,
    filter: ResidencyListFilter,
    { first, after }: PageRequest,
  ): Promise<Page<ResidencyEntity>> {
    const where: Record<string, unknown> = { tenantId: scope.tenant.id };
    for (const k of ['orgUnitId', 'departmentId'] as const) {
      if (filter[k]) {
        if (!isUuid(filter[k])) return toPage([], first, () => [], false);
        where[k] = filter[k];
      }
    }
    if (!filter.includeEnded) where['$or'] = [{ validTo: null }, { validTo: { $gt: new Date() } }];
    const rows = await scope.em.find(ResidencyEntity, after ? { ...where, id: { $gt: after[0]! } } : where, {
      orderBy: { id: 'asc' },
      limit: first + 1,
    });
    const page = toPage(rows, first, (r) => [r.id], !!after);
    page.totalCount = () => scope.em.count(ResidencyEntity, where);
    return page;
  }

  find(scope: TenantScope, id: string): Promise<ResidencyEntity | null> {
    return findById(scope.em, ResidencyEntity, scope.tenant.id, id);
  }

  findMany(em: Em, tenantId: string, ids: readonly string[]): Promise<ResidencyEntity[]> {
    return findByIds(em, ResidencyEntity, tenantId, ids);
  }

  /** Residencies of a unit whose validity overlaps [from, to). */
  atUnit(scope: TenantScope, orgUnitId: string, from: Date, to: Date): Promise<ResidencyEntity[]> {
    return scope.em.find(ResidencyEntity, {
      tenantId: scope.tenant.id,
      orgUnitId,
      validFrom: { $lt: to },
      $or: [{ validTo: null }, { validTo: { $gt: from } }],
    });
  }

  async station(scope: TenantScope, input: StationInput): Promise<Result<ResidencyEntity, E>> {
    const validFrom = input.validFrom ?? new Date();
    const validTo = input.validTo ?? null;
    const errors: UserErrorData<E>[] = [];
    if (!RESIDENCY_MODES.includes(input.mode))
      errors.push(userError(['input', 'mode'], E.INVALID, 'input.unknownMode'));
    if (validTo && validTo <= validFrom)
      errors.push(userError(['input', 'validTo'], E.INVALID, 'residency.validRange'));
    const dept = await this.departments.find(scope, input.departmentId);
    if (!dept || dept.archivedAt)
      errors.push(userError(['input', 'departmentId'], E.DEPARTMENT_NOT_FOUND, 'notFound.activeDepartment'));
    const unit = await this.orgUnits.find(scope, input.orgUnitId);
    if (!unit || unit.archivedAt)
      errors.push(userError(['input', 'orgUnitId'], E.ORG_UNIT_NOT_FOUND, 'notFound.activeOrgUnit'));
    if (errors.length) return fail(...errors);
    // One department, one stationing at a unit at a time; a change of mode is an update.
    const overlapping = (await this.atUnit(scope, input.orgUnitId, validFrom, validTo ?? END_OF_TIME)).find(
      (r) => r.departmentId === input.departmentId,
    );
    if (overlapping) {
      return fail(
        userError(['input', 'departmentId'], E.ALREADY_STATIONED, 'residency.alreadyStationed', {
          department: dept!.name,
          mode: enumArg('ResidencyMode', overlapping.mode),
        }),
      );
    }
    const r = Object.assign(new ResidencyEntity(), {
      tenantId: scope.tenant.id,
      departmentId: input.departmentId,
      orgUnitId: input.orgUnitId,
      mode: input.mode,
      validFrom,
      validTo,
      note: clean(input.note) ?? null,
    });
    scope.em.persist(r);
    this.audit.record(scope, {
      action: 'residency.station',
      targetType: 'Residency',
      targetId: r.id,
      after: snapshot(r),
    });
    await scope.em.flush();
    return ok(r);
  }

  async update(scope: TenantScope, id: string, patch: ResidencyPatch): Promise<Result<ResidencyEntity, E>> {
    const r = await this.find(scope, id);
    if (!r) return fail(userError(['input', 'id'], E.NOT_FOUND, 'notFound.residency'));
    const validFrom = patch.validFrom ?? r.validFrom;
    const validTo = patch.validTo === undefined ? r.validTo : patch.validTo;
    if (patch.mode && !RESIDENCY_MODES.includes(patch.mode))
      return fail(userError(['input', 'mode'], E.INVALID, 'input.unknownMode'));
    if (validTo && validTo <= validFrom)
      return fail(userError(['input', 'validTo'], E.INVALID, 'residency.validRange'));
    const before = snapshot(r);
    if (patch.mode) r.mode = patch.mode;
    r.validFrom = validFrom;
    r.validTo = validTo;
    if (patch.note !== undefined) r.note = clean(patch.note) ?? null;
    this.audit.record(scope, {
      action: 'residency.update',
      targetType: 'Residency',
      targetId: r.id,
      before,
      after: snapshot(r),
    });
    await scope.em.flush();
    return ok(r);
  }

  /** Ending keeps the row (and its rosters) as history; only its validity closes. */
  async end(scope: TenantScope, id: string, at: Date | null): Promise<Result<ResidencyEntity, E>> {
    const r = await this.find(scope, id);
    if (!r) return fail(userError(['input', 'id'], E.NOT_FOUND, 'notFound.residency'));
    const endsAt = at ?? new Date();
    if (r.validTo && r.validTo <= endsAt) return fail(userError(['input', 'id'], E.ENDED, 'residency.ended'));
    if (endsAt <= r.validFrom) return fail(userError(['input', 'endsAt'], E.INVALID, 'residency.endBeforeStart'));
    const before = snapshot(r);
    r.validTo = endsAt;
    this.audit.record(scope, {
      action: 'residency.end',
      targetType: 'Residency',
      targetId: r.id,
      before,
      after: snapshot(r),
    });
    await scope.em.flush();
    return ok(r);
  }
}
