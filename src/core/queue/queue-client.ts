import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOBS, type JobName, type JobPayload, type QueueName } from './queues';
import { within } from '../errors/unavailable';
import { queueTelemetry } from '../observability/tracing';

/**
 * BullMQ's connection waits for Redis to come back (maxRetriesPerRequest: null), so an enqueue
 * while Redis is down would hold its request or job for the whole outage. The row that made the
 * work due stays in PostgreSQL and a sweep enqueues it again; the caller gets an error it can log.
 */
const ENQUEUE_TIMEOUT_MS = 3000;

/** jobs per MULTI: a sweep's thousands go in pieces, so one transaction never holds Redis long */
const BULK_CHUNK = 500;

const DEFAULTS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  // Completed jobs are removed so a deterministic id can be enqueued again later;
  // failed ones are kept a week for the on-call operator.
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** The producer side of every queue, shared by the API and the workers. */
export class QueueClient {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly connection: Redis,
    readonly prefix: string,
  ) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      // With tracing on, each added job carries the W3C trace context of the operation that added it.
      q = new Queue(name, {
        connection: this.connection,
        prefix: this.prefix,
        defaultJobOptions: DEFAULTS,
        telemetry: queueTelemetry(),
      });
      this.queues.set(name, q);
    }
    return q;
  }

  /** Call only after the transaction that made the work due has committed. */
  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    opts: JobsOptions & { jobId: string },
  ): Promise<void> {
    const def = JOBS[name];
    await within(
      ENQUEUE_TIMEOUT_MS,
      'redis',
      `enqueue ${name}`,
      this.queue(def.queue).add(name, def.payload.parse(payload), opts),
    );
  }

  /**
   * Several jobs of one name in one round trip (BullMQ's addBulk: one MULTI), in chunks; as
   * `enqueue`, an id the queue already holds is left as it is. Call only after commit.
   */
  async enqueueMany<N extends JobName>(
    name: N,
    jobs: readonly { payload: JobPayload<N>; opts: JobsOptions & { jobId: string } }[],
  ): Promise<void> {
    const def = JOBS[name];
    const q = this.queue(def.queue);
    for (let i = 0; i < jobs.length; i += BULK_CHUNK) {
      const chunk = jobs
        .slice(i, i + BULK_CHUNK)
        .map((j) => ({ name, data: def.payload.parse(j.payload), opts: j.opts }));
      await within(ENQUEUE_TIMEOUT_MS, 'redis', `enqueue ${chunk.length} × ${name}`, q.addBulk(chunk));
    }
  }

  /**
   * Which of these job ids the queue of `name` does not hold (never added, completed and removed,
   * or lost with Redis's data): one pipelined EXISTS per id on the job's hash.
   */
  async missing(name: JobName, ids: readonly string[]): Promise<Set<string>> {
    const q = this.queue(JOBS[name].queue);
    const out = new Set<string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const batch = ids.slice(i, i + 1000);
      const pipe = this.connection.pipeline();
      for (const id of batch) pipe.exists(q.toKey(id));
      const res = await within(ENQUEUE_TIMEOUT_MS, 'redis', 'look up jobs', pipe.exec());
      batch.forEach((id, k) => {
        if (res?.[k]?.[1] === 0) out.add(id);
      });
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
