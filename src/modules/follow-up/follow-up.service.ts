import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { userError, type UserErrorData } from '../../shared/user-error';
import { findById } from '../../core/db/by-id';
import { clean, fail, ok, type Result } from '../../shared/result';
import type { StaffService } from '../staff/staff.service';
import { StaffMemberEntity } from '../staff/staff.entity';
import { CaseAssigneeEntity, type CaseEntity } from '../case/case.entity';
import type { CaseErrorCode } from '../case/case.states';
import type { CaseWorkflow } from '../case/case.workflow';
import type { CaseSettingsService } from '../case/case-settings.service';
import type { IntakeService } from '../case/intake.service';
import type { CaseService } from '../case/case.service';
import { FOLLOW_UP_RESULTS, FollowUpEntity, type FollowUpResult } from './follow-up.entity';
import { enumArg, timeArg } from '../../shared/message-ref';
import type { MessageId } from '../../core/i18n/catalog/en';

export interface CompleteFollowUp {
  followUpId: string;
  result: FollowUpResult;
  notes?: string | null;
  satisfaction?: number | null;
}

const DAY_MS = 86_400_000;

/** Follow-up visits: scheduled on resolution, completed by the visitor; a broken agreement comes back. */
export class FollowUpService {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly cases: CaseService,
    private readonly intake: IntakeService,
    private readonly settings: CaseSettingsService,
    private readonly staff: StaffService,
  ) {}

  listFor(em: Em, tenantId: string, caseIds: readonly string[]): Promise<FollowUpEntity[]> {
    return em.find(FollowUpEntity, { tenantId, caseId: { $in: [...caseIds] } }, { orderBy: { dueAt: 'asc' } });
  }

  /** The tenant's default visit after a resolution (7 days unless the admin changed it); none when set to 0. */
  async scheduleDefault(scope: TenantScope, c: CaseEntity, assigneeId: string | null): Promise<FollowUpEntity | null> {
    const { followUpDays } = await this.settings.get(scope);
    if (followUpDays <= 0) return null;
    return this.add(
      scope,
      c,
      new Date((c.resolvedAt ?? new Date()).getTime() + followUpDays * DAY_MS),
      assigneeId ?? (await this.leadOf(scope, c.id)),
    );
  }

  async schedule(
    scope: TenantScope,
    input: { caseId: string; dueAt: Date; assigneeId?: string | null },
  ): Promise<Result<CaseEntity, CaseErrorCode>> {
    const r = await this.workflow.forAction(scope, input.caseId, 'scheduleFollowUp');
    if (!r.ok) return r;
    if (input.assigneeId && !(await this.staff.find(scope, input.assigneeId)))
      return fail(userError(['input', 'assigneeId'], 'STAFF_NOT_FOUND', 'notFound.staff'));
    if (input.dueAt.getTime() < Date.now() - 60_000)
      return fail(userError(['input', 'dueAt'], 'INVALID', 'followUp.dueInFuture'));
    await this.add(scope, r.value, input.dueAt, input.assigneeId ?? (await this.leadOf(scope, r.value.id)));
    await this.workflow.finishStep(scope);
    return ok(r.value);
  }

  async complete(scope: TenantScope, input: CompleteFollowUp): Promise<Result<CaseEntity, CaseErrorCode>> {
    const f = await findById(scope.em, FollowUpEntity, scope.tenant.id, input.followUpId);
    if (!f) return fail(userError(['input', 'followUpId'], 'FOLLOW_UP_NOT_FOUND', 'notFound.followUp'));
    if (f.status !== 'SCHEDULED')
      return fail(
        userError(['input', 'followUpId'], 'FOLLOW_UP_NOT_FOUND', 'followUp.alreadyStatus', {
          status: enumArg('FollowUpStatus', f.status),
        }),
      );
    if (!FOLLOW_UP_RESULTS.includes(input.result))
      return fail(userError(['input', 'result'], 'INVALID', 'input.unknownResult'));
    if (
      input.satisfaction != null &&
      (!Number.isInteger(input.satisfaction) || input.satisfaction < 1 || input.satisfaction > 5)
    ) {
      return fail(userError(['input', 'satisfaction'], 'INVALID', 'followUp.satisfaction'));
    }
    const r = await this.workflow.forAction(scope, f.caseId, 'completeFollowUp', ['input', 'followUpId']);
    if (!r.ok) return r;
    const c = r.value;
    const refused = await this.whyNotNow(scope, f);
    if (refused) return fail(refused);
    Object.assign(f, {
      status: 'DONE',
      result: input.result,
      notes: clean(input.notes) ?? null,
      satisfaction: input.satisfaction ?? null,
      completedAt: new Date(),
    });
    this.workflow.timeline.record(scope, c.id, {
      type: 'FOLLOW_UP_COMPLETED',
      data: { followUpId: f.id, result: f.result, satisfaction: f.satisfaction },
    });
    if (input.result === 'BROKEN') {
      // The same dispute, not kept: the case itself goes back to handling.
      c.resolvedAt = null;
      this.workflow.move(scope, c, 'IN_PROGRESS', {
        type: 'REOPENED',
        data: { reason: 'Agreement broken at follow-up', followUpId: f.id },
      });
    } else if (input.result === 'RECURRED') {
      // The dispute came back: this loop closes, and a new case counts as its recurrence (backflow).
      const parties = await this.cases.partiesOf(scope.em, scope.tenant.id, [c.id]);
      const again = await this.intake.report(
        scope,
        {
          title: c.title,
          description: c.description,
          channel: c.channel,
          categoryId: c.categoryId,
          riskLevel: c.riskLevel,
          peopleInvolved: c.peopleInvolved,
          amountInvolved: c.amountInvolved,
          location: c.location,
          reportedOrgUnitId: c.reportedOrgUnitId,
          parties: parties.map((p) => ({
            role: p.role,
            kind: p.kind,
            name: p.name,
            idNumber: p.idNumber,
            phone: p.phone,
            address: p.address,
            creditCode: p.creditCode,
          })),
        },
        { machine: false, origin: { recurrenceOfId: c.id, eventData: { recurrenceOf: c.number } } },
      );
      if (!again.ok) return again;
      c.closedAt = new Date();
      this.workflow.move(scope, c, 'CLOSED', {
        type: 'CLOSED',
        data: { reason: 'Recurred', recurrenceCaseId: again.value.case.id, recurrenceNumber: again.value.case.number },
      });
    }
    await this.workflow.finishStep(scope);
    return ok(c);
  }

  /** Why the case cannot be closed yet from FOLLOW_UP, or null. */
  async closeBlocker(scope: TenantScope, caseId: string): Promise<MessageId | null> {
    const visits = await this.listFor(scope.em, scope.tenant.id, [caseId]);
    if (visits.some((v) => v.status === 'SCHEDULED')) return 'followUp.stillScheduled';
    if (!visits.some((v) => v.status === 'DONE' && (v.result === 'KEPT' || v.result === 'PARTLY_KEPT')))
      return 'followUp.notConfirmed';
    return null;
  }

  /** On reopening, visits that were waiting no longer make sense. */
  async cancelPending(scope: TenantScope, caseId: string): Promise<number> {
    const pending = await scope.em.find(FollowUpEntity, { tenantId: scope.tenant.id, caseId, status: 'SCHEDULED' });
    for (const p of pending) p.status = 'CANCELLED';
    return pending.length;
  }

  private async add(
    scope: TenantScope,
    c: CaseEntity,
    dueAt: Date,
    assigneeId: string | null,
  ): Promise<FollowUpEntity> {
    const f = Object.assign(new FollowUpEntity(), { tenantId: scope.tenant.id, caseId: c.id, dueAt, assigneeId });
    scope.em.persist(f);
    this.workflow.timeline.record(scope, c.id, {
      type: 'FOLLOW_UP_SCHEDULED',
      data: { followUpId: f.id, dueAt: dueAt.toISOString(), assigneeId },
    });
    if (c.status !== 'FOLLOW_UP') this.workflow.move(scope, c, 'FOLLOW_UP', { type: 'FOLLOW_UP_STARTED' });
    return f;
  }

  private async leadOf(scope: TenantScope, caseId: string): Promise<string | null> {
    const lead = await scope.em.findOne(
      CaseAssigneeEntity,
      { tenantId: scope.tenant.id, caseId },
      { orderBy: { isLead: 'desc', assignedAt: 'asc' } },
    );
    return lead?.staffId ?? null;
  }

  /**
   * A visit is its visitor's: completed by them or a leader (anyone of the followers' roles when
   * nobody was named; system work such as demo data acts for the center). And not before its window
   * opens: the tenant's `followUpWindowDays` before it is due.
   */
  private async whyNotNow(scope: TenantScope, f: FollowUpEntity): Promise<UserErrorData<CaseErrorCode> | null> {
    const viewer = scope.viewer;
    if (viewer && f.assigneeId && !viewer.roles.has('leader')) {
      const me = await scope.em.findOne(StaffMemberEntity, {
        tenantId: scope.tenant.id,
        keycloakSubject: scope.actor.subject,
      });
      if (me?.id !== f.assigneeId)
        return userError(['input', 'followUpId'], 'FOLLOW_UP_NOT_YOURS', 'followUp.notYours');
    }
    const { followUpWindowDays } = await this.settings.get(scope);
    const opens = new Date(f.dueAt.getTime() - followUpWindowDays * DAY_MS);
    if (Date.now() < opens.getTime())
      return userError(['input', 'followUpId'], 'FOLLOW_UP_NOT_OPEN', 'followUp.notOpen', {
        at: timeArg(opens),
        days: followUpWindowDays,
      });
    return null;
  }
}
