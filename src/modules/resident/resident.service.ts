import type { TenantScope } from '../../core/tenancy/scope';
import { userError } from '../../shared/user-error';
import { clean, fail, ok, type Result } from '../../shared/result';
import type { AuditService } from '../audit/audit.service';
import { CaseEntity, type Channel } from '../case/case.entity';
import type { CaseStatus } from '../case/case.states';
import type { IntakeService, PartyFields } from '../case/intake.service';
import type { CategoryService } from '../category/category.service';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import type { ResidentLimits } from './resident-limits';
import { ResidentRatingEntity, ResidentReportEntity } from './resident.entity';
import type { ResidentErrorCode } from './resident.errors';

/** Who is asking: a verified phone in the request's tenant. */
export interface ResidentCaller {
  phone: string;
  /** the phone's pseudonym, for rate-limit keys */
  subject: string;
  sessionId: string;
}

export interface ResidentReport {
  orgUnitId: string;
  channel?: Channel | null;
  categoryId?: string | null;
  whatHappened: string;
  location?: string | null;
  happenedAt?: Date | null;
  otherPartyName?: string | null;
  contactName: string;
  idempotencyKey?: string | null;
}

export const LIMITS = { whatHappened: 2000, location: 200, name: 100, comment: 500, note: 500 };

/** Statuses in the words a resident understands. */
export const STATUS_WORDS: Record<CaseStatus, string> = {
  REPORTED: '已提交，待受理',
  ACCEPTED: '已受理',
  REJECTED: '不予受理',
  DISPATCHED: '已分派承办',
  IN_PROGRESS: '调解中',
  ESCALATED: '已上报上级处理',
  RESOLVED: '已化解',
  REFERRED: '已转有关机关办理',
  UNRESOLVED: '未能化解',
  FOLLOW_UP: '回访中',
  CLOSED: '已办结',
  MERGED: '已合并办理',
};

/**
 * What residents do with their own cases: report one (through the one intake, channel QR_CODE
 * or MINI_PROGRAM), list and read theirs, and rate the result. A case is a resident's when their
 * verified phone reported it; any other number — another phone's case, another tenant's, a guess
 * — is "not found", and lookups by number are rate-limited per session.
 */
export class ResidentService {
  constructor(
    private readonly audit: AuditService,
    private readonly intake: IntakeService,
    private readonly orgUnits: OrgUnitService,
    private readonly categories: CategoryService,
    private readonly limits: ResidentLimits,
  ) {}

  async report(
    scope: TenantScope,
    who: ResidentCaller,
    input: ResidentReport,
  ): Promise<Result<CaseEntity, ResidentErrorCode>> {
    const what = clean(input.whatHappened);
    const contact = clean(input.contactName);
    const errors = [];
    if (!what || what.length > LIMITS.whatHappened)
      errors.push(userError(['input', 'whatHappened'], 'INVALID', 'resident.descriptionRequired'));
    if (!contact || contact.length > LIMITS.name)
      errors.push(userError(['input', 'contactName'], 'INVALID', 'resident.contactNameRequired', { max: LIMITS.name }));
    if ((clean(input.otherPartyName) ?? '').length > LIMITS.name)
      errors.push(userError(['input', 'otherPartyName'], 'INVALID', 'resident.tooLong', { max: LIMITS.name }));
    if ((clean(input.location) ?? '').length > LIMITS.location)
      errors.push(userError(['input', 'location'], 'INVALID', 'resident.tooLong', { max: LIMITS.location }));
    const channel = input.channel ?? 'QR_CODE';
    if (channel !== 'QR_CODE' && channel !== 'MINI_PROGRAM')
      errors.push(userError(['input', 'channel'], 'INVALID', 'resident.channel'));
    const unit = await this.orgUnits.find(scope, input.orgUnitId);
    if (!unit || unit.archivedAt)
      errors.push(userError(['input', 'orgUnitId'], 'ORG_UNIT_NOT_FOUND', 'resident.unitNotFound'));
    const category = input.categoryId ? await this.categories.find(scope, input.categoryId) : null;
    if (input.categoryId && (!category || category.archivedAt))
      errors.push(userError(['input', 'categoryId'], 'CATEGORY_NOT_FOUND', 'resident.categoryNotFound'));
    if (errors.length) return fail(...errors);
    await this.limits.consume('report', { phone: who.subject, ip: scope.actor.ip, tenant: scope.tenant.id });

    const parties: PartyFields[] = [{ role: 'APPLICANT', kind: 'PERSON', name: contact!, phone: who.phone }];
    if (clean(input.otherPartyName))
      parties.push({ role: 'RESPONDENT', kind: 'PERSON', name: clean(input.otherPartyName)! });
    // The title staff see in lists: the category in plain words and the start of the account.
    const head = what!.replace(/\s+/g, ' ').slice(0, 40);
    const title = `${category ? `${category.name}：` : ''}${head}${what!.length > 40 ? '…' : ''}`;
    const r = await this.intake.report(
      scope,
      {
        title,
        description: what,
        channel,
        categoryId: category?.id ?? null,
        location: clean(input.location) ?? null,
        reportedOrgUnitId: unit!.id,
        parties,
        idempotencyKey: input.idempotencyKey ? `resident:${who.subject}:${input.idempotencyKey}` : null,
      },
      {
        machine: false,
        origin: {
          eventData: {
            residentReport: true,
            phoneVerified: true,
            happenedAt: input.happenedAt?.toISOString() ?? null,
          },
        },
      },
    );
    if (!r.ok)
      return fail(
        ...r.errors.map((e) =>
          e.code === 'IDEMPOTENCY_KEY_REUSED'
            ? userError(['input', 'idempotencyKey'], 'INVALID' as const, 'resident.idempotencyKeyReused')
            : { field: e.field, code: 'INVALID' as const, message: e.message },
        ),
      );
    const c = r.value.case;
    if (!r.value.replayed) {
      scope.em.persist(
        Object.assign(new ResidentReportEntity(), {
          tenantId: scope.tenant.id,
          caseId: c.id,
          phone: who.phone,
          phoneVerifiedAt: new Date(),
          orgUnitId: unit!.id,
        }),
      );
      this.audit.record(scope, { action: 'resident.case-reported', targetType: 'Case', targetId: c.id });
      await scope.em.flush();
    }
    return ok(c);
  }

  /** The phone's cases in this tenant, newest first. */
  async cases(scope: TenantScope, who: ResidentCaller, first: number): Promise<CaseEntity[]> {
    const links = await scope.em.find(
      ResidentReportEntity,
      { tenantId: scope.tenant.id, phone: who.phone },
      { orderBy: { createdAt: 'desc' }, limit: Math.min(Math.max(first, 1), 50) },
    );
    if (!links.length) return [];
    const cases = await scope.em.find(CaseEntity, {
      tenantId: scope.tenant.id,
      id: { $in: links.map((l) => l.caseId) },
    });
    return links.map((l) => cases.find((c) => c.id === l.caseId)).filter((c): c is CaseEntity => !!c);
  }

  /**
   * One of the phone's cases by its number. Each lookup is charged to the session before anything
   * is read, so a loop over numbers runs out of attempts long before it could learn anything —
   * and it could learn nothing anyway: a number that is not the phone's answers exactly as one
   * that does not exist.
   */
  async byNumber(scope: TenantScope, who: ResidentCaller, number: string): Promise<CaseEntity | null> {
    await this.limits.consume('lookup', { session: who.sessionId, phone: null });
    return this.own(scope, who, { number: number.trim() });
  }

  async own(scope: TenantScope, who: ResidentCaller, by: { id?: string; number?: string }): Promise<CaseEntity | null> {
    const c = await scope.em.findOne(CaseEntity, { tenantId: scope.tenant.id, ...by });
    if (!c) return null;
    const link = await scope.em.findOne(ResidentReportEntity, { tenantId: scope.tenant.id, caseId: c.id });
    return link && link.phone === who.phone ? c : null;
  }

  async rate(
    scope: TenantScope,
    who: ResidentCaller,
    input: { caseNumber: string; rating: number; comment?: string | null },
  ): Promise<Result<CaseEntity, ResidentErrorCode>> {
    if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
      return fail(userError(['input', 'rating'], 'INVALID', 'resident.ratingRange'));
    if ((clean(input.comment) ?? '').length > LIMITS.comment)
      return fail(userError(['input', 'comment'], 'INVALID', 'resident.tooLong', { max: LIMITS.comment }));
    const c = await this.byNumber(scope, who, input.caseNumber);
    if (!c) return fail(userError(['input', 'caseNumber'], 'CASE_NOT_FOUND', 'resident.caseNotFound'));
    const [visited] = await scope.em.execute<{ n: number }[]>(
      `select count(*)::int as n from follow_ups where tenant_id = ? and case_id = ? and status = 'DONE'`,
      [scope.tenant.id, c.id],
    );
    if (c.status !== 'CLOSED' && !visited!.n)
      return fail(userError(['input', 'caseNumber'], 'NOT_YET_RATEABLE', 'resident.notYetRateable'));
    const inserted = await scope.em.execute<{ case_id: string }[]>(
      `insert into resident_ratings (tenant_id, case_id, phone, rating, comment) values (?, ?, ?, ?, ?)
       on conflict (tenant_id, case_id) do nothing returning case_id`,
      [scope.tenant.id, c.id, who.phone, input.rating, clean(input.comment) ?? null],
    );
    if (!inserted.length) return fail(userError(['input', 'caseNumber'], 'ALREADY_RATED', 'resident.alreadyRated'));
    this.audit.record(scope, {
      action: 'resident.case-rated',
      targetType: 'Case',
      targetId: c.id,
      after: { rating: input.rating },
    });
    return ok(c);
  }

  rating(scope: TenantScope, caseId: string): Promise<ResidentRatingEntity | null> {
    return scope.em.findOne(ResidentRatingEntity, { tenantId: scope.tenant.id, caseId });
  }

  /** Which of these cases a resident reported with a verified phone (for staff's case view). */
  async verifiedReports(scope: TenantScope, caseIds: readonly string[]): Promise<Map<string, ResidentReportEntity>> {
    const rows = await scope.em.find(ResidentReportEntity, {
      tenantId: scope.tenant.id,
      caseId: { $in: [...caseIds] },
    });
    return new Map(rows.map((r) => [r.caseId, r]));
  }
}
