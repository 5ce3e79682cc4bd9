import type { TenantScope } from '../../core/tenancy/scope';
import type { RecipientSpec, Recipients } from '../notification/recipients';
import type { MessageRef } from '../../shared/message-ref';

/**
 * What the SLA module needs from notifications (the notification module provides it). Whom a
 * notice reaches is decided by the notification module's one recipient rule, fallback included:
 * the SLA names the audience (HANDLER, UNIT_LEAD, …) and records whom it reached.
 */
export interface Notifier {
  recipientsFor(scope: TenantScope, caseId: string | null, spec: RecipientSpec): Promise<Recipients>;
  notify(
    scope: TenantScope,
    input: {
      caseId: string | null;
      type: string;
      level: 'INFO' | 'YELLOW' | 'RED';
      /** a catalogue message (`notification.<TYPE>`), worded per reader */
      title: MessageRef;
      data?: Record<string, unknown>;
      recipients: { staffIds?: string[] };
      dedupeKey: string;
      urgent?: boolean;
    },
  ): Promise<unknown>;
}

/** The people a notice reached, and the fallback step when the asked-for audience was missing (for the timeline). */
export function reached(r: Recipients): Record<string, unknown> {
  return r.route === 'DIRECT' ? { notified: r.staffIds } : { notified: r.staffIds, notifiedVia: r.route };
}
