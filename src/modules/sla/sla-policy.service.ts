import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { userError, type UserErrorData } from '../../shared/user-error';
import { findById } from '../../core/db/by-id';
import { clean, fail, ok, type Result } from '../../shared/result';
import { snapshot, type AuditService } from '../audit/audit.service';
import type { CategoryService } from '../category/category.service';
import type { StaffService } from '../staff/staff.service';
import { RISK_LEVELS, type RiskLevel } from '../category/category.entity';
import { SlaPolicyEntity } from './sla.entity';
import { DEFAULT_POLICIES, validateRules, type PolicyErrorCode, type PolicyRules } from './sla.policy';

export interface UpsertSlaPolicy extends PolicyRules {
  id?: string | null;
  name: string;
  categoryId?: string | null;
  riskLevel?: RiskLevel | null;
}

/** SLA policies: per tenant, matched by category (subtree) and risk; the most specific wins. */
export class SlaPolicyService {
  constructor(
    private readonly audit: AuditService,
    private readonly categories: CategoryService,
    private readonly staff: StaffService,
  ) {}

  list(scope: TenantScope): Promise<SlaPolicyEntity[]> {
    return scope.em.find(SlaPolicyEntity, { tenantId: scope.tenant.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  find(scope: TenantScope, id: string): Promise<SlaPolicyEntity | null> {
    return findById(scope.em, SlaPolicyEntity, scope.tenant.id, id);
  }

  async upsert(scope: TenantScope, input: UpsertSlaPolicy): Promise<Result<SlaPolicyEntity, PolicyErrorCode>> {
    const errors = validateRules(input);
    const name = clean(input.name);
    if (!name || name.length > 200) errors.push(userError(['input', 'name'], 'INVALID', 'input.name200'));
    if (input.riskLevel && !RISK_LEVELS.includes(input.riskLevel))
      errors.push(userError(['input', 'riskLevel'], 'INVALID', 'input.unknownRiskLevel'));
    if (input.categoryId && !(await this.categories.find(scope, input.categoryId)))
      errors.push(userError(['input', 'categoryId'], 'CATEGORY_NOT_FOUND', 'notFound.category'));
    errors.push(...(await this.checkActionStaff(scope, input)));
    const existing = input.id ? await this.find(scope, input.id) : null;
    if (input.id && !existing) errors.push(userError(['input', 'id'], 'NOT_FOUND', 'notFound.slaPolicy'));
    if (errors.length) return fail(...errors);
    const clash = await scope.em.findOne(SlaPolicyEntity, {
      tenantId: scope.tenant.id,
      categoryId: input.categoryId ?? null,
      riskLevel: input.riskLevel ?? null,
    });
    if (clash && clash.id !== existing?.id)
      return fail(userError(['input', 'categoryId'], 'SCOPE_TAKEN', 'sla.scopeTaken', { name: clash.name }));
    const before = existing ? snapshot(existing) : null;
    const p = existing ?? scope.em.create(SlaPolicyEntity, { tenantId: scope.tenant.id } as SlaPolicyEntity);
    Object.assign(p, {
      name,
      categoryId: input.categoryId ?? null,
      riskLevel: input.riskLevel ?? null,
      targets: input.targets,
      yellow: input.yellow,
      red: input.red,
      escalations: input.escalations,
      pauseStatuses: [...new Set(input.pauseStatuses)],
    });
    this.audit.record(scope, {
      action: existing ? 'slaPolicy.update' : 'slaPolicy.create',
      targetType: 'SlaPolicy',
      targetId: p.id,
      before,
      after: snapshot(p),
    });
    await scope.em.flush();
    return ok(p);
  }

  /**
   * Ids inside the escalation chain are references like any other: a REASSIGN naming someone
   * outside this tenant (or no one) would otherwise sit in the policy until a checkpoint fires.
   */
  private async checkActionStaff(scope: TenantScope, input: PolicyRules): Promise<UserErrorData<PolicyErrorCode>[]> {
    const named = input.escalations.flatMap((lvl, i) =>
      lvl.actions.flatMap((a, j) => (a.type === 'REASSIGN' && a.staffId ? [{ at: [i, j], id: a.staffId }] : [])),
    );
    if (!named.length) return [];
    const found = new Set(
      (await this.staff.findMany(scope.em, scope.tenant.id, [...new Set(named.map((n) => n.id))]))
        .filter((s) => s.active)
        .map((s) => s.id),
    );
    return named
      .filter((n) => !found.has(n.id))
      .map((n) =>
        userError(
          ['input', 'escalations', String(n.at[0]), 'actions', String(n.at[1]), 'staffId'],
          'STAFF_NOT_FOUND',
          'notFound.activeStaff',
        ),
      );
  }

  /** Deadlines already running keep their times; they only lose the link to the policy. */
  async delete(scope: TenantScope, id: string): Promise<Result<SlaPolicyEntity, PolicyErrorCode>> {
    const p = await this.find(scope, id);
    if (!p) return fail(userError(['input', 'id'], 'NOT_FOUND', 'notFound.slaPolicy'));
    this.audit.record(scope, {
      action: 'slaPolicy.delete',
      targetType: 'SlaPolicy',
      targetId: p.id,
      before: snapshot(p),
    });
    scope.em.remove(p);
    await scope.em.flush();
    return ok(p);
  }

  /**
   * The policy for a case: a category policy beats a category-free one, a nearer category beats
   * one further up the tree, and with the same category a policy for the case's risk beats one
   * for any risk.
   */
  async match(scope: TenantScope, categoryId: string | null, risk: RiskLevel): Promise<SlaPolicyEntity | null> {
    const chain = categoryId ? await this.categories.lineage(scope, categoryId) : [];
    const candidates = (await this.list(scope)).filter(
      (p) => (!p.categoryId || chain.includes(p.categoryId)) && (!p.riskLevel || p.riskLevel === risk),
    );
    const rank = (p: SlaPolicyEntity) =>
      (p.categoryId ? (100 - chain.indexOf(p.categoryId)) * 2 : 0) + (p.riskLevel ? 1 : 0);
    return candidates.sort((a, b) => rank(b) - rank(a))[0] ?? null;
  }

  /** The starter policies for a new tenant; idempotent. */
  async seedDefaults(em: Em, tenantId: string): Promise<number> {
    let n = 0;
    for (const d of DEFAULT_POLICIES) {
      if (await em.findOne(SlaPolicyEntity, { tenantId, categoryId: null, riskLevel: d.riskLevel })) continue;
      em.persist(
        Object.assign(new SlaPolicyEntity(), {
          tenantId,
          name: d.name,
          riskLevel: d.riskLevel,
          targets: d.rules.targets,
          yellow: d.rules.yellow,
          red: d.rules.red,
          escalations: d.rules.escalations,
          pauseStatuses: d.rules.pauseStatuses,
        }),
      );
      n++;
    }
    await em.flush();
    return n;
  }
}
