import { rowShape } from '../../core/db/plain-rows';
import type {
  CaseAssigneeEntity,
  CaseEntity,
  CaseEventEntity,
  CasePartyEntity,
  CaseSettingsEntity,
} from './case.entity';

/** What the Case type shows of a case row: the read path selects these columns and no others. */
export type CaseFields = Pick<
  CaseEntity,
  | 'id'
  | 'number'
  | 'title'
  | 'description'
  | 'categoryId'
  | 'channel'
  | 'status'
  | 'riskLevel'
  | 'warningLevel'
  | 'isGroupDispute'
  | 'peopleInvolved'
  | 'amountInvolved'
  | 'location'
  | 'reportedOrgUnitId'
  | 'orgUnitId'
  | 'departmentId'
  | 'reportedOnBehalf'
  | 'externalRef'
  | 'resolvedOnSite'
  | 'resolution'
  | 'rejectReason'
  | 'escalationSuggested'
  | 'failedMediationsAtLevel'
  | 'recurrenceOfId'
  | 'mergedIntoId'
  | 'originCaseId'
  | 'reportedAt'
  | 'acceptedAt'
  | 'dispatchedAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'updatedAt'
>;

export const caseRow = rowShape<CaseFields>({
  id: 'value',
  number: 'value',
  title: 'value',
  description: 'value',
  categoryId: 'value',
  channel: 'value',
  status: 'value',
  riskLevel: 'value',
  warningLevel: 'value',
  isGroupDispute: 'value',
  peopleInvolved: 'value',
  amountInvolved: 'value',
  location: 'value',
  reportedOrgUnitId: 'value',
  orgUnitId: 'value',
  departmentId: 'value',
  reportedOnBehalf: 'value',
  externalRef: 'value',
  resolvedOnSite: 'value',
  resolution: 'value',
  rejectReason: 'value',
  escalationSuggested: 'value',
  failedMediationsAtLevel: 'value',
  recurrenceOfId: 'value',
  mergedIntoId: 'value',
  originCaseId: 'value',
  reportedAt: 'timestamp',
  acceptedAt: 'timestamp',
  dispatchedAt: 'timestamp',
  resolvedAt: 'timestamp',
  closedAt: 'timestamp',
  updatedAt: 'timestamp',
});

export type PartyFields = Omit<CasePartyEntity, 'tenantId'>;
export const partyRow = rowShape<PartyFields>({
  id: 'value',
  caseId: 'value',
  role: 'value',
  kind: 'value',
  name: 'value',
  idNumber: 'value',
  phone: 'value',
  address: 'value',
  creditCode: 'value',
  createdAt: 'timestamp',
});

export type AssigneeFields = Omit<CaseAssigneeEntity, 'tenantId'>;
export const assigneeRow = rowShape<AssigneeFields>({
  caseId: 'value',
  staffId: 'value',
  isLead: 'value',
  assignedAt: 'timestamp',
});

export type EventFields = Omit<CaseEventEntity, 'tenantId'>;
export const eventRow = rowShape<EventFields>({
  id: 'value',
  caseId: 'value',
  occurredAt: 'timestamp',
  actorSubject: 'value',
  type: 'value',
  data: 'value',
  legalBasis: 'value',
});

export type SettingsFields = Omit<CaseSettingsEntity, 'tenantId' | 'updatedAt'>;
export const settingsRow = rowShape<SettingsFields>({
  groupDisputeThreshold: 'value',
  duplicateWindowHours: 'value',
  failedMediationLimit: 'value',
  failedMediationAction: 'value',
  followUpDays: 'value',
  followUpWindowDays: 'value',
  personalDataRoles: 'value',
  revealRoles: 'value',
});
