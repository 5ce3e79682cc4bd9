import type { Orm } from '../../core/db/orm';
import type { QueueClient } from '../../core/queue/queue-client';
import { jobId } from '../../core/queue/queues';
import { inLinkedSpan, tracingOn } from '../../core/observability/tracing';

export interface DueCheckpoint {
  tenantId: string;
  checkpointId: string;
  dueAt: Date;
  /** the trace context that scheduled it, when it was scheduled with tracing on */
  traceparent?: string | null;
}

const jobIdOf = (c: DueCheckpoint) => jobId('sla.checkpoint', c.checkpointId, String(c.dueAt.getTime()));

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

  async enqueue(items: DueCheckpoint[], now = Date.now(), recreated: ReadonlySet<string> = new Set()): Promise<number> {
    const queues = this.queues;
    if (!queues) return 0;
    const due = items.filter((c) => c.dueAt.getTime() <= now + this.horizonMs);
    const job = (c: DueCheckpoint) => ({
      payload: { tenantId: c.tenantId, checkpointId: c.checkpointId },
      opts: { jobId: jobIdOf(c), delay: Math.max(0, c.dueAt.getTime() - now) },
    });
    // One round trip for a clock's checkpoints (each used to wait for its own, after the commit).
    await queues.enqueueMany('sla.checkpoint', due.filter((c) => !recreated.has(jobIdOf(c))).map(job));
    // A job the sweep has to make again starts a trace linked to the one that scheduled it.
    for (const c of due.filter((x) => recreated.has(jobIdOf(x)))) {
      const { payload, opts } = job(c);
      await inLinkedSpan('sla.checkpoint recreate', c.traceparent ?? null, { 'onedoor.job.id': opts.jobId }, () =>
        queues.enqueue('sla.checkpoint', payload, opts),
      );
    }
    return due.length;
  }

  /** The reconcile step: every pending checkpoint due within the horizon gets its job, again if lost. */
  async sweep(horizonMs = this.horizonMs, limit = 100_000): Promise<number> {
    const until = new Date(Date.now() + horizonMs);
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ tenant_id: string; checkpoint_id: string; due_at: string | Date; traceparent: string | null }[]>(
        'select tenant_id, checkpoint_id, due_at, traceparent from platform_due_checkpoints(?, ?)',
        [until, limit],
      );
    const due = rows.map((r) => ({
      tenantId: r.tenant_id,
      checkpointId: r.checkpoint_id,
      dueAt: new Date(r.due_at),
      traceparent: r.traceparent,
    }));
    // Which jobs the sweep makes again, asked only with tracing on and only for rows that kept a
    // context: the answer decides nothing but the linked span, so tracing off costs nothing here.
    const linkable = tracingOn() && this.queues ? due.filter((c) => c.traceparent).map(jobIdOf) : [];
    const recreated = linkable.length ? await this.queues!.missing('sla.checkpoint', linkable) : new Set<string>();
    return this.enqueue(due, Date.now(), recreated);
  }
}
