import type { Orm } from '../../core/db/orm';
import type { QueueClient } from '../../core/queue/queue-client';
import { jobId } from '../../core/queue/queues';

export interface DueCheckpoint {
  tenantId: string;
  checkpointId: string;
  dueAt: Date;
}

/**
 * Feeds checkpoints into Redis as delayed jobs, only those due within the horizon: a national
 * deployment holds tens of millions of timers, which live as rows, not as ~1.1 KiB Redis jobs.
 * Job ids are deterministic (`sla.checkpoint-<id>-<dueEpoch>`), so feeding one twice is harmless
 * and a moved deadline (new checkpoint rows) gets new jobs while the old ones find nothing to claim.
 */
export class CheckpointScheduler {
  constructor(
    private readonly orm: Orm,
    private readonly queues: QueueClient | null,
    readonly horizonMs: number,
  ) {}

  async enqueue(items: DueCheckpoint[], now = Date.now()): Promise<number> {
    if (!this.queues) return 0;
    let n = 0;
    for (const c of items) {
      if (c.dueAt.getTime() > now + this.horizonMs) continue;
      await this.queues.enqueue(
        'sla.checkpoint',
        { tenantId: c.tenantId, checkpointId: c.checkpointId },
        {
          jobId: jobId('sla.checkpoint', c.checkpointId, String(c.dueAt.getTime())),
          delay: Math.max(0, c.dueAt.getTime() - now),
        },
      );
      n++;
    }
    return n;
  }

  /** The reconcile step: every pending checkpoint due within the horizon gets its job, again if lost. */
  async sweep(horizonMs = this.horizonMs, limit = 100_000): Promise<number> {
    const until = new Date(Date.now() + horizonMs);
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ tenant_id: string; checkpoint_id: string; due_at: string | Date }[]>(
        'select tenant_id, checkpoint_id, due_at from platform_due_checkpoints(?, ?)',
        [until, limit],
      );
    return this.enqueue(
      rows.map((r) => ({ tenantId: r.tenant_id, checkpointId: r.checkpoint_id, dueAt: new Date(r.due_at) })),
    );
  }
}
