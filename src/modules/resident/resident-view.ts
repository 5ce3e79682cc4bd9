import { pgArray } from '../../core/db/by-id';
import type { TenantScope } from '../../core/tenancy/scope';
import type { CaseEntity } from '../case/case.entity';
import type { CaseStatus } from '../case/case.states';
import type { DepartmentService } from '../department/department.service';
import type { FollowUpService } from '../follow-up/follow-up.service';
import type { MediationService } from '../mediation/mediation.service';
import type { MediationMethod, SessionStatus } from '../mediation/mediation.entity';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import type { StaffService } from '../staff/staff.service';
import {
  ResidentMediationRequestEntity,
  ResidentRatingEntity,
  type MediationWay,
  type RequestStatus,
} from './resident.entity';
import { STATUS_WORDS } from './resident.service';

export interface ResidentSessionView {
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  online: boolean;
  method: MediationMethod;
  status: SessionStatus;
  mediatorNames: string[];
}

export interface ResidentRequestView {
  id: string;
  caseId: string;
  mediatorId: string;
  way: MediationWay;
  note: string | null;
  status: RequestStatus;
  statusText: string;
  mediatorName: string | null;
  startsAt: Date;
  endsAt: Date;
  proposedStartsAt: Date | null;
  proposedEndsAt: Date | null;
  proposedMediatorName: string | null;
  staffMessage: string | null;
}

export interface ResidentCaseView {
  id: string;
  number: string;
  status: CaseStatus;
  statusText: string;
  nextStep: string | null;
  nextStepDue: Date | null;
  reportedAt: Date;
  whatHappened: string;
  location: string | null;
  unitName: string | null;
  departmentName: string | null;
  sessions: ResidentSessionView[];
  instalments: { dueOn: string; amount: string }[];
  agreementAmount: string | null;
  mediationRequests: ResidentRequestView[];
  canRequestMediation: boolean;
  canRate: boolean;
  rating: number | null;
  ratingComment: string | null;
}

const REQUEST_WORDS: Record<RequestStatus, string> = {
  REQUESTED: '待中心确认',
  PROPOSED: '中心建议了其他时间，请确认',
  CONFIRMED: '已确认',
  DECLINED: '未能安排',
  WITHDRAWN: '已撤回',
};

const NEXT_STEP: Partial<Record<CaseStatus, string>> = {
  REPORTED: '等待中心受理',
  ACCEPTED: '等待分派承办部门，可预约调解',
  DISPATCHED: '承办部门将与您联系，可预约调解',
  IN_PROGRESS: '调解进行中',
  ESCALATED: '已上报上级中心，等待处理',
  RESOLVED: '等待回访',
  REFERRED: '已转有关机关，等待其处理',
  UNRESOLVED: '等待中心结案',
  FOLLOW_UP: '等待回访',
  CLOSED: '已办结，欢迎评价',
  REJECTED: '如有疑问，请联系中心',
};

/** The deadline each status waits on, for "the next step's date". */
const DUE_STEP: Partial<Record<CaseStatus, string>> = {
  REPORTED: 'ACCEPT',
  ACCEPTED: 'DISPATCH',
  DISPATCHED: 'RESOLVE',
  IN_PROGRESS: 'RESOLVE',
  RESOLVED: 'FOLLOW_UP',
  FOLLOW_UP: 'FOLLOW_UP',
};

export const BOOKABLE: CaseStatus[] = ['ACCEPTED', 'DISPATCHED', 'IN_PROGRESS'];

/**
 * What the resident should expect next, and when. A booked session is the next step only while
 * the case is being handled: once it is settled (a session left on the calendar by a dispute
 * resolved before it) the resident is not sent to it; and after the visit was made the case
 * waits for closing, not for a visit. A booking waiting on the center (or on the resident's
 * answer to another slot) comes before the handling deadline.
 */
export function nextStepOf(
  status: CaseStatus,
  at: {
    sessionAt: Date | null;
    visitDue: Date | null;
    visited: boolean;
    deadline: Date | null;
    /** the resident's open booking request, if any */
    request?: RequestStatus | null;
  },
): { nextStep: string | null; nextStepDue: Date | null } {
  if (at.sessionAt && BOOKABLE.includes(status)) return { nextStep: '按预约时间参加调解', nextStepDue: at.sessionAt };
  if (BOOKABLE.includes(status) && at.request === 'REQUESTED')
    return { nextStep: '等待中心确认预约', nextStepDue: null };
  if (BOOKABLE.includes(status) && at.request === 'PROPOSED')
    return { nextStep: '中心建议了其他时间，请确认', nextStepDue: null };
  if ((status === 'RESOLVED' || status === 'FOLLOW_UP') && at.visited && !at.visitDue)
    return { nextStep: '回访已完成，等待中心结案', nextStepDue: null };
  return { nextStep: NEXT_STEP[status] ?? null, nextStepDue: at.visitDue ?? at.deadline };
}

/**
 * What a resident sees of their case: their own account of it, where it stands in plain words,
 * who handles it (the unit and department, never a staff phone), sessions, instalments, their
 * requests and rating. Nothing of the other party: parties are not part of this view at all.
 */
export class ResidentView {
  constructor(
    private readonly orgUnits: OrgUnitService,
    private readonly departments: DepartmentService,
    private readonly staff: StaffService,
    private readonly mediation: MediationService,
    private readonly followUps: FollowUpService,
  ) {}

  async build(scope: TenantScope, cases: CaseEntity[]): Promise<ResidentCaseView[]> {
    if (!cases.length) return [];
    const { em } = scope;
    const t = scope.tenant.id;
    const ids = cases.map((c) => c.id);
    const [units, depts, sessions, agreements, visits, requests, ratings, deadlines] = await Promise.all([
      this.orgUnits.findMany(em, t, uniq(cases.map((c) => c.orgUnitId))),
      this.departments.findMany(em, t, uniq(cases.map((c) => c.departmentId))),
      this.mediation.sessionsOf(em, t, ids),
      this.mediation.agreementsOf(em, t, ids),
      this.followUps.listFor(em, t, ids),
      em.find(ResidentMediationRequestEntity, { tenantId: t, caseId: { $in: ids } }, { orderBy: { createdAt: 'asc' } }),
      em.find(ResidentRatingEntity, { tenantId: t, caseId: { $in: ids } }),
      em.execute<{ case_id: string; step: string; due_at: Date }[]>(
        `select case_id, step, due_at from deadlines where tenant_id = ? and case_id = any(?::uuid[]) and status = 'OPEN'`,
        [t, pgArray(ids)],
      ),
    ]);
    const sessionMediators = await this.mediation.mediatorsOf(
      em,
      t,
      sessions.map((s) => s.id),
    );
    const people = await this.staff.findMany(
      em,
      t,
      uniq([
        ...sessionMediators.map((m) => m.staffId),
        ...requests.flatMap((r) => [r.mediatorId, r.proposedMediatorId]),
      ]),
    );
    const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? null) : null);
    return cases.map((c) => {
      const mine = sessions.filter((s) => s.caseId === c.id);
      const agreement = agreements.filter((a) => a.caseId === c.id).at(-1) ?? null;
      const rating = ratings.find((r) => r.caseId === c.id) ?? null;
      const visited = visits.some((v) => v.caseId === c.id && v.status === 'DONE');
      const pendingVisit = visits.find((v) => v.caseId === c.id && v.status === 'SCHEDULED');
      const nextSession = mine.find((s) => s.status === 'SCHEDULED' && s.endsAt > new Date());
      const due = deadlines.find((d) => d.case_id === c.id && d.step === DUE_STEP[c.status]);
      const caseRequests = requests.filter((r) => r.caseId === c.id);
      return {
        id: c.id,
        number: c.number,
        status: c.status,
        statusText: STATUS_WORDS[c.status],
        ...nextStepOf(c.status, {
          sessionAt: nextSession?.startsAt ?? null,
          visitDue: pendingVisit?.dueAt ?? null,
          visited,
          deadline: due ? new Date(due.due_at) : null,
          request: caseRequests.find((r) => r.status === 'REQUESTED' || r.status === 'PROPOSED')?.status ?? null,
        }),
        reportedAt: c.reportedAt,
        whatHappened: c.description,
        location: c.location,
        unitName: units.find((u) => u.id === c.orgUnitId)?.name ?? null,
        departmentName: depts.find((d) => d.id === c.departmentId)?.name ?? null,
        sessions: mine.map((s) => ({
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          place: s.place,
          online: s.online,
          method: s.method,
          status: s.status,
          mediatorNames: sessionMediators
            .filter((m) => m.sessionId === s.id)
            .map((m) => nameOf(m.staffId))
            .filter((n): n is string => !!n),
        })),
        instalments: agreement?.instalments ?? [],
        agreementAmount: agreement?.amount ?? null,
        mediationRequests: caseRequests.map((r) => requestView(r, nameOf)),
        canRequestMediation:
          BOOKABLE.includes(c.status) && !caseRequests.some((r) => r.status === 'REQUESTED' || r.status === 'PROPOSED'),
        canRate: !rating && (c.status === 'CLOSED' || visited),
        rating: rating?.rating ?? null,
        ratingComment: rating?.comment ?? null,
      };
    });
  }
}

export function requestView(
  r: ResidentMediationRequestEntity,
  nameOf: (id: string | null) => string | null,
): ResidentRequestView {
  return {
    id: r.id,
    caseId: r.caseId,
    mediatorId: r.mediatorId,
    way: r.way,
    note: r.note,
    status: r.status,
    statusText: REQUEST_WORDS[r.status],
    mediatorName: nameOf(r.mediatorId),
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    proposedStartsAt: r.proposedStartsAt,
    proposedEndsAt: r.proposedEndsAt,
    proposedMediatorName: nameOf(r.proposedMediatorId),
    staffMessage: r.staffMessage,
  };
}

const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
