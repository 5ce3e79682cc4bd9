import type { TenantScope } from '../../core/tenancy/scope';
import { userError, type UserErrorData } from '../../shared/user-error';
import { findById } from '../../core/db/by-id';
import { clean, fail, ok, type Result } from '../../shared/result';
import { toPage, type Page, type PageRequest } from '../../shared/page';
import type { AuditService } from '../audit/audit.service';
import type { DepartmentService } from '../department/department.service';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import type { StaffService } from '../staff/staff.service';
import { StaffMemberEntity } from '../staff/staff.entity';
import type { IntakeService } from '../case/intake.service';
import type { CaseEntity } from '../case/case.entity';
import type { RiskLevel } from '../category/category.entity';
import { isValidPhone, normalPhone } from '../case/personal-data';
import {
  CONSULTATION_OUTCOMES,
  CONSULTATION_TOPICS,
  ConsultationEntity,
  type ConsultationOutcome,
  type ConsultationTopic,
} from './consultation.entity';
import { ConsultationErrorCode as E } from './consultation.errors';

export interface RecordConsultation {
  topic: ConsultationTopic;
  outcome: ConsultationOutcome;
  minutes: number;
  visitorName?: string | null;
  visitorPhone?: string | null;
  summary?: string | null;
  departmentId?: string | null;
  orgUnitId?: string | null;
  /** who served the visitor; by default the staff member recording it */
  staffId?: string | null;
  /** default now; a consultation is recorded after it happened, never ahead */
  occurredAt?: Date | null;
}

export interface TurnIntoCase {
  consultationId: string;
  title: string;
  description?: string | null;
  categoryId?: string | null;
  riskLevel?: RiskLevel | null;
}

export interface ConsultationFilter {
  from?: Date | null;
  to?: Date | null;
  topic?: ConsultationTopic | null;
}

type Errors = UserErrorData<E>[];
const MAX_MINUTES = 600;
const LEEWAY_MS = 5 * 60_000;

/**
 * Consultations at the window: who came, about what, who helped, how it ended, how long it took.
 * Light by design (no workflow, no deadlines); one that turns out to be a dispute becomes a case
 * through the ordinary intake, keeping the link both ways.
 */
export class ConsultationService {
  constructor(
    private readonly audit: AuditService,
    private readonly departments: DepartmentService,
    private readonly orgUnits: OrgUnitService,
    private readonly staff: StaffService,
    private readonly intake: IntakeService,
  ) {}

  async record(scope: TenantScope, input: RecordConsultation): Promise<Result<ConsultationEntity, E>> {
    const errors: Errors = [];
    if (!CONSULTATION_TOPICS.includes(input.topic))
      errors.push(userError(['input', 'topic'], E.INVALID, 'consultation.topic'));
    if (!CONSULTATION_OUTCOMES.includes(input.outcome) || input.outcome === 'TURNED_INTO_CASE')
      errors.push(userError(['input', 'outcome'], E.INVALID, 'consultation.outcome'));
    if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > MAX_MINUTES)
      errors.push(userError(['input', 'minutes'], E.INVALID, 'consultation.minutes', { max: MAX_MINUTES }));
    const name = clean(input.visitorName) ?? null;
    if (name && name.length > 100) errors.push(userError(['input', 'visitorName'], E.INVALID, 'consultation.name'));
    const phone = normalPhone(input.visitorPhone);
    if (phone && !isValidPhone(phone)) errors.push(userError(['input', 'visitorPhone'], E.INVALID, 'intake.phone'));
    const summary = clean(input.summary) ?? null;
    if (summary && summary.length > 2000)
      errors.push(userError(['input', 'summary'], E.INVALID, 'consultation.summary'));
    const occurredAt = input.occurredAt ?? new Date();
    if (occurredAt.getTime() > Date.now() + LEEWAY_MS)
      errors.push(userError(['input', 'occurredAt'], E.INVALID, 'consultation.future'));
    if (input.departmentId) {
      const d = await this.departments.find(scope, input.departmentId);
      if (!d || d.archivedAt)
        errors.push(userError(['input', 'departmentId'], E.DEPARTMENT_NOT_FOUND, 'notFound.activeDepartment'));
    }
    if (input.orgUnitId) {
      const u = await this.orgUnits.find(scope, input.orgUnitId);
      if (!u || u.archivedAt)
        errors.push(userError(['input', 'orgUnitId'], E.ORG_UNIT_NOT_FOUND, 'notFound.activeOrgUnit'));
    }
    if (input.staffId && !(await this.staff.find(scope, input.staffId)))
      errors.push(userError(['input', 'staffId'], E.STAFF_NOT_FOUND, 'notFound.staff'));
    if (errors.length) return fail(...errors);
    const me = input.staffId
      ? null
      : await scope.em.findOne(StaffMemberEntity, { tenantId: scope.tenant.id, keycloakSubject: scope.actor.subject });
    const c = Object.assign(new ConsultationEntity(), {
      tenantId: scope.tenant.id,
      topic: input.topic,
      outcome: input.outcome,
      minutes: input.minutes,
      visitorName: name,
      visitorPhone: phone,
      summary,
      departmentId: input.departmentId ?? null,
      orgUnitId: input.orgUnitId ?? me?.orgUnitId ?? null,
      staffId: input.staffId ?? me?.id ?? null,
      recordedBy: scope.actor.subject,
      occurredAt,
    });
    scope.em.persist(c);
    // Ids and codes only: the visitor's name and phone stay out of the audit trail.
    this.audit.record(scope, {
      action: 'consultation.record',
      targetType: 'Consultation',
      targetId: c.id,
      after: { topic: c.topic, outcome: c.outcome, minutes: c.minutes, departmentId: c.departmentId },
    });
    await scope.em.flush();
    return ok(c);
  }

  find(scope: TenantScope, id: string): Promise<ConsultationEntity | null> {
    return findById(scope.em, ConsultationEntity, scope.tenant.id, id);
  }

  /** Newest first by when they happened; keyset on (occurredAt, id). */
  async list(scope: TenantScope, filter: ConsultationFilter, { first, after }: PageRequest) {
    const base = () => {
      const qb = scope.em.createQueryBuilder(ConsultationEntity, 'k').where({ tenantId: scope.tenant.id });
      if (filter.from) qb.andWhere({ occurredAt: { $gte: filter.from } });
      if (filter.to) qb.andWhere({ occurredAt: { $lt: filter.to } });
      if (filter.topic) qb.andWhere({ topic: filter.topic });
      return qb;
    };
    const qb = base();
    if (after) qb.andWhere('(k.occurred_at, k.id) < (?, ?)', [after[0], after[1]]);
    const rows = await qb
      .orderBy({ occurredAt: 'desc', id: 'desc' })
      .limit(first + 1)
      .getResult();
    const page: Page<ConsultationEntity> = toPage(rows, first, (k) => [k.occurredAt.toISOString(), k.id], !!after);
    page.totalCount = () => base().getCount();
    return page;
  }

  /**
   * The visit was a dispute after all: a case is reported through the ordinary intake (rules,
   * duplicates, deadlines, routing all apply), the visitor as its applicant, and both records
   * point at each other. Once only.
   */
  async turnIntoCase(
    scope: TenantScope,
    input: TurnIntoCase,
  ): Promise<Result<{ consultation: ConsultationEntity; case: CaseEntity }, E>> {
    const k = await this.find(scope, input.consultationId);
    if (!k) return fail(userError(['input', 'consultationId'], E.NOT_FOUND, 'notFound.consultation'));
    if (k.caseId) return fail(userError(['input', 'consultationId'], E.ALREADY_A_CASE, 'consultation.alreadyCase'));
    const r = await this.intake.report(
      scope,
      {
        title: input.title,
        description: clean(input.description) ?? k.summary,
        channel: 'WALK_IN',
        categoryId: input.categoryId ?? null,
        riskLevel: input.riskLevel ?? null,
        reportedOrgUnitId: k.orgUnitId,
        parties: k.visitorName
          ? [{ role: 'APPLICANT', kind: 'PERSON', name: k.visitorName, phone: k.visitorPhone }]
          : [],
      },
      { machine: false, origin: { eventData: { consultationId: k.id } } },
    );
    // The intake's own refusals, as this area's errors at the same fields.
    if (!r.ok) return fail(...r.errors.map((e) => ({ ...e, code: E.CASE_REFUSED })));
    Object.assign(k, { caseId: r.value.case.id, outcome: 'TURNED_INTO_CASE' });
    this.audit.record(scope, {
      action: 'consultation.turnIntoCase',
      targetType: 'Consultation',
      targetId: k.id,
      after: { caseId: r.value.case.id },
    });
    await scope.em.flush();
    return ok({ consultation: k, case: r.value.case });
  }
}
