import { isHighRisk } from '../case/risk';
import type { TenantScope } from '../../core/tenancy/scope';
import type { Orm } from '../../core/db/orm';
import { withTenantScope } from '../../core/tenancy/tenant-tx';
import type { TenantDirectory } from '../tenant/tenant.directory';
import type { CaseEntity } from '../case/case.entity';
import type { CaseWorkflow } from '../case/case.workflow';
import type { CaseHandlingService } from '../case/case-handling.service';
import type { EscalationService } from '../case/escalation.service';
import { CheckpointEntity, DeadlineEntity } from './sla.entity';
import type { EscalationAction, NotifyRole } from './sla.policy';
import { reached, type Notifier } from './notice-recipients';
import type { SupervisionService } from './supervision.service';
import type { SlaPolicyService } from './sla-policy.service';
import type { DeadlineService } from './deadline.service';
import { enumArg } from '../../shared/message-ref';
import { enumLabel } from '../../core/i18n/translate';

const SYSTEM = 'system:sla';

/**
 * Fires one checkpoint. The PENDING → FIRED update is the claim and runs in the same transaction
 * as everything the checkpoint does, so a worker killed mid-job leaves nothing half done, a
 * retried or duplicated job finds nothing to claim, and each escalation action happens once.
 */
export class CheckpointService {
  private notifier: Notifier | null = null;

  constructor(
    private readonly orm: Orm,
    private readonly directory: TenantDirectory,
    private readonly workflow: CaseWorkflow,
    private readonly deadlines: DeadlineService,
    private readonly policies: SlaPolicyService,
    private readonly handling: CaseHandlingService,
    private readonly escalations: EscalationService,
    private readonly supervision: SupervisionService,
  ) {}

  /** Fault injection for the crash test (FAULT_CHECKPOINT_PAUSE_MS): a pause before the commit. */
  pauseBeforeCommitMs = 0;

  setNotifier(n: Notifier): void {
    this.notifier = n;
  }

  async fire(tenantId: string, checkpointId: string): Promise<'fired' | 'nothing'> {
    const [tenant] = await this.directory.byIds([tenantId]);
    if (!tenant || tenant.status !== 'ACTIVE') return 'nothing';
    const actor = { subject: SYSTEM, requestId: `sla-${checkpointId}`, ip: null };
    return withTenantScope(this.orm, tenant, actor, async (scope) => {
      const em = scope.em;
      // The case is locked before the checkpoint is claimed: a case step (acceptCase …) locks the
      // case and then settles its checkpoints, and the opposite order here deadlocked with it.
      const [target] = await em.execute<{ case_id: string }[]>(
        `select d.case_id from deadline_checkpoints c
         join deadlines d on d.tenant_id = c.tenant_id and d.id = c.deadline_id
         where c.tenant_id = ? and c.id = ? and c.status = 'PENDING'`,
        [tenantId, checkpointId],
      );
      if (!target) return 'nothing';
      const c = await this.workflow.lock(scope, target.case_id);
      // A second of tolerance: a delayed job may run a hair before its due time.
      const claimed = await em.execute<{ deadline_id: string; kind: CheckpointEntity['kind']; level: number }[]>(
        `update deadline_checkpoints set status = 'FIRED', fired_at = now()
         where tenant_id = ? and id = ? and status = 'PENDING' and due_at <= now() + interval '1 second'
         returning deadline_id, kind, level`,
        [tenantId, checkpointId],
      );
      const cp = claimed[0];
      if (!cp || !c) return 'nothing';
      const d = await em.findOneOrFail(DeadlineEntity, { tenantId, id: cp.deadline_id });
      if (d.status !== 'OPEN' || d.pausedAt) return 'nothing';
      if (cp.kind === 'ESCALATION') await this.escalate(scope, c, d, cp.level, checkpointId);
      else await this.warn(scope, c, d, cp.kind, checkpointId);
      await this.workflow.finishStep(scope);
      if (this.pauseBeforeCommitMs) await new Promise((r) => setTimeout(r, this.pauseBeforeCommitMs));
      return 'fired';
    });
  }

  private async warn(
    scope: TenantScope,
    c: CaseEntity,
    d: DeadlineEntity,
    level: 'YELLOW' | 'RED',
    checkpointId: string,
  ): Promise<void> {
    await this.deadlines.refreshWarning(scope, c);
    // A visit's reminder is for whoever makes the visit, not for the people who handled the dispute.
    const handlers = await this.reach(scope, c, [d.step === 'FOLLOW_UP' ? 'VISITOR' : 'HANDLER']);
    this.workflow.timeline.record(scope, c.id, {
      type: 'WARNING_RAISED',
      actor: SYSTEM,
      data: { step: d.step, level, deadlineId: d.id, dueAt: d.dueAt.toISOString(), ...reached(handlers) },
    });
    await this.notifier?.notify(scope, {
      caseId: c.id,
      type: `SLA_${level}`,
      level,
      title: { id: `notification.SLA_${level}`, values: { number: c.number, step: enumArg('SlaStep', d.step) } },
      data: { step: d.step, deadlineId: d.id },
      recipients: { staffIds: handlers.staffIds },
      dedupeKey: `checkpoint-${checkpointId}`,
      // Night-time notices only for RED on high-risk cases (quiet hours apply to the rest).
      urgent: level === 'RED' && isHighRisk(c.riskLevel),
    });
  }

  private async escalate(
    scope: TenantScope,
    c: CaseEntity,
    d: DeadlineEntity,
    level: number,
    checkpointId: string,
  ): Promise<void> {
    const policy = d.policyId ? await this.policies.find(scope, d.policyId) : null;
    const actions = policy?.escalations[level]?.actions ?? [];
    const done: Record<string, unknown>[] = [];
    for (const a of actions) done.push(await this.act(scope, c, d, a, level, checkpointId));
    this.workflow.timeline.record(scope, c.id, {
      type: 'SLA_ESCALATION',
      actor: SYSTEM,
      data: { step: d.step, level, deadlineId: d.id, dueAt: d.dueAt.toISOString(), actions: done },
    });
  }

  private async act(
    scope: TenantScope,
    c: CaseEntity,
    d: DeadlineEntity,
    a: EscalationAction,
    level: number,
    checkpointId: string,
  ): Promise<Record<string, unknown>> {
    switch (a.type) {
      case 'NOTIFY': {
        const to = await this.reach(scope, c, a.roles ?? []);
        await this.notifier?.notify(scope, {
          caseId: c.id,
          type: 'SLA_ESCALATION',
          level: 'RED',
          title: {
            id: 'notification.SLA_ESCALATION',
            values: { number: c.number, step: enumArg('SlaStep', d.step), level: level + 1 },
          },
          data: { step: d.step, deadlineId: d.id, level },
          recipients: { staffIds: to.staffIds },
          dedupeKey: `checkpoint-${checkpointId}`,
          urgent: isHighRisk(c.riskLevel),
        });
        return {
          type: 'NOTIFY',
          roles: a.roles,
          staffIds: to.staffIds,
          ...(to.route === 'DIRECT' ? {} : { via: to.route }),
        };
      }
      case 'SUPERVISE': {
        const n = await this.supervision.issue(scope, c, {
          source: 'SLA',
          checkpointId,
          issuedBy: SYSTEM,
          message: `${enumLabel('zh-CN', 'SlaStep', d.step)}已超时限，请说明情况并加快办理`,
          replyBy: new Date(Date.now() + 86_400_000),
        });
        return { type: 'SUPERVISE', noticeId: n.id };
      }
      case 'REASSIGN': {
        const r = await this.handling.assign(scope, { caseId: c.id, staffIds: [a.staffId!], leadId: a.staffId! });
        return { type: 'REASSIGN', staffId: a.staffId, ok: r.ok };
      }
      case 'ESCALATE': {
        const r = await this.escalations.raiseBySla(
          scope,
          c,
          `${enumLabel('zh-CN', 'SlaStep', d.step)}超时，按时限规则自动提级`,
        );
        return {
          type: 'ESCALATE',
          ok: r.ok,
          ...(r.ok ? { toOrgUnitId: r.value.orgUnitId } : { codes: r.errors.map((e) => e.code) }),
        };
      }
    }
  }

  private async reach(scope: TenantScope, c: CaseEntity, audiences: NotifyRole[]) {
    return this.notifier
      ? this.notifier.recipientsFor(scope, c.id, { audiences })
      : { staffIds: [], route: 'NOBODY' as const };
  }
}
