import type { TenantScope } from '../../core/tenancy/scope';
import { userError, type UserErrorData } from '../../shared/user-error';
import { findById, pgArray } from '../../core/db/by-id';
import { clean, fail, ok, type Result } from '../../shared/result';
import type { CaseErrorCode } from '../case/case.states';
import type { CaseWorkflow } from '../case/case.workflow';
import type { AuditService } from '../audit/audit.service';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import { enumArg } from '../../shared/message-ref';
import { MediationSessionEntity, SessionDepartmentEntity, SessionMediatorEntity } from './mediation.entity';
import type { MediationService } from './mediation.service';

export interface MoveSession {
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  /** a leader moves it outside the place's hours or a participant's roster, saying why (audited) */
  overrideReason?: string | null;
}

export interface CancelSession {
  sessionId: string;
  reason: string;
}

type Errors = UserErrorData<CaseErrorCode>[];
const MAX_SESSION_MS = 12 * 3_600_000;
const MAX_REASON = 500;

/**
 * Moving and cancelling a booked session. A move is judged by the same rules as a booking
 * (clashes, hours, rosters, a leader's override); both are on the timeline, from where the
 * session's mediators are told (case-event-notices.ts).
 */
export class SessionChangeService {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly mediation: MediationService,
    private readonly orgUnits: OrgUnitService,
    private readonly audit: AuditService,
  ) {}

  async move(scope: TenantScope, input: MoveSession): Promise<Result<MediationSessionEntity, CaseErrorCode>> {
    const errors: Errors = [];
    if (!(input.endsAt > input.startsAt) || input.endsAt.getTime() - input.startsAt.getTime() > MAX_SESSION_MS)
      errors.push(userError(['input', 'endsAt'], 'INVALID', 'mediation.sessionSpan'));
    const reason = reasonOf(input.reason, errors);
    const overrideReason = clean(input.overrideReason) ?? null;
    if (overrideReason && !scope.viewer?.roles.has('leader'))
      errors.push(userError(['input', 'overrideReason'], 'INVALID', 'mediation.overrideLeaderOnly'));
    if (errors.length) return fail(...errors);
    const open = await this.scheduled(scope, input.sessionId);
    if (!open.ok) return open;
    const s = open.value;
    const r = await this.workflow.forAction(scope, s.caseId, 'scheduleMediation', ['input', 'sessionId']);
    if (!r.ok) return r;
    const links = await scope.em.find(SessionMediatorEntity, { tenantId: scope.tenant.id, sessionId: s.id });
    const mediatorIds = links.map((l) => l.staffId).sort();
    // Locked as a booking locks them: two clerks moving sessions onto one person cannot both pass.
    const people = await scope.em.execute<{ id: string; name: string; department_id: string | null }[]>(
      'select id, name, department_id from staff_members where tenant_id = ? and id = any(?::uuid[]) order by id for update',
      [scope.tenant.id, pgArray(mediatorIds)],
    );
    const departmentIds = (
      await scope.em.find(SessionDepartmentEntity, { tenantId: scope.tenant.id, sessionId: s.id })
    ).map((d) => d.departmentId);
    const slot = await this.mediation.slotProblems(scope, {
      sessionId: s.id,
      mediatorIds: mediatorIds.filter((id) => people.some((p) => p.id === id)),
      people,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      orgUnitId: s.orgUnitId,
      unit: s.orgUnitId ? await this.orgUnits.find(scope, s.orgUnitId) : null,
      online: s.online,
      departmentIds,
    });
    if (slot.clashes.length) return fail(...slot.clashes);
    if (slot.unfit.length && !overrideReason) return fail(...slot.unfit);
    const from = { startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() };
    Object.assign(s, { startsAt: input.startsAt, endsAt: input.endsAt });
    for (const l of links) Object.assign(l, { startsAt: input.startsAt, endsAt: input.endsAt });
    this.workflow.timeline.record(scope, s.caseId, {
      type: 'MEDIATION_RESCHEDULED',
      data: {
        sessionId: s.id,
        from,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        reason,
        mediatorIds,
        ...(slot.unfit.length ? { override: { reason: overrideReason, waived: slot.unfit.map((e) => e.code) } } : {}),
      },
    });
    if (slot.unfit.length)
      this.audit.record(scope, {
        action: 'mediation.reschedule.override',
        targetType: 'MediationSession',
        targetId: s.id,
        after: { caseId: s.caseId, reason: overrideReason, waived: slot.unfit.map((e) => e.code) },
      });
    await this.workflow.finishStep(scope);
    return ok(s);
  }

  async cancel(scope: TenantScope, input: CancelSession): Promise<Result<MediationSessionEntity, CaseErrorCode>> {
    const errors: Errors = [];
    const reason = reasonOf(input.reason, errors);
    if (errors.length) return fail(...errors);
    const open = await this.scheduled(scope, input.sessionId);
    if (!open.ok) return open;
    const s = open.value;
    const r = await this.workflow.forAction(scope, s.caseId, 'scheduleMediation', ['input', 'sessionId']);
    if (!r.ok) return r;
    const mediatorIds = (await scope.em.find(SessionMediatorEntity, { tenantId: scope.tenant.id, sessionId: s.id }))
      .map((l) => l.staffId)
      .sort();
    s.status = 'CANCELLED';
    this.workflow.timeline.record(scope, s.caseId, {
      type: 'MEDIATION_CANCELLED',
      data: { sessionId: s.id, startsAt: s.startsAt.toISOString(), reason, mediatorIds },
    });
    await this.workflow.finishStep(scope);
    return ok(s);
  }

  /** Only a session still to be held can move or be called off; held ones have their outcome. */
  private async scheduled(
    scope: TenantScope,
    sessionId: string,
  ): Promise<Result<MediationSessionEntity, CaseErrorCode>> {
    const s = await findById(scope.em, MediationSessionEntity, scope.tenant.id, sessionId);
    if (!s) return fail(userError(['input', 'sessionId'], 'SESSION_NOT_FOUND', 'notFound.session'));
    if (s.status !== 'SCHEDULED')
      return fail(
        userError(['input', 'sessionId'], 'SESSION_NOT_FOUND', 'mediation.sessionAlready', {
          status: enumArg('MediationSessionStatus', s.status),
        }),
      );
    return ok(s);
  }
}

function reasonOf(raw: string, errors: Errors): string {
  const reason = clean(raw) ?? '';
  if (!reason || reason.length > MAX_REASON)
    errors.push(userError(['input', 'reason'], 'REASON_REQUIRED', 'mediation.changeReason', { max: MAX_REASON }));
  return reason;
}
