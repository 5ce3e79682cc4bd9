import type { Role } from '../../core/auth/roles';

/**
 * The case state machine (docs/case-lifecycle.md draws it). Every mutation that moves a case
 * names an action here; the action says from which states it is allowed, who may do it, and the
 * stable code a refused move returns. Nothing else decides whether a move is legal.
 */
export const CASE_STATUSES = [
  'REPORTED',
  'ACCEPTED',
  'REJECTED',
  'DISPATCHED',
  'IN_PROGRESS',
  'ESCALATED',
  'RESOLVED',
  'REFERRED',
  'UNRESOLVED',
  'FOLLOW_UP',
  'CLOSED',
  'MERGED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Where a case's handling has ended; every other status is open. */
export const ENDED_STATUSES = ['REJECTED', 'CLOSED', 'MERGED'] as const satisfies readonly CaseStatus[];

/** Not yet closed: counts in workloads, warnings and duplicate detection. */
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter(
  (s) => !(ENDED_STATUSES as readonly CaseStatus[]).includes(s),
);
export const isOpen = (s: CaseStatus) => OPEN_STATUSES.includes(s);

/** The same rule in SQL, for queries over a status column (the values are constants, not input). */
export const openStatusSql = (column: string): string =>
  `${column} not in (${ENDED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

const INTAKE: Role[] = ['intake-clerk', 'dispatcher', 'tenant-admin'];
const DISPATCH: Role[] = ['dispatcher', 'intake-clerk', 'tenant-admin'];
const HANDLERS: Role[] = ['mediator', 'liaison', 'dispatcher', 'grid-worker', 'leader', 'tenant-admin'];
const SUPERVISORS: Role[] = ['leader', 'dispatcher', 'tenant-admin'];
const FOLLOWERS: Role[] = ['grid-worker', 'mediator', 'liaison', 'dispatcher', 'leader', 'tenant-admin'];

/** Who may report: staff on a resident's behalf, and machine feeds (12345, 110). */
export const REPORT_ROLES: Role[] = [
  'intake-clerk',
  'dispatcher',
  'grid-worker',
  'mediator',
  'liaison',
  'leader',
  'tenant-admin',
  'intake-system',
];
/** Who may read cases. Machine feeds read the cases they report (masked, like everyone without a reveal). */
export const READ_ROLES: Role[] = [...REPORT_ROLES, 'auditor'];

export const CASE_ERROR_CODES = [
  'NOT_FOUND',
  'INVALID',
  'CASE_CLOSED',
  'CASE_MERGED',
  'CASE_NOT_AWAITING_ACCEPTANCE',
  'CASE_NOT_ACCEPTED',
  'CASE_NOT_DISPATCHED',
  'CASE_NOT_IN_HANDLING',
  'CASE_NOT_CONCLUDED',
  'CASE_NOT_IN_FOLLOW_UP',
  'CASE_NOT_CLOSABLE',
  'CASE_NOT_REOPENABLE',
  'CASE_NOT_OPEN',
  'IDEMPOTENCY_KEY_REUSED',
  'CATEGORY_NOT_FOUND',
  'ORG_UNIT_NOT_FOUND',
  'DEPARTMENT_NOT_FOUND',
  'STAFF_NOT_FOUND',
  'NO_ROUTE',
  'NO_HIGHER_LEVEL',
  'FOLLOW_UP_PENDING',
  'FOLLOW_UP_NOT_FOUND',
  'FOLLOW_UP_NOT_YOURS',
  'FOLLOW_UP_NOT_OPEN',
  'CAPACITY_REACHED',
  'SESSION_NOT_FOUND',
  'SESSION_CLASH',
  'SESSION_NOT_STARTED',
  'PLACE_CLOSED',
  'NOT_ON_ROSTER',
  'REASON_REQUIRED',
  'ROSTER_CLASH',
  'AGREEMENT_NOT_FOUND',
  'REFERRAL_NOT_FOUND',
  'SAME_CASE',
  'PARENT_CASE_OPEN',
  'CASE_NOT_ESCALATED',
] as const;
export type CaseErrorCode = (typeof CASE_ERROR_CODES)[number];

interface ActionRule {
  from: readonly CaseStatus[];
  roles: Role[];
  /** returned when the case is open but in a state the action does not start from */
  code: CaseErrorCode;
}

const HANDLING: CaseStatus[] = ['DISPATCHED', 'IN_PROGRESS'];

export const CASE_ACTIONS = {
  accept: { from: ['REPORTED'], roles: INTAKE, code: 'CASE_NOT_AWAITING_ACCEPTANCE' },
  reject: { from: ['REPORTED'], roles: INTAKE, code: 'CASE_NOT_AWAITING_ACCEPTANCE' },
  dispatch: { from: ['ACCEPTED'], roles: DISPATCH, code: 'CASE_NOT_ACCEPTED' },
  /** the receiving unit sends it back to the dispatcher, who dispatches again */
  return: { from: HANDLING, roles: HANDLERS, code: 'CASE_NOT_DISPATCHED' },
  assign: {
    from: ['ACCEPTED', ...HANDLING, 'ESCALATED', 'RESOLVED', 'REFERRED', 'UNRESOLVED', 'FOLLOW_UP'],
    roles: [...SUPERVISORS, 'liaison'],
    code: 'CASE_NOT_OPEN',
  },
  note: {
    from: [...OPEN_STATUSES, 'REJECTED', 'CLOSED'],
    roles: READ_ROLES.filter((r) => r !== 'auditor' && r !== 'intake-system'),
    code: 'CASE_NOT_OPEN',
  },
  scheduleMediation: { from: HANDLING, roles: [...HANDLERS, 'intake-clerk'], code: 'CASE_NOT_IN_HANDLING' },
  recordMediationOutcome: { from: HANDLING, roles: HANDLERS, code: 'CASE_NOT_IN_HANDLING' },
  escalate: { from: HANDLING, roles: HANDLERS, code: 'CASE_NOT_IN_HANDLING' },
  refer: { from: ['ACCEPTED', ...HANDLING], roles: HANDLERS, code: 'CASE_NOT_IN_HANDLING' },
  /**
   * An ESCALATED case is the parent tenant's to settle: two centers never work one dispute. It
   * follows the parent's case (`followParent`), or the town takes it back first.
   */
  resolve: { from: HANDLING, roles: HANDLERS, code: 'CASE_NOT_IN_HANDLING' },
  markUnresolved: { from: HANDLING, roles: HANDLERS, code: 'CASE_NOT_IN_HANDLING' },
  /** back from the parent tenant, which declined or ended its case unsettled */
  takeBack: { from: ['ESCALATED'], roles: HANDLERS, code: 'CASE_NOT_ESCALATED' },
  /** the parent tenant settled its case: the child's case is settled with it (a system step, nobody's role) */
  followParent: { from: ['ESCALATED'], roles: [], code: 'CASE_NOT_ESCALATED' },
  scheduleFollowUp: {
    from: ['RESOLVED', 'REFERRED', 'UNRESOLVED', 'FOLLOW_UP'],
    roles: FOLLOWERS,
    code: 'CASE_NOT_CONCLUDED',
  },
  completeFollowUp: { from: ['FOLLOW_UP'], roles: FOLLOWERS, code: 'CASE_NOT_IN_FOLLOW_UP' },
  close: { from: ['FOLLOW_UP', 'UNRESOLVED'], roles: SUPERVISORS, code: 'CASE_NOT_CLOSABLE' },
  reopen: {
    from: ['RESOLVED', 'REFERRED', 'UNRESOLVED', 'FOLLOW_UP', 'CLOSED', 'REJECTED'],
    roles: SUPERVISORS,
    code: 'CASE_NOT_REOPENABLE',
  },
  merge: { from: OPEN_STATUSES, roles: DISPATCH, code: 'CASE_NOT_OPEN' },
  /** court linkage on an agreement does not move the case; it only needs a case that exists */
  linkage: { from: CASE_STATUSES.filter((s) => s !== 'MERGED'), roles: HANDLERS, code: 'CASE_NOT_OPEN' },
} as const satisfies Record<string, ActionRule>;
export type CaseAction = keyof typeof CASE_ACTIONS;

/** Why `action` cannot start from `status`, or null when it can. */
export function refusal(action: CaseAction, status: CaseStatus): CaseErrorCode | null {
  const rule: ActionRule = CASE_ACTIONS[action];
  if (rule.from.includes(status)) return null;
  if (status === 'MERGED') return 'CASE_MERGED';
  if (status === 'CLOSED' || status === 'REJECTED') return action === 'reopen' ? rule.code : 'CASE_CLOSED';
  if (status === 'ESCALATED') return 'PARENT_CASE_OPEN';
  return rule.code;
}
