import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { userError } from '../../shared/user-error';
import { findById } from '../../core/db/by-id';
import { clean, fail, ok, type Result } from '../../shared/result';
import { CaseEntity } from '../case/case.entity';
import type { CaseErrorCode } from '../case/case.states';
import type { CaseWorkflow } from '../case/case.workflow';
import { StaffMemberEntity } from '../staff/staff.entity';
import { noticeLate, SupervisionNoticeEntity } from './sla.entity';
import { reached, type Notifier } from './notice-recipients';

export interface IssueNotice {
  source: 'MANUAL' | 'SLA';
  message: string;
  replyBy: Date;
  issuedBy: string;
  checkpointId?: string | null;
}

/**
 * 督办 / 实时点督: a notice to the case's handling unit — its handlers, copied to the unit's
 * leaders — with a reply-by time; the unit's reply, and whether it came late. Sent by a leader
 * by hand or by an SLA escalation level; both count in the unit's figures (docs/metrics.md).
 */
export class SupervisionService {
  private notifier: Notifier | null = null;

  constructor(private readonly workflow: CaseWorkflow) {}

  setNotifier(n: Notifier): void {
    this.notifier = n;
  }

  listFor(em: Em, tenantId: string, caseIds: readonly string[]): Promise<SupervisionNoticeEntity[]> {
    return em.find(
      SupervisionNoticeEntity,
      { tenantId, caseId: { $in: [...caseIds] } },
      { orderBy: { createdAt: 'asc' } },
    );
  }

  async supervise(
    scope: TenantScope,
    input: { caseId: string; message: string; replyBy: Date },
  ): Promise<Result<SupervisionNoticeEntity, CaseErrorCode>> {
    const message = clean(input.message);
    if (!message || message.length > 2000)
      return fail(userError(['input', 'message'], 'INVALID', 'supervision.messageRequired'));
    if (!(input.replyBy.getTime() > Date.now()))
      return fail(userError(['input', 'replyBy'], 'INVALID', 'supervision.replyByFuture'));
    const r = await this.workflow.forAction(scope, input.caseId, 'linkage');
    if (!r.ok) return r;
    const n = await this.issue(scope, r.value, {
      source: 'MANUAL',
      issuedBy: scope.actor.subject,
      message,
      replyBy: input.replyBy,
    });
    await this.workflow.finishStep(scope);
    return ok(n);
  }

  /** Records a notice on a locked case inside the caller's transaction, and notifies the unit. */
  async issue(scope: TenantScope, c: CaseEntity, input: IssueNotice): Promise<SupervisionNoticeEntity> {
    const n = Object.assign(new SupervisionNoticeEntity(), {
      tenantId: scope.tenant.id,
      caseId: c.id,
      orgUnitId: c.orgUnitId,
      source: input.source,
      checkpointId: input.checkpointId ?? null,
      issuedBy: input.issuedBy,
      message: input.message,
      replyBy: input.replyBy,
    });
    scope.em.persist(n);
    const none = { staffIds: [] as string[], route: 'NOBODY' as const };
    const handlers = this.notifier ? await this.notifier.recipientsFor(scope, c.id, { audiences: ['HANDLER'] }) : none;
    const leads = (
      this.notifier ? await this.notifier.recipientsFor(scope, c.id, { audiences: ['UNIT_LEAD'] }) : none
    ).staffIds.filter((id) => !handlers.staffIds.includes(id));
    this.workflow.timeline.record(scope, c.id, {
      type: 'SUPERVISION_ISSUED',
      data: {
        noticeId: n.id,
        source: input.source,
        orgUnitId: c.orgUnitId,
        replyBy: input.replyBy.toISOString(),
        message: input.message,
        ...reached(handlers),
        copied: leads,
      },
    });
    await this.notifier?.notify(scope, {
      caseId: c.id,
      type: 'SUPERVISION_ISSUED',
      level: 'RED',
      title: { id: 'notification.SUPERVISION_ISSUED', values: { number: c.number } },
      data: { noticeId: n.id, replyBy: input.replyBy.toISOString() },
      recipients: { staffIds: [...handlers.staffIds, ...leads] },
      dedupeKey: `supervision-${n.id}`,
    });
    return n;
  }

  async reply(
    scope: TenantScope,
    input: { noticeId: string; reply: string },
  ): Promise<Result<SupervisionNoticeEntity, CaseErrorCode>> {
    const text = clean(input.reply);
    if (!text || text.length > 5000) return fail(userError(['input', 'reply'], 'INVALID', 'supervision.replyRequired'));
    const n = await findById(scope.em, SupervisionNoticeEntity, scope.tenant.id, input.noticeId);
    if (!n) return fail(userError(['input', 'noticeId'], 'NOT_FOUND', 'notFound.supervisionNotice'));
    if (n.repliedAt) return fail(userError(['input', 'noticeId'], 'INVALID', 'supervision.answered'));
    Object.assign(n, { reply: text, repliedBy: scope.actor.subject, repliedAt: new Date() });
    const late = noticeLate(n);
    this.workflow.timeline.record(scope, n.caseId, { type: 'SUPERVISION_REPLIED', data: { noticeId: n.id, late } });
    // The leader who sent it by hand hears the answer; SLA notices are read on the timeline.
    const issuer =
      n.source === 'MANUAL' && n.issuedBy
        ? await scope.em.findOne(StaffMemberEntity, {
            tenantId: scope.tenant.id,
            keycloakSubject: n.issuedBy,
            active: true,
          })
        : null;
    if (issuer) {
      const c = await scope.em.findOneOrFail(CaseEntity, { tenantId: scope.tenant.id, id: n.caseId });
      await this.notifier?.notify(scope, {
        caseId: n.caseId,
        type: 'SUPERVISION_REPLIED',
        level: late ? 'YELLOW' : 'INFO',
        title: { id: 'notification.SUPERVISION_REPLIED', values: { number: c.number, late: late ? 'yes' : 'no' } },
        data: { noticeId: n.id, late },
        recipients: { staffIds: [issuer.id] },
        dedupeKey: `supervision-reply-${n.id}`,
      });
    }
    await this.workflow.finishStep(scope);
    return ok(n);
  }
}
