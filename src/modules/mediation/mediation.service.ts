import { MONEY_RE } from '../../shared/patterns';
import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { userError, type UserErrorData } from '../../shared/user-error';
import { findById, pgArray } from '../../core/db/by-id';
import { clean, fail, ok, type Result } from '../../shared/result';
import { isUuid, NIL_UUID } from '../../shared/ids';
import type { DepartmentService } from '../department/department.service';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import type { StaffService } from '../staff/staff.service';
import { CaseAssigneeEntity, type CaseEntity } from '../case/case.entity';
import type { CaseErrorCode } from '../case/case.states';
import type { CaseWorkflow } from '../case/case.workflow';
import type { CaseSettingsService } from '../case/case-settings.service';
import type { AuditService } from '../audit/audit.service';
import { localDateOf } from '../../core/calendar/local-date';
import type { SessionFit } from './session-fit';
import type { NotifyInput } from '../notification/notification.service';
import type { FailedMediationAction } from '../case/case.entity';
import {
  AgreementEntity,
  MEDIATION_METHODS,
  MEDIATION_OUTCOMES,
  MediationSessionEntity,
  SessionDepartmentEntity,
  SessionMediatorEntity,
  type ChosenBy,
  type Instalment,
  type MediationMethod,
  type MediationOutcome,
} from './mediation.entity';
import { enumArg, timeArg } from '../../shared/message-ref';

export interface ScheduleMediation {
  caseId: string;
  startsAt: Date;
  endsAt: Date;
  orgUnitId?: string | null;
  place?: string | null;
  online?: boolean | null;
  method: MediationMethod;
  chosenBy: ChosenBy;
  mediatorIds: string[];
  departmentIds?: string[] | null;
  /** a leader books outside the place's hours or a participant's roster, saying why (audited) */
  overrideReason?: string | null;
}

export interface AgreementFields {
  terms: string;
  amount?: string | null;
  instalments?: Instalment[] | null;
}

export interface RecordOutcome {
  sessionId: string;
  outcome: MediationOutcome;
  note?: string | null;
  agreement?: AgreementFields | null;
  /** why the outcome is entered after the day the session took place */
  lateReason?: string | null;
}

export interface JudicialConfirmation {
  agreementId: string;
  status: 'REQUESTED' | 'CONFIRMED' | 'REFUSED';
  court: string;
  courtCaseNumber?: string | null;
  at?: Date | null;
}

type Errors = UserErrorData<CaseErrorCode>[];
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_SESSION_MS = 12 * 3_600_000;

/** Mediation sessions, their outcomes and agreements, and the court's confirmation of agreements. */
export class MediationService {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly settings: CaseSettingsService,
    private readonly staff: StaffService,
    private readonly orgUnits: OrgUnitService,
    private readonly departments: DepartmentService,
    private readonly audit: AuditService,
    private readonly fit: SessionFit,
  ) {}

  private escalations: {
    escalate(scope: TenantScope, input: { caseId: string; reason: string }): Promise<Result<unknown, CaseErrorCode>>;
  } | null = null;
  private notifier: { notify(scope: TenantScope, input: NotifyInput): Promise<unknown> } | null = null;

  /** Wired once the escalation and notification services exist (services.ts). */
  setLimitHandlers(
    escalations: NonNullable<MediationService['escalations']>,
    notifier: NonNullable<MediationService['notifier']>,
  ): void {
    this.escalations = escalations;
    this.notifier = notifier;
  }

  sessionsOf(em: Em, tenantId: string, caseIds: readonly string[]): Promise<MediationSessionEntity[]> {
    return em.find(
      MediationSessionEntity,
      { tenantId, caseId: { $in: [...caseIds] } },
      { orderBy: { startsAt: 'asc' } },
    );
  }

  mediatorsOf(em: Em, tenantId: string, sessionIds: readonly string[]): Promise<SessionMediatorEntity[]> {
    return em.find(SessionMediatorEntity, { tenantId, sessionId: { $in: [...sessionIds] } });
  }

  departmentsOf(em: Em, tenantId: string, sessionIds: readonly string[]): Promise<SessionDepartmentEntity[]> {
    return em.find(SessionDepartmentEntity, { tenantId, sessionId: { $in: [...sessionIds] } });
  }

  /** When these mediators are booked in [from, to) (sessions not cancelled). */
  busy(
    em: Em,
    tenantId: string,
    staffIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<{ staff_id: string; starts_at: Date; ends_at: Date }[]> {
    return em.execute(
      `select m.staff_id, m.starts_at, m.ends_at from session_mediators m
       join mediation_sessions s on s.tenant_id = m.tenant_id and s.id = m.session_id
       where m.tenant_id = ? and m.staff_id = any(?::uuid[]) and m.starts_at < ? and m.ends_at > ? and s.status <> 'CANCELLED'`,
      [tenantId, pgArray([...staffIds]), to, from],
    );
  }

  agreementsOf(em: Em, tenantId: string, caseIds: readonly string[]): Promise<AgreementEntity[]> {
    return em.find(AgreementEntity, { tenantId, caseId: { $in: [...caseIds] } }, { orderBy: { signedAt: 'asc' } });
  }

  /**
   * Refuses a mediator who has another session overlapping, or is rostered on a shift at another
   * unit then. The mediators' rows are locked first so two clerks booking the same person at the
   * same moment cannot both pass the check.
   */
  async schedule(scope: TenantScope, input: ScheduleMediation): Promise<Result<MediationSessionEntity, CaseErrorCode>> {
    const errors: Errors = [];
    const mediatorIds = [...new Set(input.mediatorIds)];
    const departmentIds = [...new Set(input.departmentIds ?? [])];
    if (!(input.endsAt > input.startsAt) || input.endsAt.getTime() - input.startsAt.getTime() > MAX_SESSION_MS) {
      errors.push(userError(['input', 'endsAt'], 'INVALID', 'mediation.sessionSpan'));
    }
    if (!MEDIATION_METHODS.includes(input.method))
      errors.push(userError(['input', 'method'], 'INVALID', 'input.unknownMethod'));
    if (input.chosenBy !== 'PARTIES' && input.chosenBy !== 'CLERK')
      errors.push(userError(['input', 'chosenBy'], 'INVALID', 'mediation.chosenBy'));
    if (!mediatorIds.length || mediatorIds.length > 10)
      errors.push(userError(['input', 'mediatorIds'], 'INVALID', 'mediation.mediatorCount'));
    if (!input.online && !clean(input.place) && !input.orgUnitId)
      errors.push(userError(['input', 'place'], 'INVALID', 'mediation.placeRequired'));
    const overrideReason = clean(input.overrideReason) ?? null;
    if (overrideReason && !scope.viewer?.roles.has('leader'))
      errors.push(userError(['input', 'overrideReason'], 'INVALID', 'mediation.overrideLeaderOnly'));
    if (errors.length) return fail(...errors);
    const r = await this.workflow.forAction(scope, input.caseId, 'scheduleMediation');
    if (!r.ok) return r;
    const c = r.value;
    const orgUnitId = input.orgUnitId ?? c.orgUnitId;
    const unit = orgUnitId ? await this.orgUnits.find(scope, orgUnitId) : null;
    if (input.orgUnitId && !unit)
      return fail(userError(['input', 'orgUnitId'], 'ORG_UNIT_NOT_FOUND', 'notFound.orgUnit'));
    const people = await scope.em.execute<
      { id: string; name: string; is_mediator: boolean; active: boolean; department_id: string | null }[]
    >(
      'select id, name, is_mediator, active, department_id from staff_members where tenant_id = ? and id = any(?::uuid[]) order by id for update',
      [scope.tenant.id, pgArray(mediatorIds.filter(isUuid))],
    );
    mediatorIds.forEach((id, i) => {
      const p = people.find((x) => x.id === id);
      if (!p || !p.active || !p.is_mediator)
        errors.push(userError(['input', 'mediatorIds', String(i)], 'STAFF_NOT_FOUND', 'notFound.activeMediator'));
    });
    for (const [i, id] of departmentIds.entries()) {
      const d = await this.departments.find(scope, id);
      if (!d || d.archivedAt)
        errors.push(
          userError(['input', 'departmentIds', String(i)], 'DEPARTMENT_NOT_FOUND', 'notFound.activeDepartment'),
        );
    }
    if (errors.length) return fail(...errors);
    const slot = await this.slotProblems(scope, {
      mediatorIds,
      people,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      orgUnitId,
      unit,
      online: !!input.online,
      departmentIds,
    });
    if (slot.clashes.length) return fail(...slot.clashes);
    const unfit = slot.unfit;
    // A leader may book anyway (a court judge coming on a day off for an urgent group dispute);
    // a clash with another session or a shift elsewhere is never overridden: nobody is in two places.
    if (unfit.length && !overrideReason) return fail(...unfit);

    const s = Object.assign(new MediationSessionEntity(), {
      tenantId: scope.tenant.id,
      caseId: c.id,
      orgUnitId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      place: clean(input.place) ?? null,
      online: !!input.online,
      method: input.method,
      chosenBy: input.chosenBy,
    });
    scope.em.persist(s);
    for (const staffId of mediatorIds)
      scope.em.persist(
        Object.assign(new SessionMediatorEntity(), {
          tenantId: scope.tenant.id,
          sessionId: s.id,
          staffId,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
        }),
      );
    for (const departmentId of departmentIds)
      scope.em.persist(
        Object.assign(new SessionDepartmentEntity(), { tenantId: scope.tenant.id, sessionId: s.id, departmentId }),
      );
    const assigned = await scope.em.find(CaseAssigneeEntity, { tenantId: scope.tenant.id, caseId: c.id });
    for (const staffId of mediatorIds) {
      if (!assigned.some((a) => a.staffId === staffId))
        scope.em.persist(
          Object.assign(new CaseAssigneeEntity(), {
            tenantId: scope.tenant.id,
            caseId: c.id,
            staffId,
            isLead: !assigned.length && staffId === mediatorIds[0],
          }),
        );
    }
    this.workflow.timeline.record(scope, c.id, {
      type: 'MEDIATION_SCHEDULED',
      data: {
        sessionId: s.id,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        method: s.method,
        chosenBy: s.chosenBy,
        mediatorIds,
        departmentIds,
        joint: mediatorIds.length + departmentIds.length > 1,
        ...(unfit.length ? { override: { reason: overrideReason, waived: unfit.map((e) => e.code) } } : {}),
      },
    });
    if (unfit.length)
      this.audit.record(scope, {
        action: 'mediation.schedule.override',
        targetType: 'MediationSession',
        targetId: s.id,
        after: { caseId: c.id, reason: overrideReason, waived: unfit.map((e) => ({ code: e.code, field: e.field })) },
      });
    this.workflow.startHandling(scope, c, 'mediation');
    await this.workflow.finishStep(scope);
    return ok(s);
  }

  /** Failed sessions at one level count towards the tenant's limit, after which escalation is suggested. */
  async recordOutcome(
    scope: TenantScope,
    input: RecordOutcome,
  ): Promise<Result<MediationSessionEntity, CaseErrorCode>> {
    const s = await findById(scope.em, MediationSessionEntity, scope.tenant.id, input.sessionId);
    if (!s || s.status !== 'SCHEDULED')
      return fail(
        userError(
          ['input', 'sessionId'],
          'SESSION_NOT_FOUND',
          s ? 'mediation.sessionAlready' : 'notFound.session',
          s ? { status: enumArg('MediationSessionStatus', s.status) } : undefined,
        ),
      );
    if (!MEDIATION_OUTCOMES.includes(input.outcome))
      return fail(userError(['input', 'outcome'], 'INVALID', 'input.unknownOutcome'));
    const now = new Date();
    // An outcome is a record of what happened: a session that has not begun has none yet.
    if (s.startsAt > now)
      return fail(
        userError(['input', 'sessionId'], 'SESSION_NOT_STARTED', 'mediation.notStarted', { at: timeArg(s.startsAt) }),
      );
    const tz = scope.tenant.timeZone;
    const late = localDateOf(now, tz) > localDateOf(s.startsAt, tz);
    const lateReason = clean(input.lateReason) ?? null;
    if (late && !lateReason)
      return fail(
        userError(['input', 'lateReason'], 'REASON_REQUIRED', 'mediation.lateReason', {
          date: localDateOf(s.startsAt, tz),
        }),
      );
    const agreementErrors = input.agreement ? checkAgreement(input.agreement) : [];
    if (agreementErrors.length) return fail(...agreementErrors);
    if (input.agreement && input.outcome !== 'AGREED' && input.outcome !== 'PARTLY_AGREED') {
      return fail(userError(['input', 'agreement'], 'INVALID', 'mediation.agreementOnlyIfAgreed'));
    }
    const r = await this.workflow.forAction(scope, s.caseId, 'recordMediationOutcome', ['input', 'sessionId']);
    if (!r.ok) return r;
    const c = r.value;
    Object.assign(s, { status: 'HELD', outcome: input.outcome, outcomeNote: clean(input.note) ?? null });
    this.workflow.timeline.record(scope, c.id, {
      type: 'MEDIATION_OUTCOME',
      data: { sessionId: s.id, outcome: s.outcome, note: s.outcomeNote, ...(late ? { lateReason } : {}) },
    });
    if (late)
      this.audit.record(scope, {
        action: 'mediation.outcome.late-entry',
        targetType: 'MediationSession',
        targetId: s.id,
        after: { caseId: c.id, outcome: s.outcome, sessionDate: localDateOf(s.startsAt, tz), reason: lateReason },
      });
    const atLimit = input.outcome === 'FAILED' ? await this.countFailure(scope, c) : null;
    if (input.agreement) this.addAgreement(scope, c, s.id, input.agreement);
    this.workflow.startHandling(scope, c, 'mediation');
    await this.workflow.finishStep(scope);
    if (atLimit) await this.onFailureLimit(scope, c, atLimit);
    return ok(s);
  }

  async recordJudicialConfirmation(
    scope: TenantScope,
    input: JudicialConfirmation,
  ): Promise<Result<AgreementEntity, CaseErrorCode>> {
    const a = await findById(scope.em, AgreementEntity, scope.tenant.id, input.agreementId);
    if (!a) return fail(userError(['input', 'agreementId'], 'AGREEMENT_NOT_FOUND', 'notFound.agreement'));
    const court = clean(input.court);
    if (!court || court.length > 200) return fail(userError(['input', 'court'], 'INVALID', 'mediation.courtRequired'));
    const order = { NONE: 0, REQUESTED: 1, CONFIRMED: 2, REFUSED: 2 } as const;
    if (
      order[input.status] <= order[a.confirmationStatus] &&
      !(input.status === 'REQUESTED' && a.confirmationStatus === 'REFUSED')
    ) {
      return fail(
        userError(['input', 'status'], 'INVALID', 'mediation.confirmationAlready', {
          status: enumArg('JudicialConfirmationStatus', a.confirmationStatus),
        }),
      );
    }
    const r = await this.workflow.forAction(scope, a.caseId, 'linkage', ['input', 'agreementId']);
    if (!r.ok) return r;
    const at = input.at ?? new Date();
    a.confirmationCourt = court;
    a.confirmationCaseNumber = clean(input.courtCaseNumber) ?? a.confirmationCaseNumber;
    if (input.status === 'REQUESTED') a.confirmationRequestedAt = at;
    else {
      a.confirmationRequestedAt ??= at;
      a.confirmationDecidedAt = at;
    }
    a.confirmationStatus = input.status;
    this.workflow.timeline.record(scope, a.caseId, {
      type: `JUDICIAL_CONFIRMATION_${input.status}`,
      data: { agreementId: a.id, court, courtCaseNumber: a.confirmationCaseNumber, at: at.toISOString() },
      legalBasis: '《中华人民共和国民事诉讼法》司法确认程序',
    });
    await this.workflow.finishStep(scope);
    return ok(a);
  }

  private addAgreement(scope: TenantScope, c: CaseEntity, sessionId: string, f: AgreementFields): void {
    const a = Object.assign(new AgreementEntity(), {
      tenantId: scope.tenant.id,
      caseId: c.id,
      sessionId,
      terms: clean(f.terms)!,
      amount: clean(f.amount) ?? null,
      instalments: (f.instalments ?? []).map(({ dueOn, amount }) => ({ dueOn, amount })),
    });
    scope.em.persist(a);
    this.workflow.timeline.record(scope, c.id, {
      type: 'AGREEMENT_SIGNED',
      data: { agreementId: a.id, sessionId, amount: a.amount, instalments: a.instalments.length },
    });
  }

  /** Counts a failed session; at the tenant's limit, says what its policy does next (once per level). */
  private async countFailure(
    scope: TenantScope,
    c: CaseEntity,
  ): Promise<{ action: FailedMediationAction; limit: number } | null> {
    c.failedMediationsAtLevel += 1;
    const { failedMediationLimit, failedMediationAction } = await this.settings.get(scope);
    if (c.failedMediationsAtLevel < failedMediationLimit || c.escalationSuggested) return null;
    c.escalationSuggested = true;
    this.workflow.timeline.record(scope, c.id, {
      type: 'ESCALATION_SUGGESTED',
      data: { failedSessions: c.failedMediationsAtLevel, limit: failedMediationLimit, action: failedMediationAction },
    });
    return { action: failedMediationAction, limit: failedMediationLimit };
  }

  /**
   * The tenant's policy at the limit of failed mediations (331: 化解不成的逐级上移): ESCALATE raises
   * the case a level at once, as a handler's escalation would (to the unit above, or the parent
   * tenant from the top unit); NOTIFY_LEADER tells the unit's leaders to decide. Either is on the
   * timeline. Where there is no level above, the leaders are told instead.
   */
  private async onFailureLimit(
    scope: TenantScope,
    c: CaseEntity,
    at: { action: FailedMediationAction; limit: number },
  ): Promise<void> {
    const reason = `调解${at.limit}次未果，按本中心规则提级处置`;
    if (at.action === 'ESCALATE' && this.escalations) {
      const r = await this.escalations.escalate(scope, { caseId: c.id, reason });
      if (r.ok) return;
    }
    await this.notifier?.notify(scope, {
      caseId: c.id,
      type: 'MEDIATION_FAILURE_LIMIT',
      level: 'YELLOW',
      title: `${c.number} 调解${at.limit}次未果，请决定是否提级`,
      data: { failedSessions: c.failedMediationsAtLevel, limit: at.limit },
      recipients: { audiences: ['UNIT_LEAD'] },
      dedupeKey: `failure-limit-${c.id}-${c.orgUnitId ?? 'none'}-${c.failedMediationsAtLevel}`,
    });
  }

  /**
   * Why these people cannot meet at this time and place: clashes with another session or a shift
   * elsewhere (never overridden: nobody is in two places) and problems of fit with hours and
   * rosters (a leader may override). A moved session passes its own id so it does not clash with itself.
   */
  async slotProblems(
    scope: TenantScope,
    slot: {
      sessionId?: string;
      mediatorIds: string[];
      people: { id: string; name: string; department_id: string | null }[];
      startsAt: Date;
      endsAt: Date;
      orgUnitId: string | null;
      unit: Awaited<ReturnType<OrgUnitService['find']>>;
      online: boolean;
      departmentIds: string[];
    },
  ): Promise<{ clashes: Errors; unfit: Errors }> {
    const { mediatorIds, people } = slot;
    const clashes = await this.clashes(
      scope,
      mediatorIds,
      people,
      slot.startsAt,
      slot.endsAt,
      slot.orgUnitId,
      slot.sessionId,
    );
    if (clashes.length) return { clashes, unfit: [] };
    const unfit = await this.fit.problems(scope, {
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      unit: slot.unit,
      online: slot.online,
      mediators: mediatorIds.map((id) => {
        const p = people.find((x) => x.id === id)!;
        return { id, name: p.name, departmentId: p.department_id };
      }),
      departmentIds: slot.departmentIds,
    });
    return { clashes, unfit };
  }

  private async clashes(
    scope: TenantScope,
    ids: string[],
    people: { id: string; name: string }[],
    from: Date,
    to: Date,
    orgUnitId: string | null,
    exceptSessionId?: string,
  ): Promise<Errors> {
    const errors: Errors = [];
    const name = (id: string) => people.find((p) => p.id === id)?.name ?? id;
    const busy = await scope.em.execute<
      { staff_id: string; session_id: string; starts_at: Date; ends_at: Date; number: string }[]
    >(
      `select m.staff_id, m.session_id, m.starts_at, m.ends_at, c.number from session_mediators m
       join mediation_sessions s on s.tenant_id = m.tenant_id and s.id = m.session_id
       join cases c on c.tenant_id = s.tenant_id and c.id = s.case_id
       where m.tenant_id = ? and m.staff_id = any(?::uuid[]) and m.starts_at < ? and m.ends_at > ? and s.status <> 'CANCELLED'
         and s.id <> ?`,
      [scope.tenant.id, pgArray(ids), to, from, exceptSessionId ?? NIL_UUID],
    );
    for (const b of busy) {
      errors.push(
        userError(
          ['input', 'mediatorIds', String(ids.indexOf(b.staff_id))],
          'SESSION_CLASH',
          'mediation.sessionClash',
          {
            name: name(b.staff_id),
            number: b.number,
            from: timeArg(new Date(b.starts_at)),
            to: timeArg(new Date(b.ends_at)),
          },
        ),
      );
    }
    const shifts = await scope.em.execute<
      { staff_id: string; shift_id: string; starts_at: Date; ends_at: Date; org_unit_id: string }[]
    >(
      `select a.staff_id, a.shift_id, a.starts_at, a.ends_at, r.org_unit_id from shift_assignments a
       join rotation_shifts s on s.tenant_id = a.tenant_id and s.id = a.shift_id
       join residencies r on r.tenant_id = s.tenant_id and r.id = s.residency_id
       where a.tenant_id = ? and a.staff_id = any(?::uuid[]) and a.starts_at < ? and a.ends_at > ?`,
      [scope.tenant.id, pgArray(ids), to, from],
    );
    for (const sh of shifts.filter((x) => x.org_unit_id !== orgUnitId)) {
      errors.push(
        userError(['input', 'mediatorIds', String(ids.indexOf(sh.staff_id))], 'ROSTER_CLASH', 'mediation.rosterClash', {
          name: name(sh.staff_id),
          from: timeArg(new Date(sh.starts_at)),
          to: timeArg(new Date(sh.ends_at)),
        }),
      );
    }
    return errors;
  }
}

function checkAgreement(f: AgreementFields): Errors {
  const errors: Errors = [];
  const terms = clean(f.terms);
  if (!terms || terms.length > 20000)
    errors.push(userError(['input', 'agreement', 'terms'], 'INVALID', 'mediation.termsRequired'));
  if (clean(f.amount) && !MONEY_RE.test(clean(f.amount)!))
    errors.push(userError(['input', 'agreement', 'amount'], 'INVALID', 'input.yuan'));
  (f.instalments ?? []).forEach((p, i) => {
    if (!DATE_RE.test(p.dueOn) || Number.isNaN(Date.parse(p.dueOn)))
      errors.push(userError(['input', 'agreement', 'instalments', String(i), 'dueOn'], 'INVALID', 'input.date'));
    if (!MONEY_RE.test(p.amount))
      errors.push(userError(['input', 'agreement', 'instalments', String(i), 'amount'], 'INVALID', 'input.yuan'));
  });
  return errors;
}
