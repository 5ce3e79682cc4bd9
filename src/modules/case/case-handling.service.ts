import { riskWarningFloor } from './risk';
import type { TenantScope } from '../../core/tenancy/scope';
import { userError } from '../../shared/user-error';
import { clean, fail, ok, type Result } from '../../shared/result';
import { RISK_LEVELS, type RiskLevel } from '../category/category.entity';
import type { CategoryService } from '../category/category.service';
import type { DepartmentService } from '../department/department.service';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import type { StaffService } from '../staff/staff.service';
import type { RoutingService } from '../routing/routing.service';
import type { AuditService } from '../audit/audit.service';
import type { FollowUpService } from '../follow-up/follow-up.service';
import { CaseAssigneeEntity, type CaseEntity } from './case.entity';
import type { CaseErrorCode } from './case.states';
import type { CaseWorkflow } from './case.workflow';
import { required } from './case.errors';
import { listArg } from '../../shared/message-ref';

type R = Promise<Result<CaseEntity, CaseErrorCode>>;

export interface DispatchFields {
  caseId: string;
  orgUnitId?: string | null;
  departmentId?: string | null;
  note?: string | null;
}

export interface ResolveFields {
  caseId: string;
  resolution: string;
  resolvedOnSite?: boolean | null;
  legalBasis?: string | null;
  followUpAssigneeId?: string | null;
}

/** The triage and handling steps of a case, each one state-checked move with its timeline event. */
export class CaseHandlingService {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly categories: CategoryService,
    private readonly orgUnits: OrgUnitService,
    private readonly departments: DepartmentService,
    private readonly staff: StaffService,
    private readonly routing: RoutingService,
    private readonly followUps: FollowUpService,
    private readonly audit: AuditService,
    /** open cases per person, for mediators' limits */
    private readonly openLoad: (scope: TenantScope, staffIds: string[]) => Promise<Map<string, number>>,
  ) {}

  /** Accepting may correct the category and risk the report came with. */
  async accept(
    scope: TenantScope,
    input: { caseId: string; categoryId?: string | null; riskLevel?: RiskLevel | null; note?: string | null },
  ): R {
    const r = await this.workflow.forAction(scope, input.caseId, 'accept');
    if (!r.ok) return r;
    const c = r.value;
    if (input.categoryId) {
      const cat = await this.categories.find(scope, input.categoryId);
      if (!cat || cat.archivedAt)
        return fail(userError(['input', 'categoryId'], 'CATEGORY_NOT_FOUND', 'notFound.activeCategory'));
      c.categoryId = cat.id;
    }
    if (input.riskLevel) {
      if (!RISK_LEVELS.includes(input.riskLevel))
        return fail(userError(['input', 'riskLevel'], 'INVALID', 'input.unknownRiskLevel'));
      c.riskLevel = input.riskLevel;
    }
    c.acceptedAt = new Date();
    this.workflow.move(scope, c, 'ACCEPTED', {
      type: 'ACCEPTED',
      data: { categoryId: c.categoryId, riskLevel: c.riskLevel, note: clean(input.note) ?? null },
    });
    await this.workflow.finishStep(scope);
    return ok(c);
  }

  async reject(scope: TenantScope, input: { caseId: string; reason: string }): R {
    const missing = required(input.reason, 'reason', 'input.reasonRequired');
    if (missing) return fail(missing);
    const r = await this.workflow.forAction(scope, input.caseId, 'reject');
    if (!r.ok) return r;
    r.value.rejectReason = clean(input.reason)!;
    r.value.closedAt = new Date();
    this.workflow.move(scope, r.value, 'REJECTED', { type: 'REJECTED', data: { reason: r.value.rejectReason } });
    await this.workflow.finishStep(scope);
    return ok(r.value);
  }

  /** To an explicit unit and/or department, or, when neither is given, by the tenant's routing rules. */
  async dispatch(scope: TenantScope, input: DispatchFields): R {
    const r = await this.workflow.forAction(scope, input.caseId, 'dispatch');
    if (!r.ok) return r;
    const c = r.value;
    let target = {
      orgUnitId: input.orgUnitId ?? null,
      departmentId: input.departmentId ?? null,
      ruleId: null as string | null,
    };
    if (!target.orgUnitId && !target.departmentId) {
      const rule = await this.routing.match(scope, {
        categoryId: c.categoryId,
        orgUnitId: c.reportedOrgUnitId ?? c.orgUnitId,
        riskLevel: c.riskLevel,
      });
      if (!rule) return fail(userError(['input', 'orgUnitId'], 'NO_ROUTE', 'case.noRoute'));
      target = { orgUnitId: rule.targetOrgUnitId, departmentId: rule.targetDepartmentId, ruleId: rule.id };
    }
    if (target.orgUnitId) {
      const u = await this.orgUnits.find(scope, target.orgUnitId);
      if (!u || u.archivedAt)
        return fail(userError(['input', 'orgUnitId'], 'ORG_UNIT_NOT_FOUND', 'notFound.activeOrgUnit'));
    }
    if (target.departmentId) {
      const d = await this.departments.find(scope, target.departmentId);
      if (!d || d.archivedAt)
        return fail(userError(['input', 'departmentId'], 'DEPARTMENT_NOT_FOUND', 'notFound.activeDepartment'));
    }
    const redispatch = c.dispatchedAt !== null;
    c.orgUnitId = target.orgUnitId ?? c.orgUnitId;
    c.departmentId = target.departmentId;
    c.dispatchedAt ??= new Date();
    this.workflow.move(scope, c, 'DISPATCHED', {
      type: redispatch ? 'REDISPATCHED' : 'DISPATCHED',
      data: {
        orgUnitId: target.orgUnitId,
        departmentId: target.departmentId,
        ruleId: target.ruleId,
        note: clean(input.note) ?? null,
      },
    });
    await this.workflow.finishStep(scope);
    return ok(c);
  }

  /** The receiving unit hands the case back to the dispatcher, saying why. */
  async return(scope: TenantScope, input: { caseId: string; reason: string }): R {
    const missing = required(input.reason, 'reason', 'input.reasonRequired');
    if (missing) return fail(missing);
    const r = await this.workflow.forAction(scope, input.caseId, 'return');
    if (!r.ok) return r;
    const c = r.value;
    this.workflow.move(scope, c, 'ACCEPTED', {
      type: 'RETURNED',
      data: { orgUnitId: c.orgUnitId, departmentId: c.departmentId, reason: clean(input.reason) },
    });
    c.departmentId = null;
    await this.workflow.finishStep(scope);
    return ok(c);
  }

  /** Replaces the case's people; the first of a dispatched case's assignments means the unit took it up. */
  /**
   * Replaces the people on a case. A mediator newly put on it must have room under their limit of
   * concurrent open cases (0: not taking cases); a leader may go over it saying why (audited). System
   * steps (an SLA policy's REASSIGN, set up by a leader) are that standing decision.
   */
  async assign(
    scope: TenantScope,
    input: { caseId: string; staffIds: string[]; leadId?: string | null; overrideReason?: string | null },
  ): R {
    const r = await this.workflow.forAction(scope, input.caseId, 'assign');
    if (!r.ok) return r;
    const c = r.value;
    const ids = [...new Set(input.staffIds)];
    if (!ids.length || ids.length > 20) return fail(userError(['input', 'staffIds'], 'INVALID', 'case.assignCount'));
    const people = await this.staff.findMany(scope.em, scope.tenant.id, ids);
    const missing = ids.filter((id) => !people.some((p) => p.id === id && p.active));
    if (missing.length)
      return fail(userError(['input', 'staffIds'], 'STAFF_NOT_FOUND', 'input.staffMissing', { ids: listArg(missing) }));
    const lead = input.leadId ?? ids[0]!;
    if (!ids.includes(lead)) return fail(userError(['input', 'leadId'], 'INVALID', 'case.leadAssigned'));
    const current = await scope.em.find(CaseAssigneeEntity, { tenantId: scope.tenant.id, caseId: c.id });
    const overrideReason = clean(input.overrideReason) ?? null;
    if (overrideReason && !scope.viewer?.roles.has('leader'))
      return fail(userError(['input', 'overrideReason'], 'INVALID', 'case.overLimitLeaderOnly'));
    const added = people.filter((p) => p.isMediator && !current.some((a) => a.staffId === p.id));
    const load =
      scope.viewer && added.length
        ? await this.openLoad(
            scope,
            added.map((p) => p.id),
          )
        : new Map();
    const full = added.filter((p) => scope.viewer && (load.get(p.id) ?? 0) >= p.maxConcurrentCases);
    if (full.length && !overrideReason)
      return fail(
        ...full.map((p) =>
          userError(
            ['input', 'staffIds', String(ids.indexOf(p.id))],
            'CAPACITY_REACHED',
            p.maxConcurrentCases ? 'case.capacityReached' : 'case.notTakingCases',
            { name: p.name, load: load.get(p.id) ?? 0, max: p.maxConcurrentCases },
          ),
        ),
      );
    if (full.length)
      this.audit.record(scope, {
        action: 'case.assign.override',
        targetType: 'Case',
        targetId: c.id,
        after: {
          reason: overrideReason,
          overLimit: full.map((p) => ({ staffId: p.id, open: load.get(p.id) ?? 0, limit: p.maxConcurrentCases })),
        },
      });
    for (const a of current) if (!ids.includes(a.staffId)) scope.em.remove(a);
    for (const id of ids) {
      const a =
        current.find((x) => x.staffId === id) ??
        scope.em.create(CaseAssigneeEntity, {
          tenantId: scope.tenant.id,
          caseId: c.id,
          staffId: id,
        } as CaseAssigneeEntity);
      a.isLead = id === lead;
    }
    this.workflow.timeline.record(scope, c.id, {
      type: 'ASSIGNED',
      data: {
        staffIds: ids,
        leadId: lead,
        ...(full.length ? { overLimit: full.map((p) => p.id), overrideReason } : {}),
      },
    });
    this.workflow.startHandling(scope, c, 'assignment');
    await this.workflow.finishStep(scope);
    return ok(c);
  }

  async note(scope: TenantScope, input: { caseId: string; text: string; legalBasis?: string | null }): R {
    const text = clean(input.text);
    if (!text || text.length > 20000) return fail(userError(['input', 'text'], 'INVALID', 'case.noteLength'));
    const r = await this.workflow.forAction(scope, input.caseId, 'note');
    if (!r.ok) return r;
    this.workflow.timeline.record(scope, r.value.id, {
      type: 'NOTE_ADDED',
      data: { text },
      legalBasis: clean(input.legalBasis) ?? null,
    });
    await this.workflow.finishStep(scope);
    return ok(r.value);
  }

  /** Resolution schedules the follow-up visit (tenant default: a week later). */
  async resolve(scope: TenantScope, input: ResolveFields): R {
    const missing = required(input.resolution, 'resolution', 'case.resolutionRequired');
    if (missing) return fail(missing);
    if (input.followUpAssigneeId && !(await this.staff.find(scope, input.followUpAssigneeId))) {
      return fail(userError(['input', 'followUpAssigneeId'], 'STAFF_NOT_FOUND', 'notFound.staff'));
    }
    const r = await this.workflow.forAction(scope, input.caseId, 'resolve');
    if (!r.ok) return r;
    const c = r.value;
    c.resolution = clean(input.resolution)!;
    c.resolvedOnSite = !!input.resolvedOnSite;
    c.resolvedAt = new Date();
    c.escalationSuggested = false;
    this.workflow.move(scope, c, 'RESOLVED', {
      type: 'RESOLVED',
      data: { resolution: c.resolution, resolvedOnSite: c.resolvedOnSite },
      legalBasis: clean(input.legalBasis) ?? null,
    });
    await this.followUps.scheduleDefault(scope, c, input.followUpAssigneeId ?? null);
    await this.workflow.finishStep(scope);
    return ok(c);
  }

  /**
   * The parent tenant settled the dispute this case was escalated with: the case takes the parent's
   * outcome as its own (the follow-up visit stays local, as after any resolution). For the caller
   * to commit, on a case locked and checked for `followParent`.
   */
  async settleFromParentLocked(
    scope: TenantScope,
    c: CaseEntity,
    parent: { tenantCode: string; tenantName: string; number: string; resolution: string | null; resolvedAt: Date },
  ): Promise<void> {
    c.resolution = parent.resolution ?? `${parent.tenantName}案件${parent.number}已化解`;
    c.resolvedOnSite = false;
    c.resolvedAt = parent.resolvedAt;
    c.escalationSuggested = false;
    this.workflow.move(scope, c, 'RESOLVED', {
      type: 'SETTLED_BY_PARENT',
      data: { parentTenant: parent.tenantCode, parentCaseNumber: parent.number, resolution: c.resolution },
    });
    await this.followUps.scheduleDefault(scope, c, null);
  }

  /** Handling ended without settling it: the case goes to grid tracking until it is closed or reopened. */
  async markUnresolved(scope: TenantScope, input: { caseId: string; reason: string }): R {
    const missing = required(input.reason, 'reason', 'input.reasonRequired');
    if (missing) return fail(missing);
    const r = await this.workflow.forAction(scope, input.caseId, 'markUnresolved');
    if (!r.ok) return r;
    this.workflow.move(scope, r.value, 'UNRESOLVED', { type: 'UNRESOLVED', data: { reason: clean(input.reason) } });
    await this.workflow.finishStep(scope);
    return ok(r.value);
  }

  async close(scope: TenantScope, input: { caseId: string; note?: string | null }): R {
    const r = await this.workflow.forAction(scope, input.caseId, 'close');
    if (!r.ok) return r;
    const c = r.value;
    if (c.status === 'FOLLOW_UP') {
      const blocker = await this.followUps.closeBlocker(scope, c.id);
      if (blocker) return fail(userError(['input', 'caseId'], 'FOLLOW_UP_PENDING', blocker));
    }
    c.closedAt = new Date();
    this.workflow.move(scope, c, 'CLOSED', { type: 'CLOSED', data: { note: clean(input.note) ?? null } });
    await this.workflow.finishStep(scope);
    return ok(c);
  }

  /** Back to handling: its deadlines start again, waiting visits are cancelled. */
  async reopen(scope: TenantScope, input: { caseId: string; reason: string }): R {
    const missing = required(input.reason, 'reason', 'input.reasonRequired');
    if (missing) return fail(missing);
    const r = await this.workflow.forAction(scope, input.caseId, 'reopen');
    if (!r.ok) return r;
    await this.reopenLocked(scope, r.value, clean(input.reason)!);
    await this.workflow.finishStep(scope);
    return ok(r.value);
  }

  /**
   * The reopening move on a case the caller has locked and checked, for the caller to commit;
   * `data` adds to the REOPENED event (e.g. who asked for it).
   */
  async reopenLocked(
    scope: TenantScope,
    c: CaseEntity,
    reason: string,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    const cancelled = await this.followUps.cancelPending(scope, c.id);
    c.closedAt = null;
    c.resolvedAt = null;
    c.warningLevel = riskWarningFloor(c.riskLevel);
    // A rejected report was never taken in: reopening it puts it back in front of intake.
    const to = c.status === 'REJECTED' ? 'REPORTED' : 'IN_PROGRESS';
    c.rejectReason = null;
    this.workflow.move(scope, c, to, { type: 'REOPENED', data: { reason, cancelledFollowUps: cancelled, ...data } });
  }
}
