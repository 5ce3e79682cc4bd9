import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { toPage, type Page, type PageRequest } from '../../shared/page';
import { userError, type UserErrorData } from '../../shared/user-error';
import { clean, fail, ok, type Result } from '../../shared/result';
import { idOrNoMatch, isUuid } from '../../shared/ids';
import { findById, findByIds } from '../../core/db/by-id';
import { snapshot, type AuditService } from '../audit/audit.service';
import { CategoryEntity, RISK_LEVELS, type RiskLevel } from './category.entity';
import { CategoryErrorCode as E } from './category.errors';
import { DEFAULT_CATEGORIES } from './category.defaults';

export interface UpsertCategory {
  id?: string | null;
  code: string;
  name: string;
  parentId?: string | null;
  defaultRiskLevel: RiskLevel;
  archived?: boolean | null;
}

export interface CategoryListFilter {
  parentId?: string | null;
  rootsOnly?: boolean | null;
  includeArchived?: boolean | null;
}

const CODE_RE = /^[a-z][a-z0-9_-]{0,63}$/;
/** levels a lineage read follows at most: a guard against a cycle, far above any real tree */
const MAX_DEPTH = 64;
type Errors = UserErrorData<E>[];

export class CategoryService {
  constructor(private readonly audit: AuditService) {}

  async list(
    scope: TenantScope,
    filter: CategoryListFilter,
    { first, after }: PageRequest,
  ): Promise<Page<CategoryEntity>> {
    const where: Record<string, unknown> = { tenantId: scope.tenant.id };
    if (filter.parentId) where['parentId'] = idOrNoMatch(filter.parentId);
    else if (filter.rootsOnly) where['parentId'] = null;
    if (!filter.includeArchived) where['archivedAt'] = null;
    const rows = await scope.em.find(CategoryEntity, after ? { ...where, code: { $gt: after[0]! } } : where, {
      orderBy: { code: 'asc' },
      limit: first + 1,
    });
    const page = toPage(rows, first, (c) => [c.code], !!after);
    page.totalCount = () => scope.em.count(CategoryEntity, where);
    return page;
  }

  find(scope: TenantScope, id: string): Promise<CategoryEntity | null> {
    return findById(scope.em, CategoryEntity, scope.tenant.id, id);
  }

  /**
   * The category and its ancestors, nearest first (a cycle ends the walk). As far as the unit of
   * work already holds the chain it is read from there; the rest comes in one statement, not one
   * per level.
   */
  async lineage(scope: TenantScope, id: string): Promise<string[]> {
    const chain: string[] = [];
    const uow = scope.em.getUnitOfWork();
    let next: string | null = id;
    while (next && !chain.includes(next)) {
      const held: CategoryEntity | null = uow.tryGetById<CategoryEntity>(CategoryEntity.name, {
        tenantId: scope.tenant.id,
        id: next,
      });
      if (!held) break;
      chain.push(held.id);
      next = held.parentId;
    }
    if (!next || chain.includes(next) || !isUuid(next)) return chain;
    const rows = await scope.em.execute<{ id: string }[]>(
      `with recursive up (id, parent_id, depth) as (
         select id, parent_id, 0 from categories where tenant_id = ? and id = ?
         union all
         select c.id, c.parent_id, up.depth + 1 from categories c join up on c.tenant_id = ? and c.id = up.parent_id
         where up.depth < ?)
       select id from up order by depth`,
      [scope.tenant.id, next, scope.tenant.id, MAX_DEPTH],
    );
    for (const r of rows) {
      if (chain.includes(r.id)) break;
      chain.push(r.id);
    }
    return chain;
  }

  findMany(em: Em, tenantId: string, ids: readonly string[]): Promise<CategoryEntity[]> {
    return findByIds(em, CategoryEntity, tenantId, ids);
  }

  findChildren(em: Em, tenantId: string, parentIds: readonly string[]): Promise<CategoryEntity[]> {
    return em.find(
      CategoryEntity,
      { tenantId, parentId: { $in: [...parentIds] }, archivedAt: null },
      { orderBy: { code: 'asc' } },
    );
  }

  /** Create, or update the category with this id (or, without an id, this code). */
  async upsert(scope: TenantScope, input: UpsertCategory): Promise<Result<CategoryEntity, E>> {
    const code = input.code.trim().toLowerCase();
    const name = clean(input.name);
    const errors: Errors = [];
    if (!CODE_RE.test(code)) errors.push(userError(['input', 'code'], E.INVALID, 'input.codeFormat'));
    if (!name || name.length > 200) errors.push(userError(['input', 'name'], E.INVALID, 'input.name200'));
    if (!RISK_LEVELS.includes(input.defaultRiskLevel))
      errors.push(userError(['input', 'defaultRiskLevel'], E.INVALID, 'input.unknownRiskLevel'));
    if (errors.length) return fail(...errors);

    const byCode = await scope.em.findOne(CategoryEntity, { tenantId: scope.tenant.id, code });
    let existing: CategoryEntity | null = byCode;
    if (input.id) {
      existing = await this.find(scope, input.id);
      if (!existing) return fail(userError(['input', 'id'], E.NOT_FOUND, 'notFound.category'));
      if (byCode && byCode.id !== existing.id)
        return fail(userError(['input', 'code'], E.CODE_TAKEN, 'category.codeTaken', { code, name: byCode.name }));
    }
    const id = existing?.id ?? null;
    const parentId = input.parentId === undefined ? (existing?.parentId ?? null) : input.parentId;
    const placed = await this.checkParent(scope, id, parentId);
    if (placed.length) return fail(...placed);

    const before = existing ? snapshot(existing) : null;
    const c = existing ?? Object.assign(new CategoryEntity(), { tenantId: scope.tenant.id });
    Object.assign(c, { code, name: name!, parentId, defaultRiskLevel: input.defaultRiskLevel });
    if (input.archived !== undefined && input.archived !== null)
      c.archivedAt = input.archived ? (c.archivedAt ?? new Date()) : null;
    scope.em.persist(c);
    this.audit.record(scope, {
      action: existing ? 'category.update' : 'category.create',
      targetType: 'Category',
      targetId: c.id,
      before,
      after: snapshot(c),
    });
    await scope.em.flush();
    return ok(c);
  }

  /** Idempotent: categories whose code exists are left as the admin edited them. */
  async seedDefaults(em: Em, tenantId: string): Promise<number> {
    const existing = new Map((await em.find(CategoryEntity, { tenantId })).map((c) => [c.code, c]));
    let added = 0;
    const add = (spec: (typeof DEFAULT_CATEGORIES)[number], parentId: string | null) => {
      let c = existing.get(spec.code);
      if (!c) {
        c = Object.assign(new CategoryEntity(), {
          tenantId,
          code: spec.code,
          name: spec.name,
          parentId,
          defaultRiskLevel: spec.risk,
        });
        em.persist(c);
        added++;
      }
      for (const child of spec.children ?? []) add(child, c.id);
    };
    for (const spec of DEFAULT_CATEGORIES) add(spec, null);
    await em.flush();
    return added;
  }

  private async checkParent(scope: TenantScope, id: string | null, parentId: string | null): Promise<Errors> {
    if (!parentId) return [];
    const parent = await this.find(scope, parentId);
    if (!parent || parent.archivedAt)
      return [userError(['input', 'parentId'], E.PARENT_NOT_FOUND, 'notFound.activeParentCategory')];
    for (let at: CategoryEntity | null = parent; at; at = at.parentId ? await this.find(scope, at.parentId) : null) {
      if (at.id === id) return [userError(['input', 'parentId'], E.CYCLE, 'category.cycle')];
    }
    return [];
  }
}
