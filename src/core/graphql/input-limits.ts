/**
 * How long each String argument or input field may be, by schema coordinate (`Input.field`, or
 * `Type.field(argument)`). A String not listed here gets DEFAULT_MAX_LENGTH: a field added
 * tomorrow is bounded before anyone remembers this file. A test checks every key still names a
 * String or ID position of the schema. Lengths are UTF-16 units, as String.length counts them
 * and as the services' own checks do.
 */
export const DEFAULT_MAX_LENGTH = 2000;

/** By meaning; a mutation's own stricter rules (formats, required) still answer as userErrors. */
export const LENGTH = {
  /** an id, code or other machine token: department/category codes, tenant codes, prefixes, roles */
  code: 64,
  /** a clock time or date in text ("08:30", "2026-10-01") */
  time: 32,
  /** an ISO 8601 duration or IANA time zone */
  duration: 64,
  /** a phone, ID number or credit code (with spaces, dashes, an extension) */
  number: 40,
  /** an outside system's reference, a court case number, an idempotency key */
  reference: 200,
  /** a person's name */
  personName: 100,
  /** the name of a unit, department, category, rule, policy, court or authority; a case title */
  name: 200,
  /** a search phrase typed into a box */
  search: 200,
  /** an address or place */
  address: 500,
  /** a Keycloak subject or audit actor */
  subject: 255,
  /** why a step was taken */
  reason: 2000,
  /** a note on a step, a reply, an outcome */
  note: 5000,
  /** a description, case note, agreement's terms, resolution */
  longText: 20000,
  /** a URL */
  url: 2000,
} as const;

const L = LENGTH;

export const MAX_LENGTH: Readonly<Record<string, number>> = {
  // searches and filters
  'CaseFilter.text': L.search,
  'CaseFilter.externalRef': L.reference,
  'Query.caseByNumber(number)': L.code,
  'AuditEventFilter.action': 100,
  'AuditEventFilter.actorSubject': L.subject,
  'AuditEventFilter.targetType': 100,
  'StaffFilter.role': L.code,

  // case steps
  'AcceptCaseInput.note': L.note,
  'AddCaseNoteInput.text': L.longText,
  'AddCaseNoteInput.legalBasis': L.reason,
  'CloseCaseInput.note': L.note,
  'DispatchCaseInput.note': L.note,
  'CaseReasonInput.reason': L.reason,
  'RecordMediationOutcomeInput.lateReason': L.reason,
  'ScheduleMediationInput.overrideReason': L.reason,
  'AssignCaseInput.overrideReason': L.reason,
  'MergeCasesInput.reason': L.reason,
  'ResolveCaseInput.resolution': L.longText,
  'ResolveCaseInput.legalBasis': L.reason,
  'CompleteFollowUpInput.notes': L.note,
  'ReferCaseInput.targetName': L.name,
  'ReferCaseInput.reason': L.reason,
  'ReferCaseInput.legalBasis': L.reason,
  'ReferCaseInput.referenceNumber': L.reference,
  'RecordReferralOutcomeInput.outcome': L.note,
  'RecordReferralOutcomeInput.referenceNumber': L.reference,
  'RevealPartyInput.reason': 500,

  // intake
  'ReportCaseInput.title': L.name,
  'ReportCaseInput.description': L.longText,
  'ReportCaseInput.externalRef': L.reference,
  'ReportCaseInput.idempotencyKey': L.reference,
  'ReportCaseInput.location': L.address,
  'PartyInput.name': L.name,
  'PartyInput.idNumber': L.number,
  'PartyInput.phone': L.number,
  'PartyInput.creditCode': L.number,
  'PartyInput.address': L.address,

  // mediation
  'ScheduleMediationInput.place': L.address,
  'RecordMediationOutcomeInput.note': L.note,
  'AgreementInput.terms': L.longText,
  'InstalmentInput.dueOn': L.time,
  'RecordJudicialConfirmationInput.court': L.name,
  'RecordJudicialConfirmationInput.courtCaseNumber': L.reference,

  // deadlines and supervision
  'RequestDeadlineExtensionInput.reason': L.reason,
  'DecideDeadlineExtensionInput.note': L.note,
  'SuperviseCaseInput.message': L.reason,
  'ReplySupervisionInput.reply': L.note,
  'UpsertSlaPolicyInput.name': L.name,
  'UpsertSlaPolicyInput.pauseStatuses': L.code,
  'SlaTargetInput.duration': L.duration,
  'EscalationLevelInput.offset': L.duration,
  'WarningPointInput.before': L.duration,

  // centre structure and people
  'CreateOrgUnitInput.name': L.name,
  'CreateOrgUnitInput.address': L.address,
  'CreateOrgUnitInput.phone': L.number,
  'UpdateOrgUnitInput.name': L.name,
  'UpdateOrgUnitInput.address': L.address,
  'UpdateOrgUnitInput.phone': L.number,
  'OpeningPeriodInput.opens': L.time,
  'OpeningPeriodInput.closes': L.time,
  'CreateDepartmentInput.code': L.code,
  'CreateDepartmentInput.name': L.name,
  'CreateDepartmentInput.contactName': L.personName,
  'CreateDepartmentInput.contactPhone': L.number,
  'CreateDepartmentInput.description': L.longText,
  'UpdateDepartmentInput.name': L.name,
  'UpdateDepartmentInput.contactName': L.personName,
  'UpdateDepartmentInput.contactPhone': L.number,
  'UpdateDepartmentInput.description': L.longText,
  'StationDepartmentInput.note': L.note,
  'UpdateResidencyInput.note': L.note,
  'WeeklyShiftInput.start': L.time,
  'WeeklyShiftInput.end': L.time,
  'CreateStaffMemberInput.name': L.personName,
  'CreateStaffMemberInput.keycloakSubject': L.subject,
  'CreateStaffMemberInput.roles': L.code,
  'UpdateStaffMemberInput.name': L.personName,
  'UpdateStaffMemberInput.keycloakSubject': L.subject,
  'UpdateStaffMemberInput.roles': L.code,
  'MediatorProfileInput.studioName': L.name,
  'MediatorProfileInput.languages': L.code,
  'UpsertCategoryInput.code': L.code,
  'UpsertCategoryInput.name': L.name,
  'UpsertRoutingRuleInput.name': L.name,

  // tenant settings
  'CreateTenantInput.code': L.code,
  'CreateTenantInput.name': L.name,
  'CreateTenantInput.caseNumberPrefix': L.code,
  'CreateTenantInput.timeZone': L.duration,
  'UpdateTenantInput.name': L.name,
  'UpdateTenantInput.caseNumberPrefix': L.code,
  'UpdateTenantInput.timeZone': L.duration,
  'UpdateCaseSettingsInput.personalDataRoles': L.code,
  'UpdateCaseSettingsInput.revealRoles': L.code,
  'UpdateNotificationSettingsInput.quietStart': L.time,
  'UpdateNotificationSettingsInput.quietEnd': L.time,
  'UpdateWorkingCalendarInput.closedDates': L.time,
  'UpdateWorkingCalendarInput.workingDates': L.time,
  'WorkingPeriodInput.start': L.time,
  'WorkingPeriodInput.end': L.time,

  // residents (modules/resident: the same numbers as its own checks, LIMITS in resident.service.ts)
  'ResidentRequestCodeInput.phone': L.number,
  'ResidentVerifyInput.phone': L.number,
  'ResidentVerifyInput.code': 32,
  'ResidentReportCaseInput.whatHappened': 2000,
  'ResidentReportCaseInput.location': 200,
  'ResidentReportCaseInput.otherPartyName': L.personName,
  'ResidentReportCaseInput.contactName': L.personName,
  'ResidentReportCaseInput.idempotencyKey': L.reference,
  'Query.residentCase(number)': L.code,
  'Query.residentMediators(caseNumber)': L.code,
  'ResidentRequestMediationInput.caseNumber': L.code,
  'ResidentRequestMediationInput.note': 500,
  'ResidentRateInput.caseNumber': L.code,
  'ResidentRateInput.comment': 500,
  'ConfirmResidentMediationRequestInput.place': L.address,
  'ProposeResidentMediationSlotInput.message': 500,

  // notifications and webhooks
  'MarkNotificationsReadInput.ids': L.code,
  'CreateWebhookSubscriptionInput.url': L.url,
  'CreateWebhookSubscriptionInput.eventTypes': 100,
  'UpdateWebhookSubscriptionInput.url': L.url,
  'UpdateWebhookSubscriptionInput.eventTypes': 100,
};

/**
 * ID positions left to their mutation: it checks each id itself and answers one that is no
 * UUID like any unknown id, as a userError for that item (marking a batch of notifications read
 * reports `input.ids.3 NOT_FOUND` and marks the rest). Checked for length and characters only.
 */
export const NON_UUID_IDS: ReadonlySet<string> = new Set<string>(['MarkNotificationsReadInput.ids']);
