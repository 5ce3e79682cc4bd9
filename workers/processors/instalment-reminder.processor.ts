import type { Services } from '../../src/services';
import type { JobPayload } from '../../src/core/queue/queues';

/** One reminder before or after an instalment's due date; nothing when it was paid or already sent. */
export const instalmentReminder = (s: Services) => (p: JobPayload<'instalment.reminder'>) =>
  s.instalmentReminders.fire(p.tenantId, p.reminderId);

/** Reconcile: feeds the reminders now inside the horizon into Redis, and any lost with it. */
export const instalmentReminderSweep = (s: Services) => () => s.instalments.scheduler.sweep();
