import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { userError } from '../../shared/user-error';
import { findById } from '../../core/db/by-id';
import { clean, fail, ok, type Result } from '../../shared/result';
import type { CaseErrorCode } from '../case/case.states';
import type { CaseWorkflow } from '../case/case.workflow';
import { DeadlineEntity, ExtensionRequestEntity } from './sla.entity';
import type { DeadlineService } from './deadline.service';

/** Extensions: a handler asks with a reason, a leader approves; approval moves every checkpoint. */
export class ExtensionService {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly deadlines: DeadlineService,
  ) {}

  listFor(em: Em, tenantId: string, caseIds: readonly string[]): Promise<ExtensionRequestEntity[]> {
    return em.find(
      ExtensionRequestEntity,
      { tenantId, caseId: { $in: [...caseIds] } },
      { orderBy: { createdAt: 'asc' } },
    );
  }

  async request(
    scope: TenantScope,
    input: { deadlineId: string; newDueAt: Date; reason: string },
  ): Promise<Result<ExtensionRequestEntity, CaseErrorCode>> {
    const reason = clean(input.reason);
    if (!reason || reason.length > 2000) return fail(userError(['input', 'reason'], 'INVALID', 'sla.extensionReason'));
    const d = await findById(scope.em, DeadlineEntity, scope.tenant.id, input.deadlineId);
    if (!d) return fail(userError(['input', 'deadlineId'], 'NOT_FOUND', 'notFound.deadline'));
    if (d.status !== 'OPEN') return fail(userError(['input', 'deadlineId'], 'INVALID', 'sla.deadlineNotOpen'));
    if (!(input.newDueAt > d.dueAt)) return fail(userError(['input', 'newDueAt'], 'INVALID', 'sla.extensionLater'));
    const r = Object.assign(new ExtensionRequestEntity(), {
      tenantId: scope.tenant.id,
      deadlineId: d.id,
      caseId: d.caseId,
      requestedBy: scope.actor.subject,
      reason,
      requestedDueAt: input.newDueAt,
    });
    scope.em.persist(r);
    this.workflow.timeline.record(scope, d.caseId, {
      type: 'EXTENSION_REQUESTED',
      data: {
        requestId: r.id,
        deadlineId: d.id,
        step: d.step,
        from: d.dueAt.toISOString(),
        to: input.newDueAt.toISOString(),
        reason,
      },
    });
    await this.workflow.finishStep(scope);
    return ok(r);
  }

  async decide(
    scope: TenantScope,
    input: { requestId: string; approve: boolean; note?: string | null },
  ): Promise<Result<ExtensionRequestEntity, CaseErrorCode>> {
    const r = await findById(scope.em, ExtensionRequestEntity, scope.tenant.id, input.requestId);
    if (!r) return fail(userError(['input', 'requestId'], 'NOT_FOUND', 'notFound.extensionRequest'));
    if (r.status !== 'PENDING') return fail(userError(['input', 'requestId'], 'INVALID', 'sla.extensionDecided'));
    const d = await scope.em.findOneOrFail(DeadlineEntity, { tenantId: scope.tenant.id, id: r.deadlineId });
    Object.assign(r, {
      status: input.approve ? 'APPROVED' : 'REJECTED',
      decidedBy: scope.actor.subject,
      decidedAt: new Date(),
      decisionNote: clean(input.note) ?? null,
    });
    if (input.approve && d.status === 'OPEN') {
      const from = d.dueAt;
      await this.deadlines.move(scope, d, r.requestedDueAt);
      d.extensions += 1;
      this.workflow.timeline.record(scope, d.caseId, {
        type: 'DEADLINE_EXTENDED',
        data: {
          requestId: r.id,
          deadlineId: d.id,
          step: d.step,
          from: from.toISOString(),
          to: d.dueAt.toISOString(),
          reason: r.reason,
        },
      });
      const c = await this.workflow.lock(scope, d.caseId);
      if (c) await this.deadlines.refreshWarning(scope, c);
    } else {
      this.workflow.timeline.record(scope, d.caseId, {
        type: 'EXTENSION_REJECTED',
        data: { requestId: r.id, deadlineId: d.id, note: r.decisionNote },
      });
    }
    await this.workflow.finishStep(scope);
    return ok(r);
  }
}
