import type { Orm } from '../../core/db/orm';
import type { QueueClient } from '../../core/queue/queue-client';
import { jobId } from '../../core/queue/queues';

export interface DueReminder {
  tenantId: string;
  reminderId: string;
  dueAt: Date;
}

/**
 * Feeds instalment reminders into Redis as delayed jobs, only those within the horizon, as the
 * deadline checkpoints are fed (an agreement paid over two years holds its reminders as rows).
 * Job ids are deterministic (`instalment.reminder-<id>-<dueEpoch>`): feeding one twice is harmless.
 */
export class ReminderScheduler {
  constructor(
    private readonly orm: Orm,
    private readonly queues: QueueClient | null,
    readonly horizonMs: number,
  ) {}

  async enqueue(items: DueReminder[], now = Date.now()): Promise<number> {
    if (!this.queues) return 0;
    let n = 0;
    for (const r of items) {
      if (r.dueAt.getTime() > now + this.horizonMs) continue;
      await this.queues.enqueue(
        'instalment.reminder',
        { tenantId: r.tenantId, reminderId: r.reminderId },
        {
          jobId: jobId('instalment.reminder', r.reminderId, String(r.dueAt.getTime())),
          delay: Math.max(0, r.dueAt.getTime() - now),
        },
      );
      n++;
    }
    return n;
  }

  /** The reconcile step: every pending reminder due within the horizon gets its job, again if lost. */
  async sweep(horizonMs = this.horizonMs, limit = 100_000): Promise<number> {
    const until = new Date(Date.now() + horizonMs);
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ tenant_id: string; reminder_id: string; due_at: string | Date }[]>(
        'select tenant_id, reminder_id, due_at from platform_due_instalment_reminders(?, ?)',
        [until, limit],
      );
    return this.enqueue(
      rows.map((r) => ({ tenantId: r.tenant_id, reminderId: r.reminder_id, dueAt: new Date(r.due_at) })),
    );
  }
}
