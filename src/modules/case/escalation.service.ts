import type { TenantScope } from '../../core/tenancy/scope';
import { userError } from '../../shared/user-error';
import { withTenant, withTenantScope } from '../../core/tenancy/tenant-tx';
import type { Orm } from '../../core/db/orm';
import { clean, fail, ok, type Result } from '../../shared/result';
import { CategoryEntity } from '../category/category.entity';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import type { TenantDirectory } from '../tenant/tenant.directory';
import type { TenantRecord } from '../tenant/tenant.model';
import { CaseEntity, CaseEscalationEntity } from './case.entity';
import type { CaseErrorCode } from './case.states';
import type { CaseWorkflow } from './case.workflow';
import type { CaseService } from './case.service';
import type { IntakeService } from './intake.service';
import type { CaseHandlingService } from './case-handling.service';
import { required } from './case.errors';
import { enumArg } from '../../shared/message-ref';
import type { CaseEventEntity } from './case.entity';
import type { NotifyInput } from '../notification/notification.service';

/** What escalation needs of notifications: the child center hears of the parent's decision. */
export interface EscalationNotifier {
  notify(scope: TenantScope, input: NotifyInput): Promise<unknown>;
}

/** What a child tenant sees of the case its escalation opened at the parent: progress, never content. */
export interface LinkedParentCase {
  tenantCode: string;
  tenantName: string;
  number: string;
  status: string;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  resolution: string | null;
  updatedAt: Date;
}

const HANDOFF_ACTOR = 'system:parent-handoff';
/** Parent case states in which the child may take its case back (not settled there). */
const PARENT_ENDED_UNSETTLED = ['REJECTED', 'UNRESOLVED', 'CLOSED'];
/** Parent case states that settle the dispute when the parent resolved it (a closed one may have). */
const PARENT_SETTLED = ['RESOLVED', 'FOLLOW_UP', 'CLOSED'];
/** Parent case states after which the child's case has something to follow. */
const PARENT_DECIDED = ['RESOLVED', 'FOLLOW_UP', ...PARENT_ENDED_UNSETTLED];

/**
 * Raising a case a level (提级处置): to the unit above the one handling it, and from the
 * tenant's top unit to the parent tenant. The hand-off to the parent runs after the child's
 * transaction commits, in the parent's own isolation context, through the same intake the
 * parent's clerks use; the escalation row stays PENDING until it succeeded, so a sweep redoes
 * whatever a crash interrupted, and the parent's unique (origin tenant, origin case) makes a
 * repeat harmless.
 */
export class EscalationService {
  constructor(
    private readonly orm: Orm,
    private readonly workflow: CaseWorkflow,
    private readonly cases: CaseService,
    private readonly intake: IntakeService,
    private readonly orgUnits: OrgUnitService,
    private readonly directory: TenantDirectory,
    private readonly handling: CaseHandlingService,
  ) {}

  private notifier: EscalationNotifier | null = null;

  setNotifier(n: EscalationNotifier): void {
    this.notifier = n;
  }

  async escalate(
    scope: TenantScope,
    input: { caseId: string; reason: string },
  ): Promise<Result<CaseEntity, CaseErrorCode>> {
    const reason = clean(input.reason);
    if (!reason || reason.length > 2000)
      return fail(userError(['input', 'reason'], 'INVALID', 'case.escalationReason'));
    const r = await this.workflow.forAction(scope, input.caseId, 'escalate');
    if (!r.ok) return r;
    const c = r.value;
    const from = c.orgUnitId ? await this.orgUnits.find(scope, c.orgUnitId) : null;
    const up = from?.parentId
      ? await this.orgUnits.find(scope, from.parentId)
      : from
        ? null
        : await scope.em.findOne(OrgUnitEntity, { tenantId: scope.tenant.id, parentId: null, archivedAt: null });
    const esc = Object.assign(new CaseEscalationEntity(), {
      tenantId: scope.tenant.id,
      caseId: c.id,
      fromOrgUnitId: from?.id ?? null,
      reason,
      actorSubject: scope.actor.subject,
    });
    if (up && !up.archivedAt) {
      esc.toOrgUnitId = up.id;
      c.orgUnitId = up.id;
      c.departmentId = null;
      c.failedMediationsAtLevel = 0;
      c.escalationSuggested = false;
      scope.em.persist(esc);
      this.workflow.move(scope, c, 'DISPATCHED', {
        type: 'ESCALATED',
        data: {
          escalationId: esc.id,
          fromOrgUnitId: from?.id ?? null,
          toOrgUnitId: up.id,
          toOrgUnitName: up.name,
          reason,
        },
      });
      await this.workflow.finishStep(scope);
      return ok(c);
    }
    if (!scope.tenant.parentId) return fail(userError(['input', 'caseId'], 'NO_HIGHER_LEVEL', 'case.topLevel'));
    Object.assign(esc, { toTenantId: scope.tenant.parentId, handoffState: 'PENDING' });
    scope.em.persist(esc);
    c.escalationSuggested = false;
    this.workflow.move(scope, c, 'ESCALATED', {
      type: 'ESCALATED_TO_PARENT_TENANT',
      data: { escalationId: esc.id, fromOrgUnitId: from?.id ?? null, reason },
    });
    await this.workflow.finishStep(scope);
    const childTenantId = scope.tenant.id;
    scope.afterCommit(async () => {
      await this.handoff(childTenantId, esc.id);
    });
    return ok(c);
  }

  /**
   * 接回: the parent tenant declined or ended its case without settling it, so the child takes
   * its own case back into handling. Refused while the parent still has it — two centers must not
   * work one dispute at once. Leaving ESCALATED restarts the clocks it paused, moved on by the wait.
   */
  async takeBack(
    scope: TenantScope,
    input: { caseId: string; reason: string },
  ): Promise<Result<CaseEntity, CaseErrorCode>> {
    const missing = required(input.reason, 'reason', 'input.reasonRequired');
    if (missing) return fail(missing);
    const r = await this.workflow.forAction(scope, input.caseId, 'takeBack');
    if (!r.ok) return r;
    const parent = await this.linkedParent(scope, r.value.id);
    if (!parent || !PARENT_ENDED_UNSETTLED.includes(parent.status) || parent.resolvedAt) {
      return fail(
        userError(
          ['input', 'caseId'],
          'PARENT_CASE_OPEN',
          parent ? 'case.parentCaseOpen' : 'case.parentNotReceived',
          parent ? { number: parent.number, status: enumArg('CaseStatus', parent.status) } : undefined,
        ),
      );
    }
    this.workflow.move(scope, r.value, 'IN_PROGRESS', {
      type: 'TAKEN_BACK',
      data: { reason: clean(input.reason), parentCaseNumber: parent.number, parentStatus: parent.status },
    });
    await this.workflow.finishStep(scope);
    return ok(r.value);
  }

  /**
   * The SLA chain's escalation. A case in handling is escalated as a handler would; one not yet
   * dispatched (nobody accepted it in time) moves to the unit above for acceptance and keeps its state.
   */
  async raiseBySla(scope: TenantScope, c: CaseEntity, reason: string): Promise<Result<CaseEntity, CaseErrorCode>> {
    if (c.status === 'DISPATCHED' || c.status === 'IN_PROGRESS') return this.escalate(scope, { caseId: c.id, reason });
    const from = c.orgUnitId ? await this.orgUnits.find(scope, c.orgUnitId) : null;
    const up = from?.parentId ? await this.orgUnits.find(scope, from.parentId) : null;
    if (!from || !up || up.archivedAt) return fail(userError(['caseId'], 'NO_HIGHER_LEVEL', 'case.noUnitAbove'));
    const esc = Object.assign(new CaseEscalationEntity(), {
      tenantId: scope.tenant.id,
      caseId: c.id,
      fromOrgUnitId: from.id,
      toOrgUnitId: up.id,
      reason,
      actorSubject: scope.actor.subject,
    });
    scope.em.persist(esc);
    c.orgUnitId = up.id;
    this.workflow.timeline.record(scope, c.id, {
      type: 'LEVEL_RAISED',
      data: {
        escalationId: esc.id,
        fromOrgUnitId: from.id,
        toOrgUnitId: up.id,
        toOrgUnitName: up.name,
        reason,
        status: c.status,
      },
    });
    return ok(c);
  }

  /** The parent's case for a pending escalation: created once, then the child's row records it. */
  async handoff(childTenantId: string, escalationId: string): Promise<'done' | 'nothing'> {
    const [child] = await this.directory.byIds([childTenantId]);
    if (!child) return 'nothing';
    const found = await withTenant(this.orm, child.id, async (em) => {
      const esc = await em.findOne(CaseEscalationEntity, {
        tenantId: child.id,
        id: escalationId,
        handoffState: 'PENDING',
      });
      if (!esc?.toTenantId) return null;
      const c = await em.findOneOrFail(CaseEntity, { tenantId: child.id, id: esc.caseId });
      const parties = await this.cases.partiesOf(em, child.id, [c.id]);
      const category = c.categoryId ? await em.findOne(CategoryEntity, { tenantId: child.id, id: c.categoryId }) : null;
      return { esc, c, parties, categoryCode: category?.code ?? null };
    });
    if (!found) return 'nothing';
    const [parent] = await this.directory.byIds([found.esc.toTenantId!]);
    if (!parent || parent.status !== 'ACTIVE') return 'nothing';
    const parentActor = { subject: HANDOFF_ACTOR, requestId: `handoff-${found.esc.id}`, ip: null };
    const parentCase = await withTenantScope(this.orm, parent, parentActor, (scope) =>
      this.openAtParent(scope, child, found),
    );
    const actor = { subject: HANDOFF_ACTOR, requestId: `handoff-${escalationId}`, ip: null };
    await withTenantScope(this.orm, child, actor, async (scope) => {
      const esc = await scope.em.findOne(CaseEscalationEntity, {
        tenantId: child.id,
        id: escalationId,
        handoffState: 'PENDING',
      });
      if (!esc) return;
      esc.handoffState = 'DONE';
      esc.parentCaseId = parentCase.id;
      this.workflow.timeline.record(scope, esc.caseId, {
        type: 'HANDED_TO_PARENT_TENANT',
        actor: HANDOFF_ACTOR,
        data: { escalationId, parentTenant: parent.code, parentCaseNumber: parentCase.number },
      });
      await this.workflow.finishStep(scope);
    });
    return 'done';
  }

  /**
   * Listener on every case step: when a case that came from a child tenant reaches a decision
   * here, the child's case follows once this step has committed (see `followParent`).
   */
  async onParentStep(scope: TenantScope, c: CaseEntity, events: CaseEventEntity[]): Promise<void> {
    if (!c.originTenantId || !c.originCaseId || !PARENT_DECIDED.includes(c.status)) return;
    const moved = events.some((e) => PARENT_DECIDED.includes(String((e.data as { to?: unknown } | null)?.to)));
    if (!moved) return;
    const [childTenantId, childCaseId] = [c.originTenantId, c.originCaseId];
    scope.afterCommit(async () => {
      await this.followParent(childTenantId, childCaseId);
    });
  }

  /**
   * The child's side of a parent's decision, in the child's own isolation context. Settled there:
   * the child's case is settled with the parent's outcome. Declined or ended unsettled: the case
   * stays ESCALATED for the town to take back, and the town is told. Either way the town's handlers
   * hear of it. Repeating it is harmless: a case no longer ESCALATED, or a notice already sent, is left.
   */
  async followParent(childTenantId: string, childCaseId: string): Promise<'settled' | 'told' | 'nothing'> {
    const [child] = await this.directory.byIds([childTenantId]);
    if (!child) return 'nothing';
    const actor = { subject: HANDOFF_ACTOR, requestId: `parent-decision-${childCaseId}`, ip: null };
    return withTenantScope(this.orm, child, actor, async (scope) => {
      const r = await this.workflow.forAction(scope, childCaseId, 'followParent');
      if (!r.ok) return 'nothing';
      const c = r.value;
      const parent = await this.linkedParent(scope, c.id);
      if (!parent || !PARENT_DECIDED.includes(parent.status)) return 'nothing';
      const settled = !!parent.resolvedAt && PARENT_SETTLED.includes(parent.status);
      if (settled) await this.handling.settleFromParentLocked(scope, c, { ...parent, resolvedAt: parent.resolvedAt! });
      await this.notifier?.notify(scope, {
        caseId: c.id,
        type: 'CASE_PARENT_DECIDED',
        level: settled ? 'INFO' : 'YELLOW',
        title: settled
          ? `${c.number} 已由${parent.tenantName}化解`
          : `${c.number} ${parent.tenantName}未化解（${parent.status}），请接回处理`,
        data: {
          parentTenant: parent.tenantCode,
          parentCaseNumber: parent.number,
          parentStatus: parent.status,
          settled,
        },
        recipients: { audiences: ['HANDLER', 'UNIT_LEAD'] },
        dedupeKey: `parent-decided-${c.id}-${parent.status}-${parent.updatedAt.toISOString()}`,
      });
      await this.workflow.finishStep(scope);
      return settled ? 'settled' : 'told';
    });
  }

  /**
   * Child cases still ESCALATED whose parent case has settled: the after-commit follow-up of the
   * parent's step never ran or failed. Re-derived from the rows, as the hand-off sweep is.
   */
  async sweepSettledByParent(limit = 100): Promise<number> {
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ tenant_id: string; case_id: string }[]>(
        'select tenant_id, case_id from platform_settled_by_parent(?)',
        [limit],
      );
    let done = 0;
    for (const r of rows) if ((await this.followParent(r.tenant_id, r.case_id)) === 'settled') done++;
    return done;
  }

  /** Ids of escalations whose hand-off has waited longer than `olderThanSeconds`, across tenants. */
  async pendingHandoffs(
    olderThanSeconds: number,
    limit: number,
  ): Promise<{ tenantId: string; escalationId: string }[]> {
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ tenant_id: string; escalation_id: string }[]>(
        'select tenant_id, escalation_id from platform_pending_handoffs(make_interval(secs => ?), ?)',
        [olderThanSeconds, limit],
      );
    return rows.map((r) => ({ tenantId: r.tenant_id, escalationId: r.escalation_id }));
  }

  /**
   * Redoes hand-offs whose after-commit attempt never ran or failed (a crash, the parent briefly
   * unreachable). Ones younger than `olderThanSeconds` are left to the request still running them.
   */
  async sweepHandoffs(olderThanSeconds = 30, limit = 100): Promise<number> {
    let done = 0;
    for (const p of await this.pendingHandoffs(olderThanSeconds, limit)) {
      if ((await this.handoff(p.tenantId, p.escalationId)) === 'done') done++;
    }
    return done;
  }

  async linkedParent(scope: TenantScope, caseId: string): Promise<LinkedParentCase | null> {
    const [row] = await scope.em.execute<Record<string, unknown>[]>('select * from linked_parent_case(?)', [caseId]);
    if (!row) return null;
    const d = (k: string) => (row[k] ? new Date(row[k] as string) : null);
    return {
      tenantCode: row['tenant_code'] as string,
      tenantName: row['tenant_name'] as string,
      number: row['number'] as string,
      status: row['status'] as string,
      acceptedAt: d('accepted_at'),
      resolvedAt: d('resolved_at'),
      closedAt: d('closed_at'),
      resolution: (row['resolution'] as string | null) ?? null,
      updatedAt: d('updated_at')!,
    };
  }

  /**
   * The child escalates again a case the parent had declined: the parent's case goes back in
   * front of its intake (as a reopened report would), with the new reason on its file.
   */
  private async resubmit(scope: TenantScope, parentCaseId: string, reason: string): Promise<void> {
    const c = await this.workflow.lock(scope, parentCaseId);
    if (!c || c.status !== 'REJECTED') return;
    await this.handling.reopenLocked(scope, c, reason, { resubmittedByChild: true });
    await this.workflow.finishStep(scope);
  }

  private async openAtParent(
    scope: TenantScope,
    child: TenantRecord,
    f: {
      esc: CaseEscalationEntity;
      c: CaseEntity;
      parties: Awaited<ReturnType<CaseService['partiesOf']>>;
      categoryCode: string | null;
    },
  ): Promise<CaseEntity> {
    const { em, tenant: parent } = scope;
    const existing = await em.findOne(CaseEntity, {
      tenantId: parent.id,
      originTenantId: child.id,
      originCaseId: f.c.id,
    });
    if (existing) {
      if (existing.status === 'REJECTED') await this.resubmit(scope, existing.id, f.esc.reason);
      return existing;
    }
    const category = f.categoryCode
      ? await em.findOne(CategoryEntity, { tenantId: parent.id, code: f.categoryCode, archivedAt: null })
      : null;
    const r = await this.intake.report(
      scope,
      {
        title: f.c.title,
        description: f.c.description,
        channel: 'REFERRAL',
        categoryId: category?.id ?? null,
        riskLevel: f.c.riskLevel,
        peopleInvolved: f.c.peopleInvolved,
        amountInvolved: f.c.amountInvolved,
        location: f.c.location,
        parties: f.parties.map((p) => ({
          role: p.role,
          kind: p.kind,
          name: p.name,
          idNumber: p.idNumber,
          phone: p.phone,
          address: p.address,
          creditCode: p.creditCode,
        })),
      },
      {
        machine: false,
        origin: {
          originTenantId: child.id,
          originCaseId: f.c.id,
          eventData: {
            escalatedFrom: { tenant: child.code, tenantName: child.name, caseNumber: f.c.number },
            reason: f.esc.reason,
          },
        },
      },
    );
    if (!r.ok) throw new Error(`parent hand-off refused: ${r.errors.map((e) => e.code).join(', ')}`);
    return r.value.case;
  }
}
