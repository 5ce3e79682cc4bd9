import type { TenantScope } from '../../core/graphql/context';
import type { Em } from '../../core/tenancy/tenant-tx';
import { userError } from '../../core/graphql/user-error';
import { findById } from '../../core/db/by-id';
import { clean, fail, ok, type Result } from '../../shared/result';
import type { CaseErrorCode } from '../case/case.states';
import type { CaseWorkflow } from '../case/case.workflow';
import { SupervisionNoticeEntity } from './sla.entity';

/** 督办 / 实时点督: a leader's notice to the handling unit, its reply, and whether it came late. */
export class SupervisionService {
  constructor(private readonly workflow: CaseWorkflow) {}

  listFor(em: Em, tenantId: string, caseIds: readonly string[]): Promise<SupervisionNoticeEntity[]> {
    return em.find(SupervisionNoticeEntity, { tenantId, caseId: { $in: [...caseIds] } }, { orderBy: { createdAt: 'asc' } });
  }

  async supervise(scope: TenantScope, input: { caseId: string; message: string; replyBy: Date }): Promise<Result<SupervisionNoticeEntity, CaseErrorCode>> {
    const message = clean(input.message);
    if (!message || message.length > 2000) return fail(userError(['input', 'message'], 'INVALID', 'The notice needs a message'));
    if (!(input.replyBy.getTime() > Date.now())) return fail(userError(['input', 'replyBy'], 'INVALID', 'A reply-by time in the future'));
    const r = await this.workflow.forAction(scope, input.caseId, 'linkage');
    if (!r.ok) return r;
    const n = Object.assign(new SupervisionNoticeEntity(), {
      tenantId: scope.tenant.id, caseId: r.value.id, orgUnitId: r.value.orgUnitId, source: 'MANUAL' as const, issuedBy: scope.actor.subject, message, replyBy: input.replyBy,
    });
    scope.em.persist(n);
    this.workflow.timeline.record(scope, n.caseId, { type: 'SUPERVISION_ISSUED', data: { noticeId: n.id, source: 'MANUAL', orgUnitId: n.orgUnitId, replyBy: n.replyBy!.toISOString(), message } });
    await this.workflow.commit(scope);
    return ok(n);
  }

  async reply(scope: TenantScope, input: { noticeId: string; reply: string }): Promise<Result<SupervisionNoticeEntity, CaseErrorCode>> {
    const text = clean(input.reply);
    if (!text || text.length > 5000) return fail(userError(['input', 'reply'], 'INVALID', 'The reply is required'));
    const n = await findById(scope.em, SupervisionNoticeEntity, scope.tenant.id, input.noticeId);
    if (!n) return fail(userError(['input', 'noticeId'], 'NOT_FOUND', 'No such supervision notice'));
    if (n.repliedAt) return fail(userError(['input', 'noticeId'], 'INVALID', 'This notice was answered already'));
    Object.assign(n, { reply: text, repliedBy: scope.actor.subject, repliedAt: new Date() });
    const late = !!n.replyBy && n.repliedAt! > n.replyBy;
    this.workflow.timeline.record(scope, n.caseId, { type: 'SUPERVISION_REPLIED', data: { noticeId: n.id, late } });
    await this.workflow.commit(scope);
    return ok(n);
  }
}
