import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { toPage, type Page, type PageRequest } from '../../shared/page';
import { userError } from '../../shared/user-error';
import { clean, fail, ok, type Result } from '../../shared/result';
import { findById, findByIds } from '../../core/db/by-id';
import type { AuditService } from '../audit/audit.service';
import { snapshot } from '../audit/audit.service';
import { DepartmentEntity, DEPARTMENT_KINDS, type DepartmentKind } from './department.entity';
import { DepartmentErrorCode as E } from './department.errors';
import { DEFAULT_DEPARTMENTS } from './department.defaults';

export interface DepartmentFields {
  name?: string | null;
  kind?: DepartmentKind | null;
  contactName?: string | null;
  contactPhone?: string | null;
  description?: string | null;
}

export interface DepartmentListFilter {
  kind?: DepartmentKind | null;
  includeArchived?: boolean | null;
}

const CODE_RE = /^[a-z][a-z0-9_-]{0,63}$/;

export class DepartmentService {
  constructor(private readonly audit: AuditService) {}

  async list(
    scope: TenantScope,
    filter: DepartmentListFilter,
    { first, after: cursor }: PageRequest,
  ): Promise<Page<DepartmentEntity>> {
    const where: Record<string, unknown> = { tenantId: scope.tenant.id };
    if (filter.kind) where['kind'] = filter.kind;
    if (!filter.includeArchived) where['archivedAt'] = null;
    const qb = scope.em.createQueryBuilder(DepartmentEntity, 'd').where(where);
    if (cursor) qb.andWhere('(d.name, d.id) > (?, ?)', cursor);
    const rows = await qb
      .orderBy({ name: 'asc', id: 'asc' })
      .limit(first + 1)
      .getResult();
    const page = toPage(rows, first, (d) => [d.name, d.id], !!cursor);
    page.totalCount = () => scope.em.count(DepartmentEntity, where);
    return page;
  }

  find(scope: TenantScope, id: string): Promise<DepartmentEntity | null> {
    return findById(scope.em, DepartmentEntity, scope.tenant.id, id);
  }

  findMany(em: Em, tenantId: string, ids: readonly string[]): Promise<DepartmentEntity[]> {
    return findByIds(em, DepartmentEntity, tenantId, ids);
  }

  async create(scope: TenantScope, input: DepartmentFields & { code: string }): Promise<Result<DepartmentEntity, E>> {
    const code = input.code.trim().toLowerCase();
    const errors = this.validate({ ...input, name: input.name ?? null }, true);
    if (!CODE_RE.test(code)) errors.push(userError(['input', 'code'], E.INVALID, 'input.codeFormat'));
    if (errors.length) return fail(...errors);
    if (await scope.em.count(DepartmentEntity, { tenantId: scope.tenant.id, code })) {
      return fail(userError(['input', 'code'], E.CODE_TAKEN, 'department.codeTaken', { code }));
    }
    const d = Object.assign(new DepartmentEntity(), {
      tenantId: scope.tenant.id,
      code,
      name: clean(input.name)!,
      kind: input.kind!,
    });
    scope.em.persist(d);
    this.apply(d, input);
    this.audit.record(scope, {
      action: 'department.create',
      targetType: 'Department',
      targetId: d.id,
      after: snapshot(d),
    });
    return this.flush(scope, d);
  }

  async update(
    scope: TenantScope,
    id: string,
    input: DepartmentFields & { archived?: boolean | null },
  ): Promise<Result<DepartmentEntity, E>> {
    const d = await this.find(scope, id);
    if (!d) return fail(userError(['input', 'id'], E.NOT_FOUND, 'notFound.department'));
    const errors = this.validate(input, false);
    if (errors.length) return fail(...errors);
    const before = snapshot(d);
    this.apply(d, input);
    if (input.archived !== undefined && input.archived !== null)
      d.archivedAt = input.archived ? (d.archivedAt ?? new Date()) : null;
    this.audit.record(scope, {
      action: 'department.update',
      targetType: 'Department',
      targetId: d.id,
      before,
      after: snapshot(d),
    });
    return this.flush(scope, d);
  }

  /** Idempotent: a department whose code exists is left as the admin edited it. */
  async seedDefaults(em: Em, tenantId: string): Promise<number> {
    const existing = new Set((await em.find(DepartmentEntity, { tenantId }, { fields: ['code'] })).map((d) => d.code));
    const missing = DEFAULT_DEPARTMENTS.filter((d) => !existing.has(d.code));
    for (const d of missing) em.persist(Object.assign(new DepartmentEntity(), { tenantId, ...d }));
    await em.flush();
    return missing.length;
  }

  private validate(input: DepartmentFields, creating: boolean) {
    const errors = [];
    const name = clean(input.name);
    if ((creating || input.name !== undefined) && (!name || name.length > 200)) {
      errors.push(userError(['input', 'name'], E.INVALID, 'input.name200'));
    }
    if ((creating || input.kind !== undefined) && (!input.kind || !DEPARTMENT_KINDS.includes(input.kind))) {
      errors.push(userError(['input', 'kind'], E.INVALID, 'input.kindRequired'));
    }
    return errors;
  }

  private apply(d: DepartmentEntity, input: DepartmentFields): void {
    if (input.name) d.name = clean(input.name)!;
    if (input.kind) d.kind = input.kind;
    if (input.contactName !== undefined) d.contactName = clean(input.contactName) ?? null;
    if (input.contactPhone !== undefined) d.contactPhone = clean(input.contactPhone) ?? null;
    if (input.description !== undefined) d.description = clean(input.description) ?? null;
  }

  private async flush(scope: TenantScope, d: DepartmentEntity): Promise<Result<DepartmentEntity, E>> {
    // A concurrent create of the same code fails here on the unique key and the whole
    // operation rolls back (masked internal error); the count above answers the common case.
    await scope.em.flush();
    return ok(d);
  }
}
