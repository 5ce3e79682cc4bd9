import { tryParseDuration, hasCalendarUnits, timeMs, dayCount, type Duration } from '../../shared/duration';
import { userError, type UserErrorData } from '../../shared/user-error';
import type { RiskLevel } from '../category/category.entity';
import { enumListArg, type MessageValues } from '../../shared/message-ref';
import type { MessageId } from '../../core/i18n/catalog/en';
import { CASE_AUDIENCES, type CaseAudience } from '../notification/case-audience';

/** The steps a case's clock runs for, each started and met by a case event (docs/sla.md). */
export const SLA_STEPS = ['ACCEPT', 'DISPATCH', 'FIRST_CONTACT', 'RESOLVE', 'FOLLOW_UP'] as const;
export type SlaStep = (typeof SLA_STEPS)[number];

/** CALENDAR and WORKING count a duration; SAME_DAY is due at the end of the start's local day. */
export const TARGET_MODES = ['CALENDAR', 'WORKING', 'SAME_DAY'] as const;
export type TargetMode = (typeof TARGET_MODES)[number];

export interface Target {
  duration: string;
  mode: TargetMode;
}

/** A warning point: a share of the time used (0 < share ≤ 1), or a duration before the due time. */
export interface WarningPoint {
  share?: number | null;
  before?: string | null;
}

export const ESCALATION_ACTIONS = ['NOTIFY', 'SUPERVISE', 'REASSIGN', 'ESCALATE'] as const;
export type EscalationActionType = (typeof ESCALATION_ACTIONS)[number];
/** Whom a NOTIFY action names: people by their relation to the case, resolved by the notification module. */
export const NOTIFY_ROLES = CASE_AUDIENCES;
export type NotifyRole = CaseAudience;

export interface EscalationAction {
  type: EscalationActionType;
  /** NOTIFY: who */
  roles?: NotifyRole[] | null;
  /** REASSIGN: to whom */
  staffId?: string | null;
}

/** One level of the chain: `offset` after the due time (a leading "-" means before it). */
export interface EscalationLevel {
  offset: string;
  actions: EscalationAction[];
}

export interface PolicyRules {
  targets: Partial<Record<SlaStep, Target>>;
  yellow: WarningPoint;
  red: WarningPoint;
  escalations: EscalationLevel[];
  pauseStatuses: string[];
}

export type PolicyErrorCode = 'INVALID' | 'NOT_FOUND' | 'CATEGORY_NOT_FOUND' | 'STAFF_NOT_FOUND' | 'SCOPE_TAKEN';
type Errors = UserErrorData<PolicyErrorCode>[];

/** "-PT2H" → { negative, duration }: escalation offsets may sit before the due time. */
export function parseOffset(s: string): { negative: boolean; duration: Duration } | string {
  const negative = s.startsWith('-');
  const r = tryParseDuration(negative ? s.slice(1) : s);
  return r.ok ? { negative, duration: r.value } : r.message;
}

/** Plain milliseconds of a duration without calendar units (offsets and warning points). */
export function fixedMs(d: Duration): number {
  return dayCount(d) * 86_400_000 + timeMs(d);
}

const PAUSABLE = ['ESCALATED', 'REFERRED', 'UNRESOLVED'];

export function validateRules(r: PolicyRules): Errors {
  const errors: Errors = [];
  const bad = (field: string[], message: MessageId, values?: MessageValues) =>
    errors.push(userError(['input', ...field], 'INVALID', message, values));
  for (const [step, t] of Object.entries(r.targets) as [SlaStep, Target | undefined][]) {
    if (!t) continue;
    if (!SLA_STEPS.includes(step)) bad(['targets', step], 'sla.unknownStep');
    if (!TARGET_MODES.includes(t.mode)) bad(['targets', step, 'mode'], 'sla.targetMode');
    const d = tryParseDuration(t.duration);
    if (!d.ok) bad(['targets', step, 'duration'], 'sla.durationFormat');
    else if (t.mode === 'WORKING' && (hasCalendarUnits(d.value) || d.value.weeks > 0))
      bad(['targets', step, 'duration'], 'sla.workingUnits');
    else if (t.mode !== 'SAME_DAY' && fixedMs(d.value) <= 0 && !hasCalendarUnits(d.value))
      bad(['targets', step, 'duration'], 'sla.positive');
    else if (fixedMs(d.value) > 366 * 86_400_000) bad(['targets', step, 'duration'], 'sla.atMostYear');
  }
  for (const k of ['yellow', 'red'] as const) {
    const p = r[k];
    if ((p.share == null) === (p.before == null)) bad([k], 'sla.shareOrBefore');
    else if (p.share != null && !(p.share > 0 && p.share <= 1)) bad([k, 'share'], 'sla.share');
    else if (p.before != null && !tryParseDuration(p.before).ok) bad([k, 'before'], 'sla.durationFormat');
  }
  if (r.escalations.length > 10) bad(['escalations'], 'sla.maxLevels');
  r.escalations.forEach((lvl, i) => {
    if (typeof parseOffset(lvl.offset) === 'string') bad(['escalations', String(i), 'offset'], 'sla.offset');
    if (!lvl.actions.length) bad(['escalations', String(i), 'actions'], 'sla.atLeastOneAction');
    lvl.actions.forEach((a, j) => {
      const at = ['escalations', String(i), 'actions', String(j)];
      if (!ESCALATION_ACTIONS.includes(a.type)) bad([...at, 'type'], 'sla.actionType');
      if (a.type === 'NOTIFY' && !(a.roles?.length && a.roles.every((x) => NOTIFY_ROLES.includes(x))))
        bad([...at, 'roles'], 'sla.notifyRoles');
      if (a.type === 'REASSIGN' && !a.staffId) bad([...at, 'staffId'], 'sla.reassignTo');
    });
  });
  const wrong = r.pauseStatuses.filter((s) => !PAUSABLE.includes(s));
  if (wrong.length) bad(['pauseStatuses'], 'sla.pauseStatuses', { statuses: enumListArg('CaseStatus', PAUSABLE) });
  return errors;
}

const notify = (...roles: NotifyRole[]): EscalationAction => ({ type: 'NOTIFY', roles });

/**
 * The starter policies (docs/sla.md): same-day acceptance and dispatch, first contact within a
 * working day, resolution by risk, follow-up a week after resolution; YELLOW at half the time,
 * RED at 80 %; then the handler at the due time, the unit lead with a supervision notice two
 * working hours later, the center lead and leaders a day later.
 */
export const DEFAULT_POLICIES: { name: string; riskLevel: RiskLevel | null; rules: PolicyRules }[] = (() => {
  const base = (resolve: string): PolicyRules => ({
    targets: {
      ACCEPT: { duration: 'P0D', mode: 'SAME_DAY' },
      DISPATCH: { duration: 'P0D', mode: 'SAME_DAY' },
      FIRST_CONTACT: { duration: 'P1D', mode: 'WORKING' },
      RESOLVE: { duration: resolve, mode: 'WORKING' },
      FOLLOW_UP: { duration: 'P7D', mode: 'CALENDAR' },
    },
    yellow: { share: 0.5 },
    red: { share: 0.8 },
    escalations: [
      { offset: 'PT0S', actions: [notify('HANDLER')] },
      { offset: 'PT2H', actions: [notify('UNIT_LEAD'), { type: 'SUPERVISE' }] },
      { offset: 'P1D', actions: [notify('CENTER_LEAD', 'LEADER')] },
    ],
    pauseStatuses: ['ESCALATED', 'REFERRED'],
  });
  return [
    { name: '默认时限', riskLevel: null, rules: base('P15D') },
    { name: '高风险时限', riskLevel: 'HIGH', rules: base('P10D') },
    { name: '重大风险时限', riskLevel: 'MAJOR', rules: base('P5D') },
  ];
})();
