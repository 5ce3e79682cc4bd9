import type { FilterQuery } from '@mikro-orm/core';
import type { TenantScope } from '../../core/tenancy/scope';
import { toPage, type PageRequest } from '../../shared/page';
import { findById } from '../../core/db/by-id';
import { userError } from '../../shared/user-error';
import { clean, fail, ok, type Result } from '../../shared/result';
import type { AuditService } from '../audit/audit.service';
import type { CaseEntity } from '../case/case.entity';
import type { CategoryService } from '../category/category.service';
import type { MediationService } from '../mediation/mediation.service';
import type { MediationMethod } from '../mediation/mediation.entity';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import type { DutyService } from '../residency/duty.service';
import type { RosterService } from '../residency/roster.service';
import type { StaffService } from '../staff/staff.service';
import type { StaffMemberEntity } from '../staff/staff.entity';
import { freeSlots, type Interval } from './slots';
import { BOOKABLE } from './resident-view';
import { MEDIATION_WAYS, ResidentMediationRequestEntity, type MediationWay } from './resident.entity';
import { LIMITS, type ResidentCaller, type ResidentService } from './resident.service';
import type { ResidentErrorCode } from './resident.errors';
import { enumArg } from '../../shared/message-ref';
import type { SmsSender } from './sms/sms-sender';
import type { NotificationService } from '../notification/notification.service';

export interface OfferedMediator {
  mediator: StaffMemberEntity;
  specialties: string[];
  slots: Interval[];
}

const SLOT_COUNT = 6;
const HORIZON_DAYS = 14;
const LEAD_MS = 2 * 3_600_000;
const SLOT_MS = 3_600_000;

const METHOD_OF: Record<MediationWay, MediationMethod> = {
  AT_CENTER: 'FACE_TO_FACE',
  ONLINE: 'ONLINE',
  AT_VILLAGE: 'FACE_TO_FACE',
};

/**
 * Residents book a mediation and choose their mediator (群众点单): the mediators the center
 * offers for the case's category with their next free slots, a request for one slot, and the
 * staff's answer — confirm (the session is scheduled through MediationService with chosenBy
 * PARTIES) or propose another slot, which the resident accepts (booked the same way) or not.
 * The resident is told by SMS after each answer commits.
 */
export class ResidentBookingService {
  constructor(
    private readonly audit: AuditService,
    private readonly residents: ResidentService,
    private readonly duty: DutyService,
    private readonly rosters: RosterService,
    private readonly mediation: MediationService,
    private readonly staff: StaffService,
    private readonly orgUnits: OrgUnitService,
    private readonly categories: CategoryService,
    private readonly sms: SmsSender,
    private readonly notifications: NotificationService,
  ) {}

  async offered(scope: TenantScope, c: CaseEntity, now = new Date()): Promise<OfferedMediator[]> {
    const mediators = (await this.duty.mediators(scope, { categoryId: c.categoryId })).slice(0, 20);
    if (!mediators.length) return [];
    const ids = mediators.map((m) => m.id);
    const to = new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
    const [units, shifts, busy, specialties] = await Promise.all([
      this.orgUnits.findMany(
        scope.em,
        scope.tenant.id,
        [...new Set(mediators.map((m) => m.orgUnitId ?? ''))].filter(Boolean),
      ),
      this.rosters.shiftsOfStaff(scope.em, scope.tenant.id, ids, now, to),
      this.mediation.busy(scope.em, scope.tenant.id, ids, now, to),
      this.staff.specialtiesOf(scope.em, scope.tenant.id, ids),
    ]);
    const categories = await this.categories.findMany(scope.em, scope.tenant.id, [
      ...new Set(specialties.map((s) => s.categoryId)),
    ]);
    return mediators.map((m) => ({
      mediator: m,
      specialties: specialties
        .filter((s) => s.staffId === m.id)
        .map((s) => categories.find((k) => k.id === s.categoryId)?.name)
        .filter((n): n is string => !!n),
      slots: freeSlots(
        {
          openingHours: units.find((u) => u.id === m.orgUnitId)?.openingHours ?? [],
          shifts: shifts.filter((s) => s.staffId === m.id).map((s) => ({ from: s.startsAt, to: s.endsAt })),
          busy: busy
            .filter((b) => b.staff_id === m.id)
            .map((b) => ({ from: new Date(b.starts_at), to: new Date(b.ends_at) })),
          timeZone: scope.tenant.timeZone,
        },
        now,
        { count: SLOT_COUNT, days: HORIZON_DAYS, leadMs: LEAD_MS },
      ),
    }));
  }

  async request(
    scope: TenantScope,
    who: ResidentCaller,
    input: { caseNumber: string; mediatorId: string; startsAt: Date; way: MediationWay; note?: string | null },
  ): Promise<Result<ResidentMediationRequestEntity, ResidentErrorCode>> {
    if (!MEDIATION_WAYS.includes(input.way))
      return fail(userError(['input', 'way'], 'INVALID', 'resident.wayRequired'));
    if ((clean(input.note) ?? '').length > LIMITS.note)
      return fail(userError(['input', 'note'], 'INVALID', 'resident.tooLong', { max: LIMITS.note }));
    const c = await this.residents.byNumber(scope, who, input.caseNumber);
    if (!c) return fail(userError(['input', 'caseNumber'], 'CASE_NOT_FOUND', 'resident.caseNotFound'));
    if (c.status === 'REPORTED')
      return fail(userError(['input', 'caseNumber'], 'NOT_YET_ACCEPTED', 'resident.notYetAccepted'));
    if (!BOOKABLE.includes(c.status))
      return fail(userError(['input', 'caseNumber'], 'CASE_ENDED', 'resident.caseEnded'));
    const pending = await scope.em.count(ResidentMediationRequestEntity, {
      tenantId: scope.tenant.id,
      caseId: c.id,
      status: { $in: ['REQUESTED', 'PROPOSED'] },
    });
    if (pending) return fail(userError(['input', 'caseNumber'], 'REQUEST_PENDING', 'resident.requestPending'));
    const offer = (await this.offered(scope, c)).find((o) => o.mediator.id === input.mediatorId);
    if (!offer) return fail(userError(['input', 'mediatorId'], 'MEDIATOR_NOT_OFFERED', 'resident.mediatorNotOffered'));
    if (!offer.slots.some((s) => s.from.getTime() === input.startsAt.getTime()))
      return fail(userError(['input', 'startsAt'], 'SLOT_NOT_FREE', 'resident.slotNotFree'));
    const r = Object.assign(new ResidentMediationRequestEntity(), {
      tenantId: scope.tenant.id,
      caseId: c.id,
      phone: who.phone,
      mediatorId: input.mediatorId,
      way: input.way,
      startsAt: input.startsAt,
      endsAt: new Date(input.startsAt.getTime() + SLOT_MS),
      note: clean(input.note) ?? null,
    });
    scope.em.persist(r);
    this.audit.record(scope, {
      action: 'resident.mediation-requested',
      targetType: 'ResidentMediationRequest',
      targetId: r.id,
      after: { caseId: c.id, mediatorId: r.mediatorId, startsAt: r.startsAt.toISOString(), way: r.way },
    });
    await scope.em.flush();
    // Staff learn of it in their inbox: the chosen mediator, and the dispatchers over the case's unit.
    await this.notifications.notify(scope, {
      caseId: c.id,
      type: 'RESIDENT_BOOKING_REQUESTED',
      level: 'INFO',
      title: `${c.number} 群众预约调解，待确认`,
      data: { requestId: r.id },
      recipients: { staffIds: [r.mediatorId], roles: ['dispatcher'], orgUnitId: c.orgUnitId },
      dedupeKey: `resident-request-${r.id}`,
    });
    return ok(r);
  }

  /** Staff confirm the slot the resident asked for (or accepted): the session is scheduled. */
  async confirm(
    scope: TenantScope,
    input: { requestId: string; place?: string | null; orgUnitId?: string | null },
  ): Promise<Result<ResidentMediationRequestEntity, ResidentErrorCode>> {
    const r = await this.open(scope, input.requestId, ['REQUESTED']);
    if (!r.ok) return r;
    return this.book(scope, r.value, { place: input.place, orgUnitId: input.orgUnitId }, 'staff');
  }

  /** Staff propose another slot (and perhaps another mediator); the resident is told and answers. */
  async propose(
    scope: TenantScope,
    input: { requestId: string; startsAt: Date; endsAt: Date; mediatorId?: string | null; message?: string | null },
  ): Promise<Result<ResidentMediationRequestEntity, ResidentErrorCode>> {
    const found = await this.open(scope, input.requestId, ['REQUESTED']);
    if (!found.ok) return found;
    const r = found.value;
    if (!(input.endsAt > input.startsAt) || input.startsAt <= new Date())
      return fail(userError(['input', 'startsAt'], 'INVALID', 'resident.proposalTime'));
    if ((clean(input.message) ?? '').length > LIMITS.note)
      return fail(userError(['input', 'message'], 'INVALID', 'resident.tooLong', { max: LIMITS.note }));
    if (input.mediatorId) {
      const m = await this.staff.find(scope, input.mediatorId);
      if (!m || !m.active || !m.isMediator)
        return fail(userError(['input', 'mediatorId'], 'MEDIATOR_NOT_OFFERED', 'resident.noSuchMediator'));
    }
    Object.assign(r, {
      status: 'PROPOSED',
      proposedStartsAt: input.startsAt,
      proposedEndsAt: input.endsAt,
      proposedMediatorId: input.mediatorId ?? r.mediatorId,
      staffMessage: clean(input.message) ?? null,
      decidedBy: scope.actor.subject,
      decidedAt: new Date(),
    });
    this.audit.record(scope, {
      action: 'resident-request.proposed',
      targetType: 'ResidentMediationRequest',
      targetId: r.id,
      after: { startsAt: input.startsAt.toISOString(), mediatorId: r.proposedMediatorId },
    });
    await scope.em.flush();
    this.tell(scope, r, '中心建议了新的调解时间，请在“我的案件”中确认。');
    return ok(r);
  }

  /** The resident accepts the staff's proposal (booked at once: staff offered it) or declines it. */
  async respond(
    scope: TenantScope,
    who: ResidentCaller,
    input: { requestId: string; accept: boolean },
  ): Promise<Result<ResidentMediationRequestEntity, ResidentErrorCode>> {
    const found = await this.open(scope, input.requestId, ['PROPOSED']);
    if (!found.ok || found.value.phone !== who.phone)
      return fail(userError(['input', 'requestId'], 'REQUEST_NOT_FOUND', 'resident.requestNotFound'));
    const r = found.value;
    if (!input.accept) {
      r.status = 'WITHDRAWN';
      this.audit.record(scope, {
        action: 'resident.proposal-declined',
        targetType: 'ResidentMediationRequest',
        targetId: r.id,
      });
      await scope.em.flush();
      return ok(r);
    }
    Object.assign(r, { startsAt: r.proposedStartsAt, endsAt: r.proposedEndsAt, mediatorId: r.proposedMediatorId });
    return this.book(scope, r, {}, 'resident');
  }

  private async book(
    scope: TenantScope,
    r: ResidentMediationRequestEntity,
    where: { place?: string | null; orgUnitId?: string | null },
    by: 'staff' | 'resident',
  ): Promise<Result<ResidentMediationRequestEntity, ResidentErrorCode>> {
    const s = await this.mediation.schedule(scope, {
      caseId: r.caseId,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      orgUnitId: where.orgUnitId ?? null,
      place: clean(where.place) ?? (r.way === 'AT_VILLAGE' ? (r.note ?? '村（社区）调解室') : null),
      online: r.way === 'ONLINE',
      method: METHOD_OF[r.way],
      chosenBy: 'PARTIES',
      mediatorIds: [r.mediatorId],
    });
    if (!s.ok) {
      // The scheduling rules speak for themselves (a clash, a case not yet dispatched).
      return fail(
        ...s.errors.map((e) => ({
          field: ['input', 'requestId'],
          code: 'SCHEDULING_REFUSED' as const,
          message: e.message,
        })),
      );
    }
    Object.assign(r, {
      status: 'CONFIRMED',
      sessionId: s.value.id,
      decidedBy: r.decidedBy ?? scope.actor.subject,
      decidedAt: new Date(),
    });
    this.audit.record(scope, {
      action: by === 'staff' ? 'resident-request.confirmed' : 'resident.proposal-accepted',
      targetType: 'ResidentMediationRequest',
      targetId: r.id,
      after: { sessionId: s.value.id },
    });
    await scope.em.flush();
    if (by === 'staff') this.tell(scope, r, '您预约的调解已确认，请按时参加。');
    return ok(r);
  }

  private async open(
    scope: TenantScope,
    id: string,
    statuses: ResidentMediationRequestEntity['status'][],
  ): Promise<Result<ResidentMediationRequestEntity, ResidentErrorCode>> {
    const r = await findById(scope.em, ResidentMediationRequestEntity, scope.tenant.id, id);
    if (!r || !statuses.includes(r.status))
      return fail(
        r
          ? userError(['input', 'requestId'], 'REQUEST_NOT_FOUND', 'resident.requestStatus', {
              status: enumArg('ResidentMediationRequestStatus', r.status),
            })
          : userError(['input', 'requestId'], 'REQUEST_NOT_FOUND', 'resident.requestNotFound'),
      );
    return ok(r);
  }

  /** An SMS once the answer is committed: telling the resident is not worth failing the answer for. */
  private tell(scope: TenantScope, r: ResidentMediationRequestEntity, text: string): void {
    scope.afterCommit(() => this.sms.send({ phone: r.phone, template: 'BOOKING_UPDATE', params: { text } }));
  }

  /** Requests still waiting for staff, oldest first (the staff's to-do list); the cursor is (createdAt, id). */
  async pending(scope: TenantScope, caseId: string | null | undefined, { first, after }: PageRequest) {
    const where: FilterQuery<ResidentMediationRequestEntity> = {
      tenantId: scope.tenant.id,
      status: 'REQUESTED',
      ...(caseId ? { caseId } : {}),
    };
    const qb = scope.em.createQueryBuilder(ResidentMediationRequestEntity, 'r').where(where);
    if (after) qb.andWhere('(r.created_at, r.id) > (?, ?)', [after[0], after[1]]);
    const rows = await qb
      .orderBy({ createdAt: 'asc', id: 'asc' })
      .limit(first + 1)
      .getResult();
    const page = toPage(rows, first, (r) => [r.createdAt.toISOString(), r.id], !!after);
    page.totalCount = () => scope.em.count(ResidentMediationRequestEntity, where);
    return page;
  }

  forCases(scope: TenantScope, caseIds: readonly string[]): Promise<ResidentMediationRequestEntity[]> {
    return scope.em.find(
      ResidentMediationRequestEntity,
      { tenantId: scope.tenant.id, caseId: { $in: [...caseIds] } },
      { orderBy: { createdAt: 'asc' } },
    );
  }
}
