import type { TenantScope } from '../../core/tenancy/scope';
import { toPage, type Page, type PageRequest } from '../../shared/page';
import { userError, type UserErrorData } from '../../shared/user-error';
import { clean, fail, ok, type Result } from '../../shared/result';
import { findById } from '../../core/db/by-id';
import { snapshot, type AuditService } from '../audit/audit.service';
import { RISK_LEVELS, type RiskLevel } from '../category/category.entity';
import type { CategoryService } from '../category/category.service';
import type { DepartmentService } from '../department/department.service';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import { RoutingRuleEntity } from './routing.entity';
import { RoutingErrorCode as E } from './routing.errors';

export interface UpsertRoutingRule {
  id?: string | null;
  name: string;
  priority: number;
  categoryId?: string | null;
  orgUnitId?: string | null;
  riskLevel?: RiskLevel | null;
  targetOrgUnitId?: string | null;
  targetDepartmentId?: string | null;
  active?: boolean | null;
}

/** What a case offers to the rules: its category, where it was reported (or is), its risk. */
export interface RoutingSubject {
  categoryId: string | null;
  orgUnitId: string | null;
  riskLevel: RiskLevel;
}

export class RoutingService {
  constructor(
    private readonly audit: AuditService,
    private readonly categories: CategoryService,
    private readonly orgUnits: OrgUnitService,
    private readonly departments: DepartmentService,
  ) {}

  async list(scope: TenantScope, { first, after }: PageRequest): Promise<Page<RoutingRuleEntity>> {
    const qb = scope.em.createQueryBuilder(RoutingRuleEntity, 'r').where({ tenantId: scope.tenant.id });
    if (after) qb.andWhere('(r.priority, r.id) > (?, ?)', [Number(after[0]), after[1]]);
    const rows = await qb
      .orderBy({ priority: 'asc', id: 'asc' })
      .limit(first + 1)
      .getResult();
    const page = toPage(rows, first, (r) => [String(r.priority), r.id], !!after);
    page.totalCount = () => scope.em.count(RoutingRuleEntity, { tenantId: scope.tenant.id });
    return page;
  }

  async upsert(scope: TenantScope, input: UpsertRoutingRule): Promise<Result<RoutingRuleEntity, E>> {
    const errors: UserErrorData<E>[] = [];
    const name = clean(input.name);
    if (!name || name.length > 200) errors.push(userError(['input', 'name'], E.INVALID, 'input.name200'));
    if (!Number.isInteger(input.priority) || input.priority < 0 || input.priority > 100000)
      errors.push(userError(['input', 'priority'], E.INVALID, 'routing.priority'));
    if (input.riskLevel && !RISK_LEVELS.includes(input.riskLevel))
      errors.push(userError(['input', 'riskLevel'], E.INVALID, 'input.unknownRiskLevel'));
    if (!input.targetOrgUnitId && !input.targetDepartmentId)
      errors.push(userError(['input', 'targetOrgUnitId'], E.NO_TARGET, 'routing.noTarget'));
    if (input.categoryId && !(await this.categories.find(scope, input.categoryId)))
      errors.push(userError(['input', 'categoryId'], E.CATEGORY_NOT_FOUND, 'notFound.category'));
    for (const k of ['orgUnitId', 'targetOrgUnitId'] as const) {
      const id = input[k];
      if (id && !(await this.orgUnits.find(scope, id)))
        errors.push(userError(['input', k], E.ORG_UNIT_NOT_FOUND, 'notFound.orgUnit'));
    }
    if (input.targetDepartmentId && !(await this.departments.find(scope, input.targetDepartmentId))) {
      errors.push(userError(['input', 'targetDepartmentId'], E.DEPARTMENT_NOT_FOUND, 'notFound.department'));
    }
    let rule = input.id ? await findById(scope.em, RoutingRuleEntity, scope.tenant.id, input.id) : null;
    if (input.id && !rule) errors.push(userError(['input', 'id'], E.NOT_FOUND, 'notFound.routingRule'));
    if (errors.length) return fail(...errors);
    const before = rule ? snapshot(rule) : null;
    rule ??= scope.em.create(RoutingRuleEntity, { tenantId: scope.tenant.id } as RoutingRuleEntity);
    Object.assign(rule, {
      name: name!,
      priority: input.priority,
      categoryId: input.categoryId ?? null,
      orgUnitId: input.orgUnitId ?? null,
      riskLevel: input.riskLevel ?? null,
      targetOrgUnitId: input.targetOrgUnitId ?? null,
      targetDepartmentId: input.targetDepartmentId ?? null,
      active: input.active ?? true,
    });
    this.audit.record(scope, {
      action: before ? 'routingRule.update' : 'routingRule.create',
      targetType: 'RoutingRule',
      targetId: rule.id,
      before,
      after: snapshot(rule),
    });
    await scope.em.flush();
    return ok(rule);
  }

  async delete(scope: TenantScope, id: string): Promise<Result<RoutingRuleEntity, E>> {
    const rule = await findById(scope.em, RoutingRuleEntity, scope.tenant.id, id);
    if (!rule) return fail(userError(['input', 'id'], E.NOT_FOUND, 'notFound.routingRule'));
    this.audit.record(scope, {
      action: 'routingRule.delete',
      targetType: 'RoutingRule',
      targetId: rule.id,
      before: snapshot(rule),
    });
    scope.em.remove(rule);
    await scope.em.flush();
    return ok(rule);
  }

  /**
   * The first active rule, by priority, whose category is the case's or one above it, whose
   * place is the case's unit or one above it (a rule for a station covers its grids), and whose
   * risk is the case's; an empty condition matches anything.
   */
  async match(scope: TenantScope, s: RoutingSubject): Promise<RoutingRuleEntity | null> {
    const rules = await scope.em.find(
      RoutingRuleEntity,
      { tenantId: scope.tenant.id, active: true },
      { orderBy: { priority: 'asc', createdAt: 'asc' } },
    );
    if (!rules.length) return null;
    const categoryChain = await this.chain(s.categoryId, (id) => this.categories.find(scope, id));
    const unitChain = await this.chain(s.orgUnitId, (id) => this.orgUnits.find(scope, id));
    return (
      rules.find(
        (r) =>
          (!r.categoryId || categoryChain.has(r.categoryId)) &&
          (!r.orgUnitId || unitChain.has(r.orgUnitId)) &&
          (!r.riskLevel || r.riskLevel === s.riskLevel),
      ) ?? null
    );
  }

  private async chain(
    id: string | null,
    find: (id: string) => Promise<{ id: string; parentId: string | null } | null>,
  ): Promise<Set<string>> {
    const out = new Set<string>();
    for (let at = id ? await find(id) : null; at && !out.has(at.id); at = at.parentId ? await find(at.parentId) : null)
      out.add(at.id);
    return out;
  }
}
