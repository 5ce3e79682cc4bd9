import type { Role } from '../../core/auth/roles';
import { CASE_ACTIONS, OPEN_STATUSES, refusal, type CaseAction, type CaseStatus } from './case.states';

/**
 * Steps on a case whose rule lives outside the state table: deadlines and supervision (督办).
 * The SLA resolver checks these same roles, so the console's list and the mutation's gate agree.
 */
export const SUPERVISE_ROLES: Role[] = ['leader'];
export const DECIDE_EXTENSION_ROLES: Role[] = ['leader'];
export const REQUEST_EXTENSION_ROLES = CASE_ACTIONS.resolve.roles;
export const REPLY_SUPERVISION_ROLES = CASE_ACTIONS.resolve.roles;

/** The console's names for what a person may do on a case (GraphQL enum CaseAction). */
export const ALLOWED_ACTIONS = [
  'ACCEPT',
  'REJECT',
  'DISPATCH',
  'RETURN',
  'ASSIGN',
  'ADD_NOTE',
  'SCHEDULE_MEDIATION',
  'RECORD_MEDIATION_OUTCOME',
  'ESCALATE',
  'REFER',
  'RESOLVE',
  'MARK_UNRESOLVED',
  'TAKE_BACK',
  'SCHEDULE_FOLLOW_UP',
  'COMPLETE_FOLLOW_UP',
  'CLOSE',
  'REOPEN',
  'MERGE',
  'RECORD_LINKAGE',
  'SUPERVISE',
  'REPLY_SUPERVISION',
  'REQUEST_EXTENSION',
  'DECIDE_EXTENSION',
  'REVEAL_PARTY',
] as const;
export type AllowedAction = (typeof ALLOWED_ACTIONS)[number];

const FROM_STATE_TABLE: Record<
  Exclude<AllowedAction, 'SUPERVISE' | 'REPLY_SUPERVISION' | 'REQUEST_EXTENSION' | 'DECIDE_EXTENSION' | 'REVEAL_PARTY'>,
  CaseAction
> = {
  ACCEPT: 'accept',
  REJECT: 'reject',
  DISPATCH: 'dispatch',
  RETURN: 'return',
  ASSIGN: 'assign',
  ADD_NOTE: 'note',
  SCHEDULE_MEDIATION: 'scheduleMediation',
  RECORD_MEDIATION_OUTCOME: 'recordMediationOutcome',
  ESCALATE: 'escalate',
  REFER: 'refer',
  RESOLVE: 'resolve',
  MARK_UNRESOLVED: 'markUnresolved',
  TAKE_BACK: 'takeBack',
  SCHEDULE_FOLLOW_UP: 'scheduleFollowUp',
  COMPLETE_FOLLOW_UP: 'completeFollowUp',
  CLOSE: 'close',
  REOPEN: 'reopen',
  MERGE: 'merge',
  RECORD_LINKAGE: 'linkage',
};

export interface ActionFacts {
  status: CaseStatus;
  roles: ReadonlySet<string>;
  /** the tenant's settings allow these roles to see or reveal personal data */
  mayRevealPersonalData: boolean;
  hasMaskedParties: boolean;
  hasPendingExtension: boolean;
  hasOpenSupervision: boolean;
}

const hasAny = (roles: ReadonlySet<string>, wanted: readonly Role[]) => wanted.some((r) => roles.has(r));

/**
 * What the person may do on the case now: the state table's `refusal` and the roles each mutation
 * requires — the same rule the mutations apply, so the console never offers a step it would refuse.
 */
export function allowedActions(f: ActionFacts): AllowedAction[] {
  const out: AllowedAction[] = [];
  for (const [name, action] of Object.entries(FROM_STATE_TABLE) as [AllowedAction, CaseAction][]) {
    if (refusal(action, f.status) === null && hasAny(f.roles, CASE_ACTIONS[action].roles)) out.push(name);
  }
  const open = OPEN_STATUSES.includes(f.status);
  if (open && hasAny(f.roles, SUPERVISE_ROLES)) out.push('SUPERVISE');
  if (open && f.hasOpenSupervision && hasAny(f.roles, REPLY_SUPERVISION_ROLES)) out.push('REPLY_SUPERVISION');
  if (open && hasAny(f.roles, REQUEST_EXTENSION_ROLES)) out.push('REQUEST_EXTENSION');
  if (f.hasPendingExtension && hasAny(f.roles, DECIDE_EXTENSION_ROLES)) out.push('DECIDE_EXTENSION');
  if (f.hasMaskedParties && f.mayRevealPersonalData) out.push('REVEAL_PARTY');
  return out;
}
