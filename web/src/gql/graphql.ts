/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AcceptCaseInput = {
  caseId: string | number;
  /** Correct the category */
  categoryId?: string | number | null | undefined;
  note?: string | null | undefined;
  /** Correct the risk level */
  riskLevel?: RiskLevel | null | undefined;
};

export type AddCaseNoteInput = {
  caseId: string | number;
  legalBasis?: string | null | undefined;
  text: string;
};

export type AgreementInput = {
  amount?: string | null | undefined;
  instalments?: Array<InstalmentInput> | null | undefined;
  terms: string;
};

export type ArchiveOrgUnitInput = {
  id: string | number;
};

export type AssignCaseInput = {
  caseId: string | number;
  /** The lead handler (default: the first) */
  leadId?: string | number | null | undefined;
  /** A leader puts a mediator on the case beyond their limit of open cases, saying why (audited) */
  overrideReason?: string | null | undefined;
  /** Replaces the people on the case */
  staffIds: Array<string | number>;
};

export type BoardEventFilter = {
  /** Cases handled in this unit or under it */
  orgUnitId?: string | number | null | undefined;
  /** Only cases at one of these warning levels after the event */
  warningLevels?: Array<WarningLevel> | null | undefined;
};

export type BoardEventType =
  /** A step on the case: reported, accepted, dispatched, resolved, … */
  | 'CASE_CHANGED'
  /** A deadline warning (YELLOW or RED) was raised */
  | 'WARNING_RAISED';

/** A step the signed-in person may take on a case now (its state and their roles) */
export type CaseAction =
  | 'ACCEPT'
  | 'ADD_NOTE'
  | 'ASSIGN'
  | 'CLOSE'
  | 'COMPLETE_FOLLOW_UP'
  | 'DECIDE_EXTENSION'
  | 'DISPATCH'
  | 'ESCALATE'
  | 'MARK_UNRESOLVED'
  | 'MERGE'
  | 'RECORD_LINKAGE'
  | 'RECORD_MEDIATION_OUTCOME'
  | 'REFER'
  | 'REJECT'
  | 'REOPEN'
  | 'REPLY_SUPERVISION'
  | 'REQUEST_EXTENSION'
  | 'RESOLVE'
  | 'RETURN'
  | 'REVEAL_PARTY'
  | 'SCHEDULE_FOLLOW_UP'
  | 'SCHEDULE_MEDIATION'
  | 'SUPERVISE'
  | 'TAKE_BACK';

export type CaseErrorCode =
  | 'AGREEMENT_NOT_FOUND'
  | 'CAPACITY_REACHED'
  | 'CASE_CLOSED'
  | 'CASE_MERGED'
  | 'CASE_NOT_ACCEPTED'
  | 'CASE_NOT_AWAITING_ACCEPTANCE'
  | 'CASE_NOT_CLOSABLE'
  | 'CASE_NOT_CONCLUDED'
  | 'CASE_NOT_DISPATCHED'
  | 'CASE_NOT_ESCALATED'
  | 'CASE_NOT_IN_FOLLOW_UP'
  | 'CASE_NOT_IN_HANDLING'
  | 'CASE_NOT_OPEN'
  | 'CASE_NOT_REOPENABLE'
  | 'CATEGORY_NOT_FOUND'
  | 'DEPARTMENT_NOT_FOUND'
  | 'FOLLOW_UP_NOT_FOUND'
  | 'FOLLOW_UP_NOT_OPEN'
  | 'FOLLOW_UP_NOT_YOURS'
  | 'FOLLOW_UP_PENDING'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'NOT_ON_ROSTER'
  | 'NO_HIGHER_LEVEL'
  | 'NO_ROUTE'
  | 'ORG_UNIT_NOT_FOUND'
  | 'PARENT_CASE_OPEN'
  | 'PLACE_CLOSED'
  | 'REASON_REQUIRED'
  | 'REFERRAL_NOT_FOUND'
  | 'ROSTER_CLASH'
  | 'SAME_CASE'
  | 'SESSION_CLASH'
  | 'SESSION_NOT_FOUND'
  | 'SESSION_NOT_STARTED'
  | 'STAFF_NOT_FOUND';

export type CaseFilter = {
  assigneeId?: string | number | null | undefined;
  /** This category and those under it */
  categoryId?: string | number | null | undefined;
  channels?: Array<Channel> | null | undefined;
  externalRef?: string | null | undefined;
  /** Only cases not closed, rejected or merged */
  openOnly?: boolean | null | undefined;
  /** Handled at this unit or any unit under it */
  orgUnitId?: string | number | null | undefined;
  /** Inclusive */
  reportedFrom?: string | null | undefined;
  /** Exclusive */
  reportedTo?: string | null | undefined;
  riskLevels?: Array<RiskLevel> | null | undefined;
  statuses?: Array<CaseStatus> | null | undefined;
  /** Substring of title or description (Chinese works) */
  text?: string | null | undefined;
  warningLevels?: Array<WarningLevel> | null | undefined;
};

export type CaseReasonInput = {
  caseId: string | number;
  reason: string;
};

/** See docs/case-lifecycle.md */
export type CaseStatus =
  | 'ACCEPTED'
  | 'CLOSED'
  | 'DISPATCHED'
  | 'ESCALATED'
  | 'FOLLOW_UP'
  | 'IN_PROGRESS'
  | 'MERGED'
  | 'REFERRED'
  | 'REJECTED'
  | 'REPORTED'
  | 'RESOLVED'
  | 'UNRESOLVED';

export type CategoryErrorCode =
  | 'CODE_TAKEN'
  | 'CYCLE'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'PARENT_NOT_FOUND';

/** Where a report came in */
export type Channel =
  | 'COURT_DIVERSION'
  | 'GRID_WORKER'
  | 'HOTLINE'
  | 'HOTLINE_12345'
  | 'MINI_PROGRAM'
  | 'PATROL'
  | 'PETITION'
  | 'POLICE_110'
  | 'QR_CODE'
  | 'REFERRAL'
  | 'WALK_IN';

export type CloseCaseInput = {
  caseId: string | number;
  note?: string | null | undefined;
};

export type CompleteFollowUpInput = {
  followUpId: string | number;
  notes?: string | null | undefined;
  result: FollowUpResult;
  satisfaction?: number | null | undefined;
};

export type ConfirmResidentMediationRequestInput = {
  orgUnitId?: string | number | null | undefined;
  place?: string | null | undefined;
  requestId: string | number;
};

export type ConsultationErrorCode =
  | 'ALREADY_A_CASE'
  | 'CASE_REFUSED'
  | 'DEPARTMENT_NOT_FOUND'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'ORG_UNIT_NOT_FOUND'
  | 'STAFF_NOT_FOUND';

/** TURNED_INTO_CASE only through turnConsultationIntoCase */
export type ConsultationOutcome =
  | 'ANSWERED'
  | 'FOLLOW_UP_NEEDED'
  | 'REFERRED'
  | 'TURNED_INTO_CASE';

/** LEGAL 法律咨询, PSYCHOLOGICAL 心理疏导, LABOUR 劳动政策, FAMILY 婚姻家庭, POLICY 政策咨询, PETITION 信访事项, OTHER */
export type ConsultationTopic =
  | 'FAMILY'
  | 'LABOUR'
  | 'LEGAL'
  | 'OTHER'
  | 'PETITION'
  | 'POLICY'
  | 'PSYCHOLOGICAL';

export type CreateDepartmentInput = {
  code: string;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
  description?: string | null | undefined;
  kind: DepartmentKind;
  name: string;
};

export type CreateOrgUnitInput = {
  address?: string | null | undefined;
  kind: OrgUnitKind;
  name: string;
  openingHours?: Array<OpeningPeriodInput> | null | undefined;
  parentId?: string | number | null | undefined;
  phone?: string | null | undefined;
};

export type CreateStaffMemberInput = {
  departmentId?: string | number | null | undefined;
  keycloakSubject?: string | null | undefined;
  mediatorProfile?: MediatorProfileInput | null | undefined;
  name: string;
  orgUnitId?: string | number | null | undefined;
  roles?: Array<string> | null | undefined;
};

export type CreateTenantInput = {
  caseNumberPrefix?: string | null | undefined;
  /** Lower-case key, e.g. zhili; Keycloak organization alias */
  code: string;
  level: TenantLevel;
  name: string;
  parentId?: string | number | null | undefined;
  timeZone?: string | null | undefined;
};

export type CreateWebhookSubscriptionInput = {
  /** Default true */
  active?: boolean | null | undefined;
  eventTypes: Array<string>;
  /** https (http only outside production) */
  url: string;
};

export type DateRangeInput = {
  /** Inclusive */
  from: string;
  /** Exclusive */
  to: string;
};

export type DecideDeadlineExtensionInput = {
  approve: boolean;
  note?: string | null | undefined;
  requestId: string | number;
};

export type DepartmentErrorCode =
  | 'CODE_TAKEN'
  | 'INVALID'
  | 'NOT_FOUND';

/** A government body or social force */
export type DepartmentKind =
  | 'AGRICULTURE'
  | 'ASSOCIATION'
  | 'COURT'
  | 'FORESTRY'
  | 'HEALTH'
  | 'HOUSING'
  | 'HUMAN_RESOURCES'
  | 'JUSTICE'
  | 'LAWYERS'
  | 'LAW_ENFORCEMENT'
  | 'MARKET_REGULATION'
  | 'MEDIATION_STUDIO'
  | 'NATURAL_RESOURCES'
  | 'OTHER'
  | 'PETITIONS'
  | 'POLICE'
  | 'PROCURATORATE'
  | 'PSYCHOLOGISTS'
  | 'TRADE_UNION'
  | 'VOLUNTEERS'
  | 'WOMENS_FEDERATION';

export type DispatchCaseInput = {
  caseId: string | number;
  departmentId?: string | number | null | undefined;
  note?: string | null | undefined;
  /** Leave both targets empty to dispatch by the routing rules */
  orgUnitId?: string | number | null | undefined;
};

export type DuplicateCheckInput = {
  categoryId?: string | number | null | undefined;
  idNumbers?: Array<string> | null | undefined;
  location?: string | null | undefined;
  phones?: Array<string> | null | undefined;
};

export type DuplicateReason =
  | 'SAME_ID_NUMBER'
  | 'SAME_PHONE'
  | 'SAME_PLACE_AND_CATEGORY';

export type EscalationActionInput = {
  roles?: Array<NotifyRole> | null | undefined;
  staffId?: string | number | null | undefined;
  type: EscalationActionType;
};

export type EscalationActionType =
  | 'ESCALATE'
  | 'NOTIFY'
  | 'REASSIGN'
  | 'SUPERVISE';

export type EscalationLevelInput = {
  actions: Array<EscalationActionInput>;
  offset: string;
};

export type FailedMediationAction =
  | 'ESCALATE'
  | 'NOTIFY_LEADER';

/** BROKEN reopens the case; RECURRED closes it and opens its recurrence */
export type FollowUpResult =
  | 'BROKEN'
  | 'KEPT'
  | 'PARTLY_KEPT'
  | 'RECURRED';

export type FollowUpStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'SCHEDULED';

export type InstalmentErrorCode =
  | 'ALREADY_PAID'
  | 'INVALID'
  | 'NOT_FOUND';

export type InstalmentInput = {
  amount: string;
  dueOn: string;
};

export type InstalmentStatus =
  | 'DUE'
  | 'PAID'
  | 'PARTLY_PAID';

export type JudicialConfirmationStatus =
  | 'CONFIRMED'
  | 'NONE'
  | 'REFUSED'
  | 'REQUESTED';

export type JudicialConfirmationStep =
  | 'CONFIRMED'
  | 'REFUSED'
  | 'REQUESTED';

export type MarkNotificationsReadInput = {
  /** Every delivered notification of yours */
  all?: boolean | null | undefined;
  /** At most 100; each must be one of yours */
  ids?: Array<string | number> | null | undefined;
};

export type MediationMethod =
  | 'BACK_TO_BACK'
  | 'EXPERT_CONSULTATION'
  | 'FACE_TO_FACE'
  | 'ONLINE'
  | 'PHONE';

export type MediationOutcome =
  | 'ADJOURNED'
  | 'AGREED'
  | 'FAILED'
  | 'PARTLY_AGREED';

export type MediationSessionStatus =
  | 'CANCELLED'
  | 'HELD'
  | 'SCHEDULED';

/** How a resident would meet: AT_CENTER (在中心), ONLINE (线上), AT_VILLAGE (到村（社区）) */
export type MediationWay =
  | 'AT_CENTER'
  | 'AT_VILLAGE'
  | 'ONLINE';

/** Residents may choose their mediator and method */
export type MediatorChosenBy =
  | 'CLERK'
  | 'PARTIES';

export type MediatorProfileInput = {
  goldMedal?: boolean | null | undefined;
  languages?: Array<string> | null | undefined;
  maxConcurrentCases: number;
  /** Categories this mediator takes (a category covers its sub-categories) */
  specialtyIds: Array<string | number>;
  studioName?: string | null | undefined;
};

export type MergeCasesInput = {
  duplicateIds: Array<string | number>;
  reason?: string | null | undefined;
  /** The case that stays */
  survivorId: string | number;
};

export type NotificationErrorCode =
  | 'INSECURE_URL'
  | 'INVALID'
  | 'INVALID_EVENT_TYPE'
  | 'INVALID_URL'
  | 'NOT_DEAD'
  | 'NOT_FOUND';

/** INFO; YELLOW and RED as the case warning levels */
export type NotificationLevel =
  | 'INFO'
  | 'RED'
  | 'YELLOW';

/** HANDLER: the case's assignees; UNIT_LEAD: leaders of its unit; CENTER_LEAD: of the top unit; LEADER: every leader */
export type NotifyRole =
  | 'CENTER_LEAD'
  | 'HANDLER'
  | 'LEADER'
  | 'UNIT_LEAD'
  | 'VISITOR';

export type OpeningPeriodInput = {
  closes: string;
  opens: string;
  weekday: number;
};

export type OrgUnitErrorCode =
  | 'ARCHIVED'
  | 'CYCLE'
  | 'HAS_ACTIVE_CHILDREN'
  | 'INVALID'
  | 'IN_USE'
  | 'NAME_TAKEN'
  | 'NOT_FOUND'
  | 'PARENT_KIND_NOT_ALLOWED'
  | 'PARENT_NOT_FOUND'
  | 'ROOT_EXISTS';

/** CENTER at the top; SUB_CENTER, STATION, GRID below */
export type OrgUnitKind =
  | 'CENTER'
  | 'GRID'
  | 'STATION'
  | 'SUB_CENTER';

export type PartyInput = {
  address?: string | null | undefined;
  /** Unified social credit code, for organisations */
  creditCode?: string | null | undefined;
  /** 18-character resident ID (checked) */
  idNumber?: string | null | undefined;
  kind: PartyKind;
  name: string;
  phone?: string | null | undefined;
  role: PartyRole;
};

export type PartyKind =
  | 'ORGANISATION'
  | 'PERSON';

export type PartyRole =
  | 'APPLICANT'
  | 'RESPONDENT'
  | 'THIRD_PARTY';

export type ProposeResidentMediationSlotInput = {
  endsAt: string;
  mediatorId?: string | number | null | undefined;
  message?: string | null | undefined;
  requestId: string | number;
  startsAt: string;
};

export type RecordConsultationInput = {
  /** The department that helped (a resident one, e.g. 司法所) */
  departmentId?: string | number | null | undefined;
  /** How long the visitor was helped, 1 to 600 */
  minutes: number;
  /** When it took place (default now; never in the future) */
  occurredAt?: string | null | undefined;
  /** Where; defaults to the recording staff member’s unit */
  orgUnitId?: string | number | null | undefined;
  outcome: ConsultationOutcome;
  /** Who helped; defaults to the staff member recording it */
  staffId?: string | number | null | undefined;
  summary?: string | null | undefined;
  topic: ConsultationTopic;
  visitorName?: string | null | undefined;
  visitorPhone?: string | null | undefined;
};

export type RecordInstalmentPaymentInput = {
  /** Yuan paid now; several payments may add up to the instalment */
  amount: string;
  instalmentId: string | number;
  /** When the money arrived (default now) */
  paidAt?: string | null | undefined;
};

export type RecordJudicialConfirmationInput = {
  agreementId: string | number;
  /** When it was requested or decided (default: now) */
  at?: string | null | undefined;
  court: string;
  courtCaseNumber?: string | null | undefined;
  status: JudicialConfirmationStep;
};

export type RecordMediationOutcomeInput = {
  /** For AGREED or PARTLY_AGREED */
  agreement?: AgreementInput | null | undefined;
  /** Required when the outcome is entered after the day the session took place (audited) */
  lateReason?: string | null | undefined;
  note?: string | null | undefined;
  outcome: MediationOutcome;
  sessionId: string | number;
};

export type RecordReferralOutcomeInput = {
  outcome: string;
  referenceNumber?: string | null | undefined;
  referralId: string | number;
};

export type ReferCaseInput = {
  caseId: string | number;
  legalBasis?: string | null | undefined;
  reason?: string | null | undefined;
  referenceNumber?: string | null | undefined;
  target: ReferralTarget;
  targetName: string;
};

export type ReferralTarget =
  | 'AUTHORITY'
  | 'COURT'
  | 'LABOR_ARBITRATION'
  | 'LEGAL_AID'
  | 'PETITIONS';

export type ReplySupervisionInput = {
  noticeId: string | number;
  reply: string;
};

export type ReportCaseInput = {
  amountInvolved?: string | null | undefined;
  categoryId?: string | number | null | undefined;
  channel: Channel;
  description?: string | null | undefined;
  /** The feed's own reference; machine feeds must send it */
  externalRef?: string | null | undefined;
  /** A retried report with the same key returns the same case; machine feeds must send it */
  idempotencyKey?: string | null | undefined;
  location?: string | null | undefined;
  /** Staff entering the report for a resident */
  onBehalfOfResident?: boolean | null | undefined;
  parties?: Array<PartyInput> | null | undefined;
  /** Defaults to the number of applicants */
  peopleInvolved?: number | null | undefined;
  /** The unit or grid where it was reported; routing rules match on it */
  reportedOrgUnitId?: string | number | null | undefined;
  /** Defaults to the category's risk level */
  riskLevel?: RiskLevel | null | undefined;
  title: string;
};

export type RequestDeadlineExtensionInput = {
  deadlineId: string | number;
  newDueAt: string;
  reason: string;
};

export type ResidencyErrorCode =
  | 'ALREADY_STATIONED'
  | 'DEPARTMENT_NOT_FOUND'
  | 'ENDED'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'NOT_ROSTERED'
  | 'ORG_UNIT_NOT_FOUND'
  | 'OUTSIDE_RESIDENCY'
  | 'SHIFT_OVERLAP'
  | 'STAFF_NOT_FOUND';

export type ResidencyFilter = {
  departmentId?: string | number | null | undefined;
  /** Include ended residencies (history) */
  includeEnded?: boolean | null | undefined;
  orgUnitId?: string | number | null | undefined;
};

/** RESIDENT 常驻, ROTATING 轮驻, JOINT 联驻, ON_DEMAND 随驻 */
export type ResidencyMode =
  | 'JOINT'
  | 'ON_DEMAND'
  | 'RESIDENT'
  | 'ROTATING';

export type ResidentErrorCode =
  | 'ALREADY_RATED'
  | 'CASE_ENDED'
  | 'CASE_NOT_FOUND'
  | 'CATEGORY_NOT_FOUND'
  | 'CODE_EXPIRED'
  | 'CODE_INVALID'
  | 'INVALID'
  | 'MEDIATOR_NOT_OFFERED'
  | 'NOT_YET_ACCEPTED'
  | 'NOT_YET_RATEABLE'
  | 'ORG_UNIT_NOT_FOUND'
  | 'PHONE_INVALID'
  | 'PHONE_LOCKED'
  | 'REQUEST_NOT_FOUND'
  | 'REQUEST_PENDING'
  | 'SCHEDULING_REFUSED'
  | 'SLOT_NOT_FREE'
  | 'SMS_FAILED'
  | 'TENANT_REQUIRED';

export type ResidentMediationRequestStatus =
  | 'CONFIRMED'
  | 'DECLINED'
  | 'PROPOSED'
  | 'REQUESTED'
  | 'WITHDRAWN';

export type ResolveCaseInput = {
  caseId: string | number;
  /** Who visits afterwards (default: the lead handler) */
  followUpAssigneeId?: string | number | null | undefined;
  legalBasis?: string | null | undefined;
  /** What was agreed or decided */
  resolution: string;
  /** Settled on site by the front end (patrol, grid, station) */
  resolvedOnSite?: boolean | null | undefined;
};

export type RevealPartyInput = {
  partyId: string | number;
  /** Why you need it (kept in the audit trail) */
  reason: string;
};

/** LOW < MEDIUM < HIGH < MAJOR */
export type RiskLevel =
  | 'HIGH'
  | 'LOW'
  | 'MAJOR'
  | 'MEDIUM';

export type RoutingErrorCode =
  | 'CATEGORY_NOT_FOUND'
  | 'DEPARTMENT_NOT_FOUND'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'NO_TARGET'
  | 'ORG_UNIT_NOT_FOUND';

export type ScheduleFollowUpInput = {
  assigneeId?: string | number | null | undefined;
  caseId: string | number;
  dueAt: string;
};

export type ScheduleMediationInput = {
  caseId: string | number;
  chosenBy: MediatorChosenBy;
  /** Departments joining: a joint mediation */
  departmentIds?: Array<string | number> | null | undefined;
  endsAt: string;
  mediatorIds: Array<string | number>;
  method: MediationMethod;
  online?: boolean | null | undefined;
  /** Where; defaults to the case's unit */
  orgUnitId?: string | number | null | undefined;
  /** A leader books outside the place's hours or a participant's roster, saying why (audited) */
  overrideReason?: string | null | undefined;
  place?: string | null | undefined;
  startsAt: string;
};

export type SetMyLocaleInput = {
  /** zh-CN or en; null forgets the choice, and Accept-Language decides again */
  locale?: string | null | undefined;
};

export type SetRotationShiftsInput = {
  /** Horizon start: shifts starting in [from, to) are replaced */
  from: string;
  residencyId: string | number;
  shifts?: Array<ShiftInput> | null | undefined;
  to: string;
  /** Expanded into shifts over the horizon */
  weekly?: Array<WeeklyShiftInput> | null | undefined;
};

export type ShiftInput = {
  endsAt: string;
  staffIds: Array<string | number>;
  startsAt: string;
};

export type SlaErrorCode =
  | 'CATEGORY_NOT_FOUND'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'SCOPE_TAKEN'
  | 'STAFF_NOT_FOUND';

export type SlaStep =
  | 'ACCEPT'
  | 'DISPATCH'
  | 'FIRST_CONTACT'
  | 'FOLLOW_UP'
  | 'RESOLVE';

export type SlaTargetInput = {
  duration: string;
  mode: SlaTargetMode;
  step: SlaStep;
};

/** CALENDAR or WORKING time (Chinese working days and the tenant hours), or SAME_DAY: by the end of the local day */
export type SlaTargetMode =
  | 'CALENDAR'
  | 'SAME_DAY'
  | 'WORKING';

export type StaffErrorCode =
  | 'CATEGORY_NOT_FOUND'
  | 'DEPARTMENT_NOT_FOUND'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'ORG_UNIT_NOT_FOUND'
  | 'SUBJECT_TAKEN'
  | 'UNKNOWN_LOCALE';

export type StationDepartmentInput = {
  departmentId: string | number;
  mode: ResidencyMode;
  note?: string | null | undefined;
  orgUnitId: string | number;
  /** Default: now */
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
};

export type SuperviseCaseInput = {
  caseId: string | number;
  message: string;
  replyBy: string;
};

export type SuspendTenantInput = {
  id: string | number;
  /** false reactivates the tenant */
  suspended?: boolean | null | undefined;
};

export type TenantErrorCode =
  | 'CODE_TAKEN'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'PARENT_CYCLE'
  | 'PARENT_NOT_FOUND';

export type TenantLevel =
  | 'CITY'
  | 'COUNTY'
  | 'DISTRICT'
  | 'STREET'
  | 'TOWN';

export type TenantStatus =
  | 'ACTIVE'
  | 'SUSPENDED';

export type TurnConsultationIntoCaseInput = {
  categoryId?: string | number | null | undefined;
  consultationId: string | number;
  /** Defaults to the consultation’s summary */
  description?: string | null | undefined;
  riskLevel?: RiskLevel | null | undefined;
  title: string;
};

export type UpdateCaseSettingsInput = {
  duplicateWindowHours?: number | null | undefined;
  failedMediationAction?: FailedMediationAction | null | undefined;
  failedMediationLimit?: number | null | undefined;
  followUpDays?: number | null | undefined;
  followUpWindowDays?: number | null | undefined;
  groupDisputeThreshold?: number | null | undefined;
  personalDataRoles?: Array<string> | null | undefined;
  revealRoles?: Array<string> | null | undefined;
};

export type UpdateNotificationSettingsInput = {
  quietEnd?: string | null | undefined;
  quietHoursEnabled?: boolean | null | undefined;
  quietStart?: string | null | undefined;
};

export type UpdateOrgUnitInput = {
  address?: string | null | undefined;
  id: string | number;
  name?: string | null | undefined;
  openingHours?: Array<OpeningPeriodInput> | null | undefined;
  /** Move the unit (and its subtree) under another unit */
  parentId?: string | number | null | undefined;
  phone?: string | null | undefined;
};

export type UpdateWebhookSubscriptionInput = {
  /** Inactive: no new deliveries; waiting ones end DEAD */
  active?: boolean | null | undefined;
  eventTypes?: Array<string> | null | undefined;
  id: string | number;
  /** A new secret, returned once in the payload */
  rotateSecret?: boolean | null | undefined;
  url?: string | null | undefined;
};

export type UpdateWorkingCalendarInput = {
  /** YYYY-MM-DD the center is closed although the official calendar says work */
  closedDates?: Array<string> | null | undefined;
  /** Back to the default hours */
  resetWorkingHours?: boolean | null | undefined;
  /** YYYY-MM-DD the center works although the official calendar says rest */
  workingDates?: Array<string> | null | undefined;
  /** Replaces the whole week; omit to keep */
  workingHours?: Array<WeekdayHoursInput> | null | undefined;
};

export type UpsertCategoryInput = {
  /** Archive (true) or restore (false) */
  archived?: boolean | null | undefined;
  code: string;
  defaultRiskLevel: RiskLevel;
  /** Update this category; without it, the one with this code, or a new one */
  id?: string | number | null | undefined;
  name: string;
  parentId?: string | number | null | undefined;
};

export type UpsertRoutingRuleInput = {
  active?: boolean | null | undefined;
  /** This category and those under it; empty: any */
  categoryId?: string | number | null | undefined;
  /** Omit to create */
  id?: string | number | null | undefined;
  name: string;
  /** Reported at this unit or grid or under it; empty: anywhere */
  orgUnitId?: string | number | null | undefined;
  priority: number;
  riskLevel?: RiskLevel | null | undefined;
  targetDepartmentId?: string | number | null | undefined;
  targetOrgUnitId?: string | number | null | undefined;
};

export type UpsertSlaPolicyInput = {
  categoryId?: string | number | null | undefined;
  escalations?: Array<EscalationLevelInput>;
  id?: string | number | null | undefined;
  name: string;
  pauseStatuses?: Array<string>;
  red: WarningPointInput;
  riskLevel?: RiskLevel | null | undefined;
  targets: Array<SlaTargetInput>;
  yellow: WarningPointInput;
};

/** NONE once closed; GREEN on track; YELLOW, RED closer to or past a deadline */
export type WarningLevel =
  | 'GREEN'
  | 'NONE'
  | 'RED'
  | 'YELLOW';

export type WarningPointInput = {
  before?: string | null | undefined;
  share?: number | null | undefined;
};

export type WebhookDeliveryFilter = {
  status?: WebhookDeliveryStatus | null | undefined;
  subscriptionId?: string | number | null | undefined;
};

/** PENDING until a 2xx answer (DELIVERED) or the last attempt failed (DEAD: the dead letter) */
export type WebhookDeliveryStatus =
  | 'DEAD'
  | 'DELIVERED'
  | 'PENDING';

export type WebhookIdInput = {
  id: string | number;
};

export type WeekdayHoursInput = {
  periods: Array<WorkingPeriodInput>;
  weekday: number;
};

export type WeeklyShiftInput = {
  /** HH:MM; earlier than start means the next day */
  end: string;
  staffIds: Array<string | number>;
  /** HH:MM in the tenant's time zone */
  start: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
};

export type WorkingPeriodInput = {
  end: string;
  start: string;
};

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { subject: string, username: string | null, locale: string | null, roles: Array<string>, currentTenant: { id: string, code: string, name: string } | null, tenants: Array<{ id: string, code: string, name: string }>, staffMember: { id: string, name: string, orgUnit: { id: string, name: string } | null } | null } };

export type UnreadCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadCountQuery = { notifications: { totalCount: number } };

export type SetMyLocaleMutationVariables = Exact<{
  input: SetMyLocaleInput;
}>;


export type SetMyLocaleMutation = { setMyLocale: { locale: string | null, userErrors: Array<{ code: StaffErrorCode }> } };

export type CaseChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CaseChangesSubscription = { boardEvents: { caseId: string, status: CaseStatus, warningLevel: WarningLevel, occurredAt: string } };

export type CategoryTreeQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoryTreeQuery = { categories: { edges: Array<{ node: { id: string, name: string, defaultRiskLevel: RiskLevel, parent: { id: string } | null } }> } };

export type UnitTreeQueryVariables = Exact<{ [key: string]: never; }>;


export type UnitTreeQuery = { orgUnits: { edges: Array<{ node: { id: string, name: string, parent: { id: string } | null } }> } };

export type BoardRatioFragment = { numerator: number, denominator: number, rate: number | null, lowConfidence: boolean };

export type BoardWarningsQueryVariables = Exact<{
  orgUnitId?: string | number | null | undefined;
}>;


export type BoardWarningsQuery = { warningBoard: { entries: { totalCount: number, edges: Array<{ node: { nextDueAt: string | null, case: { id: string, number: string, title: string, warningLevel: WarningLevel, allowedActions: Array<CaseAction>, orgUnit: { id: string, name: string } | null, reportedOrgUnit: { id: string, name: string } | null } } }> }, perUnit: Array<{ red: number, yellow: number, orgUnit: { id: string, name: string } | null }> } };

export type BoardFiguresQueryVariables = Exact<{
  orgUnitId?: string | number | null | undefined;
  range: DateRangeInput;
}>;


export type BoardFiguresQuery = { figures: { reported: number, sameDayAcceptance: { numerator: number, denominator: number, rate: number | null, lowConfidence: boolean }, onSiteResolution: { numerator: number, denominator: number, rate: number | null, lowConfidence: boolean }, resolution: { numerator: number, denominator: number, rate: number | null, lowConfidence: boolean }, onTime: { numerator: number, denominator: number, rate: number | null, lowConfidence: boolean }, backflow: { numerator: number, denominator: number, rate: number | null, lowConfidence: boolean }, openByWarning: { red: number, yellow: number, green: number } }, byCategory: { groups: Array<{ key: string | null, label: string | null, reported: number, open: number }> }, byChannel: { groups: Array<{ key: string | null, label: string | null, reported: number, open: number }> } };

export type BoardTrendQueryVariables = Exact<{
  orgUnitId?: string | number | null | undefined;
  d0: DateRangeInput;
  d1: DateRangeInput;
  d2: DateRangeInput;
  d3: DateRangeInput;
  d4: DateRangeInput;
  d5: DateRangeInput;
  d6: DateRangeInput;
}>;


export type BoardTrendQuery = { d0: { from: string, reported: number, resolution: { numerator: number } }, d1: { from: string, reported: number, resolution: { numerator: number } }, d2: { from: string, reported: number, resolution: { numerator: number } }, d3: { from: string, reported: number, resolution: { numerator: number } }, d4: { from: string, reported: number, resolution: { numerator: number } }, d5: { from: string, reported: number, resolution: { numerator: number } }, d6: { from: string, reported: number, resolution: { numerator: number } } };

export type BoardDayFragment = { from: string, reported: number, resolution: { numerator: number } };

export type BoardTownsQueryVariables = Exact<{
  range: DateRangeInput;
}>;


export type BoardTownsQuery = { tenant: { id: string, name: string, level: TenantLevel }, childTenantMetrics: { children: Array<{ tenant: { id: string, name: string }, metrics: { reported: number, sameDayAcceptance: { numerator: number, denominator: number, rate: number | null, lowConfidence: boolean }, onSiteResolution: { numerator: number, denominator: number, rate: number | null, lowConfidence: boolean }, resolution: { numerator: number, denominator: number, rate: number | null, lowConfidence: boolean }, backflow: { numerator: number, denominator: number, rate: number | null, lowConfidence: boolean }, openByWarning: { red: number, yellow: number, green: number } } }> } };

export type BoardDutyQueryVariables = Exact<{
  orgUnitId: string | number;
  at?: string | null | undefined;
}>;


export type BoardDutyQuery = { onDuty: { present: Array<{ residency: { id: string, mode: ResidencyMode, department: { id: string, name: string } }, shift: { id: string, startsAt: string, endsAt: string } | null, staff: Array<{ id: string, name: string }> }>, callable: Array<{ residency: { id: string, mode: ResidencyMode, department: { id: string, name: string } }, shift: { id: string, startsAt: string, endsAt: string } | null, staff: Array<{ id: string, name: string }> }> } | null };

export type BoardDutyFragment = { residency: { id: string, mode: ResidencyMode, department: { id: string, name: string } }, shift: { id: string, startsAt: string, endsAt: string } | null, staff: Array<{ id: string, name: string }> };

export type BoardSuperviseMutationVariables = Exact<{
  input: SuperviseCaseInput;
}>;


export type BoardSuperviseMutation = { superviseCase: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type BoardLiveSubscriptionVariables = Exact<{
  filter?: BoardEventFilter | null | undefined;
}>;


export type BoardLiveSubscription = { boardEvents: { caseId: string, type: BoardEventType, warningLevel: WarningLevel, occurredAt: string } };

export type CaseDeskQueryVariables = Exact<{
  filter?: CaseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CaseDeskQuery = { cases: { edges: Array<{ node: { id: string, number: string, title: string, status: CaseStatus, warningLevel: WarningLevel, riskLevel: RiskLevel, reportedAt: string, category: { id: string, name: string } | null, orgUnit: { id: string, name: string } | null, deadlines: Array<{ id: string, status: string, dueAt: string, step: SlaStep }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AcceptCaseMutationVariables = Exact<{
  input: AcceptCaseInput;
}>;


export type AcceptCaseMutation = { acceptCase: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type RejectCaseMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type RejectCaseMutation = { rejectCase: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type ReturnCaseMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type ReturnCaseMutation = { returnCase: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type EscalateCaseMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type EscalateCaseMutation = { escalateCase: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type MarkCaseUnresolvedMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type MarkCaseUnresolvedMutation = { markCaseUnresolved: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type TakeBackCaseMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type TakeBackCaseMutation = { takeBackCase: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type ReopenCaseMutationVariables = Exact<{
  input: CaseReasonInput;
}>;


export type ReopenCaseMutation = { reopenCase: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type DispatchCaseMutationVariables = Exact<{
  input: DispatchCaseInput;
}>;


export type DispatchCaseMutation = { dispatchCase: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type AssignCaseMutationVariables = Exact<{
  input: AssignCaseInput;
}>;


export type AssignCaseMutation = { assignCase: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type AddCaseNoteMutationVariables = Exact<{
  input: AddCaseNoteInput;
}>;


export type AddCaseNoteMutation = { addCaseNote: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type ScheduleMediationMutationVariables = Exact<{
  input: ScheduleMediationInput;
}>;


export type ScheduleMediationMutation = { scheduleMediation: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type RecordMediationOutcomeMutationVariables = Exact<{
  input: RecordMediationOutcomeInput;
}>;


export type RecordMediationOutcomeMutation = { recordMediationOutcome: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type ResolveCaseMutationVariables = Exact<{
  input: ResolveCaseInput;
}>;


export type ResolveCaseMutation = { resolveCase: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type ReferCaseMutationVariables = Exact<{
  input: ReferCaseInput;
}>;


export type ReferCaseMutation = { referCase: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type ScheduleFollowUpMutationVariables = Exact<{
  input: ScheduleFollowUpInput;
}>;


export type ScheduleFollowUpMutation = { scheduleFollowUp: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type CompleteFollowUpMutationVariables = Exact<{
  input: CompleteFollowUpInput;
}>;


export type CompleteFollowUpMutation = { completeFollowUp: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type CloseCaseMutationVariables = Exact<{
  input: CloseCaseInput;
}>;


export type CloseCaseMutation = { closeCase: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type MergeCasesMutationVariables = Exact<{
  input: MergeCasesInput;
}>;


export type MergeCasesMutation = { mergeCases: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type SuperviseCaseMutationVariables = Exact<{
  input: SuperviseCaseInput;
}>;


export type SuperviseCaseMutation = { superviseCase: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type ReplySupervisionMutationVariables = Exact<{
  input: ReplySupervisionInput;
}>;


export type ReplySupervisionMutation = { replySupervision: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type RequestDeadlineExtensionMutationVariables = Exact<{
  input: RequestDeadlineExtensionInput;
}>;


export type RequestDeadlineExtensionMutation = { requestDeadlineExtension: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type DecideDeadlineExtensionMutationVariables = Exact<{
  input: DecideDeadlineExtensionInput;
}>;


export type DecideDeadlineExtensionMutation = { decideDeadlineExtension: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type RecordJudicialConfirmationMutationVariables = Exact<{
  input: RecordJudicialConfirmationInput;
}>;


export type RecordJudicialConfirmationMutation = { recordJudicialConfirmation: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type RecordReferralOutcomeMutationVariables = Exact<{
  input: RecordReferralOutcomeInput;
}>;


export type RecordReferralOutcomeMutation = { recordReferralOutcome: { userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type CasePageQueryVariables = Exact<{
  id: string | number;
}>;


export type CasePageQuery = { case: { id: string, number: string, title: string, description: string, status: CaseStatus, warningLevel: WarningLevel, riskLevel: RiskLevel, channel: Channel, location: string | null, amountInvolved: string | null, reportedAt: string, resolution: string | null, allowedActions: Array<CaseAction>, category: { id: string, name: string } | null, orgUnit: { id: string, name: string } | null, reportedOrgUnit: { id: string, name: string } | null, department: { id: string, name: string } | null, assignees: Array<{ isLead: boolean, staff: { id: string, name: string } | null }>, parties: Array<{ id: string, role: PartyRole, kind: PartyKind, name: string, idNumber: string | null, phone: string | null, address: string | null, creditCode: string | null, masked: boolean }>, possibleDuplicates: Array<{ reasons: Array<DuplicateReason>, case: { id: string, number: string, title: string } | null }>, deadlines: Array<{ id: string, step: SlaStep, status: string, dueAt: string, yellowAt: string, redAt: string, breached: boolean, metAt: string | null, paused: boolean }>, extensionRequests: Array<{ id: string, deadlineId: string, status: string, reason: string, requestedDueAt: string }>, mediationSessions: Array<{ id: string, status: MediationSessionStatus, startsAt: string, endsAt: string, place: string | null, method: MediationMethod, outcome: MediationOutcome | null, outcomeNote: string | null, mediators: Array<{ id: string, name: string }>, departments: Array<{ id: string, name: string }> }>, agreements: Array<{ id: string, terms: string, amount: string | null, signedAt: string, confirmationStatus: JudicialConfirmationStatus }>, referrals: Array<{ id: string, target: ReferralTarget, targetName: string, reason: string | null, referredAt: string, outcome: string | null }>, followUps: Array<{ id: string, status: FollowUpStatus, dueAt: string, completedAt: string | null, result: FollowUpResult | null, satisfaction: number | null, notes: string | null, assignee: { id: string, name: string } | null }>, supervisionNotices: Array<{ id: string, message: string, replyBy: string | null, reply: string | null, repliedAt: string | null, late: boolean, source: string }>, timeline: { edges: Array<{ node: { id: string, type: string, occurredAt: string, summary: string } }> } } | null, eventLabels: Array<{ value: string, label: string }> };

export type RevealPartyMutationVariables = Exact<{
  input: RevealPartyInput;
}>;


export type RevealPartyMutation = { revealParty: { party: { partyId: string, name: string, idNumber: string | null, phone: string | null, address: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type ActionPickersQueryVariables = Exact<{
  orgUnitId: string | number;
  at?: string | null | undefined;
}>;


export type ActionPickersQuery = { staff: { edges: Array<{ node: { id: string, name: string, roles: Array<string> } }> }, departments: { edges: Array<{ node: { id: string, name: string } }> }, mediators: { edges: Array<{ node: { id: string, name: string } }> }, onDuty: { present: Array<{ residency: { department: { id: string, name: string } }, staff: Array<{ id: string, name: string }> }> } | null };

export type ResidentBookingsQueryVariables = Exact<{
  caseId: string | number;
}>;


export type ResidentBookingsQuery = { pendingResidentMediationRequests: { edges: Array<{ node: { id: string, startsAt: string, endsAt: string, way: MediationWay, note: string | null, mediatorId: string, mediatorName: string | null, status: ResidentMediationRequestStatus, statusText: string, proposedStartsAt: string | null, proposedEndsAt: string | null, proposedMediatorName: string | null, staffMessage: string | null } }> }, mediators: { edges: Array<{ node: { id: string, name: string } }> } };

export type ConfirmResidentBookingMutationVariables = Exact<{
  input: ConfirmResidentMediationRequestInput;
}>;


export type ConfirmResidentBookingMutation = { confirmResidentMediationRequest: { request: { id: string, status: ResidentMediationRequestStatus } | null, userErrors: Array<{ field: Array<string> | null, code: ResidentErrorCode, message: string }> } };

export type ProposeResidentSlotMutationVariables = Exact<{
  input: ProposeResidentMediationSlotInput;
}>;


export type ProposeResidentSlotMutation = { proposeResidentMediationSlot: { request: { id: string, status: ResidentMediationRequestStatus } | null, userErrors: Array<{ field: Array<string> | null, code: ResidentErrorCode, message: string }> } };

export type StatusCountsQueryVariables = Exact<{
  f0: CaseFilter;
  f1: CaseFilter;
  f2: CaseFilter;
  f3: CaseFilter;
  f4: CaseFilter;
  f5: CaseFilter;
  f6: CaseFilter;
  f7: CaseFilter;
  f8: CaseFilter;
}>;


export type StatusCountsQuery = { s0: { totalCount: number }, s1: { totalCount: number }, s2: { totalCount: number }, s3: { totalCount: number }, s4: { totalCount: number }, s5: { totalCount: number }, s6: { totalCount: number }, s7: { totalCount: number }, s8: { totalCount: number } };

export type ConfigOrgUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigOrgUnitsQuery = { orgUnits: { edges: Array<{ node: { id: string, name: string, kind: OrgUnitKind, archived: boolean, address: string | null, phone: string | null, parent: { id: string } | null } }> } };

export type ConfigCreateOrgUnitMutationVariables = Exact<{
  input: CreateOrgUnitInput;
}>;


export type ConfigCreateOrgUnitMutation = { createOrgUnit: { orgUnit: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: OrgUnitErrorCode, message: string }> } };

export type ConfigUpdateOrgUnitMutationVariables = Exact<{
  input: UpdateOrgUnitInput;
}>;


export type ConfigUpdateOrgUnitMutation = { updateOrgUnit: { orgUnit: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: OrgUnitErrorCode, message: string }> } };

export type ConfigArchiveOrgUnitMutationVariables = Exact<{
  input: ArchiveOrgUnitInput;
}>;


export type ConfigArchiveOrgUnitMutation = { archiveOrgUnit: { orgUnit: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: OrgUnitErrorCode, message: string }> } };

export type ConfigDepartmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigDepartmentsQuery = { departments: { edges: Array<{ node: { id: string, code: string, name: string, kind: DepartmentKind, archived: boolean } }> }, residencies: { edges: Array<{ node: { id: string, mode: ResidencyMode, validFrom: string, validTo: string | null, department: { id: string, name: string }, orgUnit: { id: string, name: string } } }> } };

export type ConfigCreateDepartmentMutationVariables = Exact<{
  input: CreateDepartmentInput;
}>;


export type ConfigCreateDepartmentMutation = { createDepartment: { department: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: DepartmentErrorCode, message: string }> } };

export type ConfigStationDepartmentMutationVariables = Exact<{
  input: StationDepartmentInput;
}>;


export type ConfigStationDepartmentMutation = { stationDepartment: { residency: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: ResidencyErrorCode, message: string }> } };

export type ConfigShiftsQueryVariables = Exact<{
  from: string;
  to: string;
  filter?: ResidencyFilter | null | undefined;
}>;


export type ConfigShiftsQuery = { residencies: { edges: Array<{ node: { id: string, mode: ResidencyMode, department: { id: string, name: string }, orgUnit: { id: string, name: string }, shifts: Array<{ id: string, startsAt: string, endsAt: string, staff: Array<{ id: string, name: string }> }> } }> } };

export type ConfigSetShiftsMutationVariables = Exact<{
  input: SetRotationShiftsInput;
}>;


export type ConfigSetShiftsMutation = { setRotationShifts: { userErrors: Array<{ field: Array<string> | null, code: ResidencyErrorCode, message: string }> } };

export type ConfigStaffQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigStaffQuery = { staff: { edges: Array<{ node: { id: string, name: string, roles: Array<string>, active: boolean, orgUnit: { id: string, name: string } | null, department: { id: string, name: string } | null, mediatorProfile: { goldMedal: boolean, languages: Array<string>, maxConcurrentCases: number, studioName: string | null, specialties: Array<{ id: string, name: string }> } | null } }> }, roleLabels: Array<{ value: string, label: string }> };

export type ConfigCreateStaffMutationVariables = Exact<{
  input: CreateStaffMemberInput;
}>;


export type ConfigCreateStaffMutation = { createStaffMember: { staffMember: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: StaffErrorCode, message: string }> } };

export type ConfigCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigCategoriesQuery = { categories: { edges: Array<{ node: { id: string, code: string, name: string, defaultRiskLevel: RiskLevel, archived: boolean, parent: { id: string } | null } }> } };

export type ConfigUpsertCategoryMutationVariables = Exact<{
  input: UpsertCategoryInput;
}>;


export type ConfigUpsertCategoryMutation = { upsertCategory: { category: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: CategoryErrorCode, message: string }> } };

export type ConfigRoutingRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigRoutingRulesQuery = { routingRules: { edges: Array<{ node: { id: string, name: string, priority: number, active: boolean, riskLevel: RiskLevel | null, category: { id: string, name: string } | null, orgUnit: { id: string, name: string } | null, targetDepartment: { id: string, name: string } | null, targetOrgUnit: { id: string, name: string } | null } }> } };

export type ConfigUpsertRoutingRuleMutationVariables = Exact<{
  input: UpsertRoutingRuleInput;
}>;


export type ConfigUpsertRoutingRuleMutation = { upsertRoutingRule: { userErrors: Array<{ field: Array<string> | null, code: RoutingErrorCode, message: string }> } };

export type ConfigSlaPoliciesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigSlaPoliciesQuery = { slaPolicies: { edges: Array<{ node: { id: string, name: string, riskLevel: RiskLevel | null, category: { id: string, name: string } | null, targets: Array<{ step: SlaStep, mode: SlaTargetMode, duration: string }>, yellow: { before: string | null, share: number | null }, red: { before: string | null, share: number | null } } }> } };

export type ConfigUpsertSlaPolicyMutationVariables = Exact<{
  input: UpsertSlaPolicyInput;
}>;


export type ConfigUpsertSlaPolicyMutation = { upsertSlaPolicy: { userErrors: Array<{ field: Array<string> | null, code: SlaErrorCode, message: string }> } };

export type ConfigQueuesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigQueuesQuery = { queueStatus: Array<{ name: string, waiting: number, active: number, delayed: number, failed: number, paused: boolean }> };

export type ConfigRoutingPreviewQueryVariables = Exact<{
  categoryId?: string | number | null | undefined;
  orgUnitId?: string | number | null | undefined;
  riskLevel: RiskLevel;
}>;


export type ConfigRoutingPreviewQuery = { routingPreview: { id: string, name: string, priority: number, targetDepartment: { id: string, name: string } | null, targetOrgUnit: { id: string, name: string } | null } | null };

export type ConfigCalendarQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigCalendarQuery = { workingCalendar: { timeZone: string, closedDates: Array<string>, workingDates: Array<string>, holidaySource: string, holidaysKnownUntil: number, workingHours: Array<{ weekday: number, periods: Array<{ start: string, end: string }> }> | null } };

export type ConfigUpdateCalendarMutationVariables = Exact<{
  input: UpdateWorkingCalendarInput;
}>;


export type ConfigUpdateCalendarMutation = { updateWorkingCalendar: { workingCalendar: { closedDates: Array<string>, workingDates: Array<string> } | null, userErrors: Array<{ field: Array<string> | null, code: SlaErrorCode, message: string }> } };

export type ConfigWebhooksQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigWebhooksQuery = { webhookSubscriptions: { edges: Array<{ node: { id: string, url: string, eventTypes: Array<string>, active: boolean, createdAt: string } }> } };

export type ConfigWebhookDeliveriesQueryVariables = Exact<{
  filter?: WebhookDeliveryFilter | null | undefined;
}>;


export type ConfigWebhookDeliveriesQuery = { webhookDeliveries: { edges: Array<{ node: { id: string, eventType: string, status: WebhookDeliveryStatus, attempts: number, createdAt: string, deliveredAt: string | null, lastAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, nextAttemptAt: string | null, subscription: { id: string, url: string } } }> } };

export type ConfigCreateWebhookMutationVariables = Exact<{
  input: CreateWebhookSubscriptionInput;
}>;


export type ConfigCreateWebhookMutation = { createWebhookSubscription: { secret: string | null, webhookSubscription: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: NotificationErrorCode, message: string }> } };

export type ConfigUpdateWebhookMutationVariables = Exact<{
  input: UpdateWebhookSubscriptionInput;
}>;


export type ConfigUpdateWebhookMutation = { updateWebhookSubscription: { secret: string | null, webhookSubscription: { id: string, active: boolean } | null, userErrors: Array<{ field: Array<string> | null, code: NotificationErrorCode, message: string }> } };

export type ConfigRedeliverMutationVariables = Exact<{
  input: WebhookIdInput;
}>;


export type ConfigRedeliverMutation = { redeliverWebhookDelivery: { webhookDelivery: { id: string, status: WebhookDeliveryStatus } | null, userErrors: Array<{ field: Array<string> | null, code: NotificationErrorCode, message: string }> } };

export type ConfigSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigSettingsQuery = { notificationSettings: { quietHoursEnabled: boolean, quietStart: string, quietEnd: string, timeZone: string }, caseSettings: { personalDataRoles: Array<string>, revealRoles: Array<string>, duplicateWindowHours: number, followUpDays: number, followUpWindowDays: number, groupDisputeThreshold: number, failedMediationLimit: number, failedMediationAction: FailedMediationAction }, enumLabels: Array<{ enum: string, value: string, label: string }> };

export type ConfigUpdateNotificationSettingsMutationVariables = Exact<{
  input: UpdateNotificationSettingsInput;
}>;


export type ConfigUpdateNotificationSettingsMutation = { updateNotificationSettings: { notificationSettings: { quietHoursEnabled: boolean, quietStart: string, quietEnd: string } | null, userErrors: Array<{ field: Array<string> | null, code: NotificationErrorCode, message: string }> } };

export type ConfigUpdateCaseSettingsMutationVariables = Exact<{
  input: UpdateCaseSettingsInput;
}>;


export type ConfigUpdateCaseSettingsMutation = { updateCaseSettings: { caseSettings: { personalDataRoles: Array<string>, revealRoles: Array<string> } | null, userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type ConfigTenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigTenantsQuery = { tenants: { edges: Array<{ node: { id: string, code: string, name: string, level: TenantLevel, status: TenantStatus, caseNumberPrefix: string, timeZone: string, parent: { id: string, name: string } | null } }> }, enumLabels: Array<{ enum: string, value: string, label: string }> };

export type ConfigCreateTenantMutationVariables = Exact<{
  input: CreateTenantInput;
}>;


export type ConfigCreateTenantMutation = { createTenant: { tenant: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: TenantErrorCode, message: string }> } };

export type ConfigSuspendTenantMutationVariables = Exact<{
  input: SuspendTenantInput;
}>;


export type ConfigSuspendTenantMutation = { suspendTenant: { tenant: { id: string, status: TenantStatus } | null, userErrors: Array<{ field: Array<string> | null, code: TenantErrorCode, message: string }> } };

export type ConfigUnitQrQueryVariables = Exact<{
  id: string | number;
}>;


export type ConfigUnitQrQuery = { orgUnit: { id: string, name: string, residentUrl: string | null } | null, me: { currentTenant: { code: string } | null } };

export type ConsultationsQueryVariables = Exact<{
  first: number;
}>;


export type ConsultationsQuery = { consultations: { totalCount: number, edges: Array<{ node: { id: string, topic: ConsultationTopic, outcome: ConsultationOutcome, minutes: number, visitorName: string | null, visitorPhone: string | null, summary: string | null, occurredAt: string, staff: { name: string } | null, department: { name: string } | null, case: { id: string, number: string } | null } }> }, departments: { edges: Array<{ node: { id: string, name: string, archived: boolean } }> } };

export type RecordConsultationMutationVariables = Exact<{
  input: RecordConsultationInput;
}>;


export type RecordConsultationMutation = { recordConsultation: { consultation: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: ConsultationErrorCode, message: string }> } };

export type TurnConsultationIntoCaseMutationVariables = Exact<{
  input: TurnConsultationIntoCaseInput;
}>;


export type TurnConsultationIntoCaseMutation = { turnConsultationIntoCase: { case: { id: string, number: string } | null, userErrors: Array<{ field: Array<string> | null, code: ConsultationErrorCode, message: string }> } };

export type CaseInstalmentsQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseInstalmentsQuery = { case: { id: string, agreements: Array<{ id: string, instalmentPlan: Array<{ id: string, seq: number, dueOn: string, amount: string, paidAmount: string, outstanding: string, status: InstalmentStatus, late: boolean, paidAt: string | null }> }> } | null };

export type RecordInstalmentPaymentMutationVariables = Exact<{
  input: RecordInstalmentPaymentInput;
}>;


export type RecordInstalmentPaymentMutation = { recordInstalmentPayment: { instalment: { id: string, status: InstalmentStatus, paidAmount: string, outstanding: string, late: boolean } | null, userErrors: Array<{ field: Array<string> | null, code: InstalmentErrorCode, message: string }> } };

export type ReportCaseMutationVariables = Exact<{
  input: ReportCaseInput;
}>;


export type ReportCaseMutation = { reportCase: { case: { id: string, number: string, title: string, reportedAt: string, channel: Channel, category: { name: string } | null, parties: Array<{ role: PartyRole, name: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: CaseErrorCode, message: string }> } };

export type DuplicateCandidatesQueryVariables = Exact<{
  input: DuplicateCheckInput;
}>;


export type DuplicateCandidatesQuery = { duplicateCandidates: Array<{ reasons: Array<DuplicateReason>, case: { id: string, number: string, title: string, status: CaseStatus, reportedAt: string } | null }> };

export type ReceiptCenterQueryVariables = Exact<{ [key: string]: never; }>;


export type ReceiptCenterQuery = { tenant: { id: string, name: string } };

export type InboxQueryVariables = Exact<{
  unreadOnly?: boolean | null | undefined;
  after?: string | null | undefined;
}>;


export type InboxQuery = { notifications: { totalCount: number, edges: Array<{ node: { id: string, title: string, type: string, level: NotificationLevel, urgent: boolean, createdAt: string, readAt: string | null, case: { id: string, number: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MarkReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type MarkReadMutation = { markNotificationsRead: { markedCount: number, unreadCount: number, userErrors: Array<{ field: Array<string> | null, message: string }> } };

export const BoardRatioFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardRatio"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ratio"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lowConfidence"}}]}}]} as unknown as DocumentNode<BoardRatioFragment, unknown>;
export const BoardDayFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardDay"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"reported"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numerator"}}]}}]}}]} as unknown as DocumentNode<BoardDayFragment, unknown>;
export const BoardDutyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardDuty"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DutyEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"residency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shift"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<BoardDutyFragment, unknown>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"currentTenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"staffMember"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const UnreadCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnreadCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<UnreadCountQuery, UnreadCountQueryVariables>;
export const SetMyLocaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetMyLocale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetMyLocaleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMyLocale"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<SetMyLocaleMutation, SetMyLocaleMutationVariables>;
export const CaseChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CaseChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boardEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"warningLevel"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<CaseChangesSubscription, CaseChangesSubscriptionVariables>;
export const CategoryTreeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CategoryTree"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categories"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRiskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CategoryTreeQuery, CategoryTreeQueryVariables>;
export const UnitTreeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnitTree"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UnitTreeQuery, UnitTreeQueryVariables>;
export const BoardWarningsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BoardWarnings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"warningBoard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nextDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"warningLevel"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedOrgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"perUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"red"}},{"kind":"Field","name":{"kind":"Name","value":"yellow"}}]}}]}}]}}]} as unknown as DocumentNode<BoardWarningsQuery, BoardWarningsQueryVariables>;
export const BoardFiguresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BoardFigures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"figures"},"name":{"kind":"Name","value":"caseMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reported"}},{"kind":"Field","name":{"kind":"Name","value":"sameDayAcceptance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onSiteResolution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onTime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"backflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openByWarning"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"red"}},{"kind":"Field","name":{"kind":"Name","value":"yellow"}},{"kind":"Field","name":{"kind":"Name","value":"green"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byCategory"},"name":{"kind":"Name","value":"caseMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"CATEGORY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"reported"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byChannel"},"name":{"kind":"Name","value":"caseMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"CHANNEL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"reported"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardRatio"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ratio"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lowConfidence"}}]}}]} as unknown as DocumentNode<BoardFiguresQuery, BoardFiguresQueryVariables>;
export const BoardTrendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BoardTrend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"d0"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"d1"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"d2"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"d3"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"d4"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"d5"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"d6"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"d0"},"name":{"kind":"Name","value":"caseMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"d0"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardDay"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"d1"},"name":{"kind":"Name","value":"caseMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"d1"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardDay"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"d2"},"name":{"kind":"Name","value":"caseMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"d2"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardDay"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"d3"},"name":{"kind":"Name","value":"caseMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"d3"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardDay"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"d4"},"name":{"kind":"Name","value":"caseMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"d4"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardDay"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"d5"},"name":{"kind":"Name","value":"caseMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"d5"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardDay"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"d6"},"name":{"kind":"Name","value":"caseMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"d6"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardDay"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardDay"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CaseMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"reported"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numerator"}}]}}]}}]} as unknown as DocumentNode<BoardTrendQuery, BoardTrendQueryVariables>;
export const BoardTownsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BoardTowns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"childTenantMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reported"}},{"kind":"Field","name":{"kind":"Name","value":"sameDayAcceptance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onSiteResolution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"backflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardRatio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openByWarning"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"red"}},{"kind":"Field","name":{"kind":"Name","value":"yellow"}},{"kind":"Field","name":{"kind":"Name","value":"green"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardRatio"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ratio"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"lowConfidence"}}]}}]} as unknown as DocumentNode<BoardTownsQuery, BoardTownsQueryVariables>;
export const BoardDutyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BoardDuty"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"at"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onDuty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"at"},"value":{"kind":"Variable","name":{"kind":"Name","value":"at"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"present"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardDuty"}}]}},{"kind":"Field","name":{"kind":"Name","value":"callable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardDuty"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardDuty"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DutyEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"residency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shift"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<BoardDutyQuery, BoardDutyQueryVariables>;
export const BoardSuperviseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardSupervise"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SuperviseCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"superviseCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<BoardSuperviseMutation, BoardSuperviseMutationVariables>;
export const BoardLiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BoardLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BoardEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"boardEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"warningLevel"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<BoardLiveSubscription, BoardLiveSubscriptionVariables>;
export const CaseDeskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseDesk"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"warningLevel"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"step"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CaseDeskQuery, CaseDeskQueryVariables>;
export const AcceptCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptCaseMutation, AcceptCaseMutationVariables>;
export const RejectCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseReasonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RejectCaseMutation, RejectCaseMutationVariables>;
export const ReturnCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReturnCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseReasonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReturnCaseMutation, ReturnCaseMutationVariables>;
export const EscalateCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EscalateCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseReasonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"escalateCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EscalateCaseMutation, EscalateCaseMutationVariables>;
export const MarkCaseUnresolvedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkCaseUnresolved"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseReasonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markCaseUnresolved"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MarkCaseUnresolvedMutation, MarkCaseUnresolvedMutationVariables>;
export const TakeBackCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TakeBackCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseReasonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"takeBackCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TakeBackCaseMutation, TakeBackCaseMutationVariables>;
export const ReopenCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReopenCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseReasonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reopenCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReopenCaseMutation, ReopenCaseMutationVariables>;
export const DispatchCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DispatchCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DispatchCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dispatchCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DispatchCaseMutation, DispatchCaseMutationVariables>;
export const AssignCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AssignCaseMutation, AssignCaseMutationVariables>;
export const AddCaseNoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddCaseNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCaseNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCaseNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AddCaseNoteMutation, AddCaseNoteMutationVariables>;
export const ScheduleMediationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleMediation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScheduleMediationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleMediation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ScheduleMediationMutation, ScheduleMediationMutationVariables>;
export const RecordMediationOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordMediationOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordMediationOutcomeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordMediationOutcome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecordMediationOutcomeMutation, RecordMediationOutcomeMutationVariables>;
export const ResolveCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ResolveCaseMutation, ResolveCaseMutationVariables>;
export const ReferCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReferCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReferCaseMutation, ReferCaseMutationVariables>;
export const ScheduleFollowUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleFollowUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScheduleFollowUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ScheduleFollowUpMutation, ScheduleFollowUpMutationVariables>;
export const CompleteFollowUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteFollowUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteFollowUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CompleteFollowUpMutation, CompleteFollowUpMutationVariables>;
export const CloseCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CloseCaseMutation, CloseCaseMutationVariables>;
export const MergeCasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MergeCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MergeCasesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mergeCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MergeCasesMutation, MergeCasesMutationVariables>;
export const SuperviseCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuperviseCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SuperviseCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"superviseCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SuperviseCaseMutation, SuperviseCaseMutationVariables>;
export const ReplySupervisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplySupervision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplySupervisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replySupervision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReplySupervisionMutation, ReplySupervisionMutationVariables>;
export const RequestDeadlineExtensionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestDeadlineExtension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestDeadlineExtensionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestDeadlineExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RequestDeadlineExtensionMutation, RequestDeadlineExtensionMutationVariables>;
export const DecideDeadlineExtensionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideDeadlineExtension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideDeadlineExtensionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideDeadlineExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DecideDeadlineExtensionMutation, DecideDeadlineExtensionMutationVariables>;
export const RecordJudicialConfirmationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordJudicialConfirmation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordJudicialConfirmationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordJudicialConfirmation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecordJudicialConfirmationMutation, RecordJudicialConfirmationMutationVariables>;
export const RecordReferralOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordReferralOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordReferralOutcomeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordReferralOutcome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecordReferralOutcomeMutation, RecordReferralOutcomeMutationVariables>;
export const CasePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CasePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"warningLevel"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"amountInvolved"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedOrgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isLead"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"masked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"possibleDuplicates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"yellowAt"}},{"kind":"Field","name":{"kind":"Name","value":"redAt"}},{"kind":"Field","name":{"kind":"Name","value":"breached"}},{"kind":"Field","name":{"kind":"Name","value":"metAt"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}}]}},{"kind":"Field","name":{"kind":"Name","value":"extensionRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"requestedDueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mediationSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeNote"}},{"kind":"Field","name":{"kind":"Name","value":"mediators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agreements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"terms"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"signedAt"}},{"kind":"Field","name":{"kind":"Name","value":"confirmationStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"referredAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"supervisionNotices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"replyBy"}},{"kind":"Field","name":{"kind":"Name","value":"reply"}},{"kind":"Field","name":{"kind":"Name","value":"repliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"eventLabels"},"name":{"kind":"Name","value":"enumLabels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enums"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"CaseEventKind","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<CasePageQuery, CasePageQueryVariables>;
export const RevealPartyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevealParty"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevealPartyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revealParty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"party"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partyId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RevealPartyMutation, RevealPartyMutationVariables>;
export const ActionPickersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActionPickers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"at"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"mediators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"availableAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"at"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"onDuty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"at"},"value":{"kind":"Variable","name":{"kind":"Name","value":"at"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"present"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"residency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ActionPickersQuery, ActionPickersQueryVariables>;
export const ResidentBookingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResidentBookings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingResidentMediationRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"way"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"mediatorId"}},{"kind":"Field","name":{"kind":"Name","value":"mediatorName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"proposedStartsAt"}},{"kind":"Field","name":{"kind":"Name","value":"proposedEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"proposedMediatorName"}},{"kind":"Field","name":{"kind":"Name","value":"staffMessage"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"mediators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResidentBookingsQuery, ResidentBookingsQueryVariables>;
export const ConfirmResidentBookingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmResidentBooking"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmResidentMediationRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmResidentMediationRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmResidentBookingMutation, ConfirmResidentBookingMutationVariables>;
export const ProposeResidentSlotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProposeResidentSlot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProposeResidentMediationSlotInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposeResidentMediationSlot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ProposeResidentSlotMutation, ProposeResidentSlotMutationVariables>;
export const StatusCountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatusCounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"f0"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"f1"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"f2"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"f3"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"f4"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"f5"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"f6"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"f7"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"f8"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"s0"},"name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"f0"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"s1"},"name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"f1"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"s2"},"name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"f2"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"s3"},"name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"f3"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"s4"},"name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"f4"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"s5"},"name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"f5"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"s6"},"name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"f6"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"s7"},"name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"f7"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"s8"},"name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"f8"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<StatusCountsQuery, StatusCountsQueryVariables>;
export const ConfigOrgUnitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigOrgUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"includeArchived"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConfigOrgUnitsQuery, ConfigOrgUnitsQueryVariables>;
export const ConfigCreateOrgUnitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigCreateOrgUnit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrgUnitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrgUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigCreateOrgUnitMutation, ConfigCreateOrgUnitMutationVariables>;
export const ConfigUpdateOrgUnitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigUpdateOrgUnit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrgUnitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrgUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigUpdateOrgUnitMutation, ConfigUpdateOrgUnitMutationVariables>;
export const ConfigArchiveOrgUnitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigArchiveOrgUnit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArchiveOrgUnitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveOrgUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigArchiveOrgUnitMutation, ConfigArchiveOrgUnitMutationVariables>;
export const ConfigDepartmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigDepartments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"residencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConfigDepartmentsQuery, ConfigDepartmentsQueryVariables>;
export const ConfigCreateDepartmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigCreateDepartment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDepartmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDepartment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigCreateDepartmentMutation, ConfigCreateDepartmentMutationVariables>;
export const ConfigStationDepartmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigStationDepartment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StationDepartmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stationDepartment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"residency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigStationDepartmentMutation, ConfigStationDepartmentMutationVariables>;
export const ConfigShiftsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigShifts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResidencyFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"residencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shifts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConfigShiftsQuery, ConfigShiftsQueryVariables>;
export const ConfigSetShiftsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigSetShifts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetRotationShiftsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setRotationShifts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigSetShiftsMutation, ConfigSetShiftsMutationVariables>;
export const ConfigStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigStaff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mediatorProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"goldMedal"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"maxConcurrentCases"}},{"kind":"Field","name":{"kind":"Name","value":"studioName"}},{"kind":"Field","name":{"kind":"Name","value":"specialties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"roleLabels"},"name":{"kind":"Name","value":"enumLabels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enums"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"Role","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<ConfigStaffQuery, ConfigStaffQueryVariables>;
export const ConfigCreateStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigCreateStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateStaffMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createStaffMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffMember"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigCreateStaffMutation, ConfigCreateStaffMutationVariables>;
export const ConfigCategoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categories"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"includeArchived"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRiskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConfigCategoriesQuery, ConfigCategoriesQueryVariables>;
export const ConfigUpsertCategoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigUpsertCategory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertCategoryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertCategory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigUpsertCategoryMutation, ConfigUpsertCategoryMutationVariables>;
export const ConfigRoutingRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigRoutingRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"routingRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetOrgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConfigRoutingRulesQuery, ConfigRoutingRulesQueryVariables>;
export const ConfigUpsertRoutingRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigUpsertRoutingRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertRoutingRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertRoutingRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigUpsertRoutingRuleMutation, ConfigUpsertRoutingRuleMutationVariables>;
export const ConfigSlaPoliciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigSlaPolicies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slaPolicies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"yellow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"red"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConfigSlaPoliciesQuery, ConfigSlaPoliciesQueryVariables>;
export const ConfigUpsertSlaPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigUpsertSlaPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertSlaPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertSlaPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigUpsertSlaPolicyMutation, ConfigUpsertSlaPolicyMutationVariables>;
export const ConfigQueuesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigQueues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queueStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"failures"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"waiting"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"delayed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}}]}}]}}]} as unknown as DocumentNode<ConfigQueuesQuery, ConfigQueuesQueryVariables>;
export const ConfigRoutingPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigRoutingPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"categoryId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"riskLevel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RiskLevel"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"routingPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"categoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"categoryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"orgUnitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"riskLevel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"riskLevel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"targetDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetOrgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigRoutingPreviewQuery, ConfigRoutingPreviewQueryVariables>;
export const ConfigCalendarDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigCalendar"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workingCalendar"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"closedDates"}},{"kind":"Field","name":{"kind":"Name","value":"workingDates"}},{"kind":"Field","name":{"kind":"Name","value":"holidaySource"}},{"kind":"Field","name":{"kind":"Name","value":"holidaysKnownUntil"}},{"kind":"Field","name":{"kind":"Name","value":"workingHours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConfigCalendarQuery, ConfigCalendarQueryVariables>;
export const ConfigUpdateCalendarDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigUpdateCalendar"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWorkingCalendarInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWorkingCalendar"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workingCalendar"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closedDates"}},{"kind":"Field","name":{"kind":"Name","value":"workingDates"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigUpdateCalendarMutation, ConfigUpdateCalendarMutationVariables>;
export const ConfigWebhooksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigWebhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookSubscriptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConfigWebhooksQuery, ConfigWebhooksQueryVariables>;
export const ConfigWebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigWebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDeliveryFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConfigWebhookDeliveriesQuery, ConfigWebhookDeliveriesQueryVariables>;
export const ConfigCreateWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigCreateWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWebhookSubscriptionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"webhookSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigCreateWebhookMutation, ConfigCreateWebhookMutationVariables>;
export const ConfigUpdateWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigUpdateWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWebhookSubscriptionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"webhookSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigUpdateWebhookMutation, ConfigUpdateWebhookMutationVariables>;
export const ConfigRedeliverDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigRedeliver"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeliverWebhookDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookDelivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigRedeliverMutation, ConfigRedeliverMutationVariables>;
export const ConfigSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quietHoursEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"quietStart"}},{"kind":"Field","name":{"kind":"Name","value":"quietEnd"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caseSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personalDataRoles"}},{"kind":"Field","name":{"kind":"Name","value":"revealRoles"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateWindowHours"}},{"kind":"Field","name":{"kind":"Name","value":"followUpDays"}},{"kind":"Field","name":{"kind":"Name","value":"followUpWindowDays"}},{"kind":"Field","name":{"kind":"Name","value":"groupDisputeThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"failedMediationLimit"}},{"kind":"Field","name":{"kind":"Name","value":"failedMediationAction"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enumLabels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enums"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"Role","block":false},{"kind":"StringValue","value":"FailedMediationAction","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enum"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<ConfigSettingsQuery, ConfigSettingsQueryVariables>;
export const ConfigUpdateNotificationSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigUpdateNotificationSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateNotificationSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateNotificationSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quietHoursEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"quietStart"}},{"kind":"Field","name":{"kind":"Name","value":"quietEnd"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigUpdateNotificationSettingsMutation, ConfigUpdateNotificationSettingsMutationVariables>;
export const ConfigUpdateCaseSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigUpdateCaseSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCaseSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCaseSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personalDataRoles"}},{"kind":"Field","name":{"kind":"Name","value":"revealRoles"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigUpdateCaseSettingsMutation, ConfigUpdateCaseSettingsMutationVariables>;
export const ConfigTenantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigTenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"caseNumberPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"enumLabels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enums"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"TenantLevel","block":false},{"kind":"StringValue","value":"TenantStatus","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enum"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<ConfigTenantsQuery, ConfigTenantsQueryVariables>;
export const ConfigCreateTenantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigCreateTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTenantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigCreateTenantMutation, ConfigCreateTenantMutationVariables>;
export const ConfigSuspendTenantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigSuspendTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SuspendTenantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suspendTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigSuspendTenantMutation, ConfigSuspendTenantMutationVariables>;
export const ConfigUnitQrDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigUnitQr"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"residentUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentTenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigUnitQrQuery, ConfigUnitQrQueryVariables>;
export const ConsultationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Consultations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consultations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"minutes"}},{"kind":"Field","name":{"kind":"Name","value":"visitorName"}},{"kind":"Field","name":{"kind":"Name","value":"visitorPhone"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsultationsQuery, ConsultationsQueryVariables>;
export const RecordConsultationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordConsultation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordConsultationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordConsultation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consultation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecordConsultationMutation, RecordConsultationMutationVariables>;
export const TurnConsultationIntoCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TurnConsultationIntoCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TurnConsultationIntoCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"turnConsultationIntoCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TurnConsultationIntoCaseMutation, TurnConsultationIntoCaseMutationVariables>;
export const CaseInstalmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseInstalments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agreements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instalmentPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"paidAmount"}},{"kind":"Field","name":{"kind":"Name","value":"outstanding"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CaseInstalmentsQuery, CaseInstalmentsQueryVariables>;
export const RecordInstalmentPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordInstalmentPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordInstalmentPaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordInstalmentPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instalment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paidAmount"}},{"kind":"Field","name":{"kind":"Name","value":"outstanding"}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecordInstalmentPaymentMutation, RecordInstalmentPaymentMutationVariables>;
export const ReportCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReportCaseMutation, ReportCaseMutationVariables>;
export const DuplicateCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DuplicateCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DuplicateCheckInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicateCandidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}}]}}]}}]}}]} as unknown as DocumentNode<DuplicateCandidatesQuery, DuplicateCandidatesQueryVariables>;
export const ReceiptCenterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReceiptCenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ReceiptCenterQuery, ReceiptCenterQueryVariables>;
export const InboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Inbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"30"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"urgent"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<InboxQuery, InboxQueryVariables>;
export const MarkReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkNotificationsReadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markedCount"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MarkReadMutation, MarkReadMutationVariables>;