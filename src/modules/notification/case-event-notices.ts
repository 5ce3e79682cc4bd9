import type { TenantScope } from '../../core/tenancy/scope';
import { isUuid } from '../../shared/ids';
import type { NotificationLevel } from './notification.entity';
import type { NotifyInput } from './notification.service';
import type { RecipientSpec } from './recipients';

/** What a case step's timeline event looks like to this module (ids and the case's number only). */
export interface CaseStepEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

interface EventNotice {
  /** the notification and webhook event type (docs/notifications.md, event catalogue) */
  type: string;
  level: NotificationLevel;
  title: (caseNumber: string) => string;
  /** who hears of it, or null when this event does not concern anyone in particular */
  to: (data: Record<string, unknown>) => RecipientSpec | null;
}

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => isUuid(x)) : []);

/**
 * Which case events tell whom (issue 17): the one table of the application's event
 * notifications besides the SLA's. Each reaches its people through the one recipient rule
 * (recipients.ts, with its fallback chain), quiet hours apply, and each is also a webhook event.
 */
export const CASE_EVENT_NOTICES: Record<string, EventNotice> = {
  ASSIGNED: {
    type: 'CASE_ASSIGNED',
    level: 'INFO',
    title: (n) => `${n} 已分派给您办理`,
    to: (d) => ({ staffIds: ids(d['staffIds']) }),
  },
  DISPATCHED: {
    type: 'CASE_DISPATCHED',
    level: 'INFO',
    title: (n) => `${n} 已派至本单位`,
    to: () => ({ audiences: ['HANDLER'] }),
  },
  REDISPATCHED: {
    type: 'CASE_DISPATCHED',
    level: 'INFO',
    title: (n) => `${n} 已改派至本单位`,
    to: () => ({ audiences: ['HANDLER'] }),
  },
  RETURNED: {
    type: 'CASE_RETURNED',
    level: 'YELLOW',
    title: (n) => `${n} 被退回，请重新分派`,
    to: () => ({ roles: ['dispatcher'] }),
  },
  MEDIATION_SCHEDULED: {
    type: 'SESSION_BOOKED',
    level: 'INFO',
    title: (n) => `${n} 已安排调解，您为调解员`,
    to: (d) => ({ staffIds: ids(d['mediatorIds']) }),
  },
  MEDIATION_RESCHEDULED: {
    type: 'SESSION_MOVED',
    level: 'YELLOW',
    title: (n) => `${n} 调解时间已变更，请留意新时间`,
    to: (d) => ({ staffIds: ids(d['mediatorIds']) }),
  },
  MEDIATION_CANCELLED: {
    type: 'SESSION_CANCELLED',
    level: 'YELLOW',
    title: (n) => `${n} 已安排的调解已取消`,
    to: (d) => ({ staffIds: ids(d['mediatorIds']) }),
  },
  REPORTED: {
    type: 'CASE_ARRIVED_FROM_CHILD',
    level: 'INFO',
    title: (n) => `${n} 下级中心提级上报，待受理`,
    // only the cases a child tenant escalated here: ordinary reports are the intake desk's own work
    to: (d) => (d['escalatedFrom'] ? { roles: ['intake-clerk', 'dispatcher'] } : null),
  },
  FOLLOW_UP_SCHEDULED: {
    type: 'FOLLOW_UP_ASSIGNED',
    level: 'INFO',
    title: (n) => `${n} 回访已安排给您`,
    to: (d) => (ids([d['assigneeId']]).length ? { staffIds: ids([d['assigneeId']]) } : null),
  },
  DEADLINE_EXTENDED: {
    type: 'EXTENSION_DECIDED',
    level: 'INFO',
    title: (n) => `${n} 延期申请已批准`,
    to: () => ({ audiences: ['HANDLER'] }),
  },
  EXTENSION_REJECTED: {
    type: 'EXTENSION_DECIDED',
    level: 'YELLOW',
    title: (n) => `${n} 延期申请未获批准`,
    to: () => ({ audiences: ['HANDLER'] }),
  },
};

/** The notifications a case step's events raise, one per event (its id dedupes a replay). */
export function noticesFor(caseId: string, caseNumber: string, events: CaseStepEvent[]): NotifyInput[] {
  const out: NotifyInput[] = [];
  for (const e of events) {
    const n = CASE_EVENT_NOTICES[e.type];
    const recipients = n?.to(e.data ?? {});
    if (!n || !recipients) continue;
    out.push({
      caseId,
      type: n.type,
      level: n.level,
      title: n.title(caseNumber),
      data: { eventId: e.id, event: e.type },
      recipients,
      dedupeKey: `event-${e.id}`,
    });
  }
  return out;
}

/**
 * Runs inside the step's transaction, so a notice exists exactly when its step commits. The
 * recipient rules read the case and its people by SQL, so the step's pending writes (a case just
 * reported, a new assignee) are flushed first — only when there is a notice to send.
 */
export async function notifyCaseEvents(
  scope: TenantScope,
  notify: (scope: TenantScope, input: NotifyInput) => Promise<unknown>,
  c: { id: string; number: string },
  events: CaseStepEvent[],
): Promise<void> {
  const notices = noticesFor(c.id, c.number, events);
  if (notices.length) await scope.em.flush();
  for (const input of notices) await notify(scope, input);
}
