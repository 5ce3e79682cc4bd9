import http from 'node:http';
import client from 'prom-client';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueClient } from '../src/core/queue/queue-client';
import { QUEUES } from '../src/core/queue/queues';
import { redisSettings } from '../src/core/queue/redis';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * The worker process's own /metrics: what the alert rules in the chart (helm/onedoor/templates/
 * prometheusrule.yaml) read about jobs, SLA checkpoints and Redis. The queue and Redis figures are
 * read from Redis when scraped, so every replica reports the same value (rules take the max).
 */
export class WorkerMetrics {
  readonly registry = new client.Registry();

  /** Fired minus due: how late a warning or escalation reached the people it is for. */
  readonly checkpointLateness = new client.Histogram({
    name: 'onedoor_sla_checkpoint_lateness_seconds',
    help: 'Seconds between an SLA checkpoint being due and the worker firing it',
    buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600],
    registers: [this.registry],
  });

  readonly jobs = new client.Counter({
    name: 'onedoor_jobs_total',
    help: 'Job attempts by queue, job name and outcome (completed; failed and retried; dead: failed for good)',
    // `job_name`, not `job`: Prometheus owns the `job` label (the scrape target's).
    labelNames: ['queue', 'job_name', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly lastSuccess = new client.Gauge({
    name: 'onedoor_job_last_success_timestamp_seconds',
    help: 'Unix time of the last completed job of each name (sweeps run every 30-60 s)',
    labelNames: ['job_name'] as const,
    registers: [this.registry],
  });

  constructor(queues: QueueClient, redis: Redis) {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'onedoor_worker_' });
    new client.Gauge({
      name: 'onedoor_queue_jobs',
      help: 'Jobs in each BullMQ queue by state (failed: the dead-letter set, kept 7 days)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        await Promise.all(
          Object.values(QUEUES).map(async (queue) => {
            const counts = await queues.queue(queue).getJobCounts(...QUEUE_STATES);
            for (const state of QUEUE_STATES) this.set({ queue, state }, counts[state] ?? 0);
          }),
        );
      },
    });
    new client.Gauge({
      name: 'onedoor_redis_config_ok',
      help: 'Whether Redis is set up as BullMQ needs: maxmemory-policy noeviction, and persistence (AOF or RDB)',
      labelNames: ['setting'] as const,
      registers: [this.registry],
      async collect() {
        const s = await redisSettings(redis);
        this.set({ setting: 'maxmemory-policy' }, s.policy === 'noeviction' ? 1 : 0);
        this.set({ setting: 'persistence' }, s.persistent ? 1 : 0);
      },
    });
  }

  completed(queue: string, job: Job, result: unknown): void {
    this.jobs.inc({ queue, job_name: job.name, outcome: 'completed' });
    this.lastSuccess.set({ job_name: job.name }, Date.now() / 1000);
    // The job id ends with the due time (sla.checkpoint-<id>-<dueEpochMs>), also when a sweep re-created it.
    if (job.name === 'sla.checkpoint' && result === 'fired') {
      const due = Number(job.id?.slice(job.id.lastIndexOf('-') + 1));
      if (Number.isFinite(due) && due > 0)
        this.checkpointLateness.observe(Math.max(0, ((job.finishedOn ?? Date.now()) - due) / 1000));
    }
  }

  failed(queue: string, job: Job | undefined, err: Error): void {
    if (!job) return;
    const dead = err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.jobs.inc({ queue, job_name: job.name, outcome: dead ? 'dead' : 'failed' });
  }
}

/** Serves GET /metrics on its own port (the workers have no other HTTP server). */
export async function serveWorkerMetrics(
  metrics: WorkerMetrics,
  port: number,
  host: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const addr = server.address();
  const bound = typeof addr === 'object' && addr ? addr.port : port;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}/metrics`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
