import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOBS, type JobName, type JobPayload, type QueueName } from './queues';

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
      q = new Queue(name, { connection: this.connection, prefix: this.prefix, defaultJobOptions: DEFAULTS });
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
    await this.queue(def.queue).add(name, def.payload.parse(payload), opts);
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
