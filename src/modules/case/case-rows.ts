import { rowShape, type ColumnKind } from '../../core/db/plain-rows';
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

const CASE_COLUMNS: Record<keyof CaseFields, ColumnKind> = {
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
};
export const caseRow = rowShape<CaseFields>(CASE_COLUMNS);

/**
 * What a Case field reads of the row besides a column of its own name. A selected field that is
 * neither a column nor listed here (allowedActions, deadlines, …) reads the whole row: the list is
 * an allowance for fields known to need little, never a guess about the others.
 */
const FIELD_NEEDS: Record<string, (keyof CaseFields)[]> = {
  __typename: [],
  category: ['categoryId'],
  orgUnit: ['orgUnitId'],
  reportedOrgUnit: ['reportedOrgUnitId'],
  department: ['departmentId'],
  mergedInto: ['mergedIntoId'],
  recurrenceOf: ['recurrenceOfId'],
  fromChildTenant: ['originCaseId'],
  parties: [],
  assignees: [],
  mergedCases: [],
  timeline: [],
};
/** Always read: the id every relation keys on, and the list's order and cursor. */
const ALWAYS: (keyof CaseFields)[] = ['id', 'reportedAt'];

/**
 * The columns a selection of Case fields needs (the look-ahead's `selectedFields`), or undefined
 * for all of them: a page that shows five fields reads five columns, not thirty-two.
 */
export function caseColumnsFor(fields: ReadonlySet<string> | null): ReadonlySet<keyof CaseFields> | undefined {
  if (!fields) return undefined;
  const columns = new Set<keyof CaseFields>(ALWAYS);
  for (const f of fields) {
    if (Object.hasOwn(CASE_COLUMNS, f)) columns.add(f as keyof CaseFields);
    else if (FIELD_NEEDS[f]) for (const c of FIELD_NEEDS[f]) columns.add(c);
    else return undefined;
  }
  return columns;
}

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
