import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../src/core/observability/logger';
import type { Services } from '../src/services';
import { JOBS, QUEUES, type JobName } from '../src/core/queue/queues';
import type { QueueClient } from '../src/core/queue/queue-client';
import { queueTelemetry } from '../src/core/observability/tracing';
import type { WorkerMetrics } from './metrics';
import { tenantSeedDefaults } from './processors/tenant-seed-defaults.processor';
import { tenantDefaultsSweep } from './processors/tenant-defaults-sweep.processor';
import { caseHandoffSweep } from './processors/case-handoff-sweep.processor';
import { slaCheckpoint } from './processors/sla-checkpoint.processor';
import { slaHorizonSweep } from './processors/sla-horizon-sweep.processor';
import { metricsRefreshDays } from './processors/metrics-refresh-days.processor';
import { webhookDeliver } from './processors/webhook-deliver.processor';
import { webhookSweep } from './processors/webhook-sweep.processor';
import { instalmentReminder, instalmentReminderSweep } from './processors/instalment-reminder.processor';
import { calendarCoverageCheck } from './processors/calendar-coverage-check.processor';

/** `job` and `token` are for handlers that reschedule their own job (webhook retries). */
type Handler = (payload: never, job: Job, token?: string) => Promise<unknown>;

function handlers(s: Services, log: Logger): Record<JobName, Handler> {
  return {
    'tenant.seed-defaults': tenantSeedDefaults(s),
    'tenant.defaults-sweep': tenantDefaultsSweep(s),
    'case.handoff-sweep': caseHandoffSweep(s),
    'sla.checkpoint': slaCheckpoint(s),
    'sla.horizon-sweep': slaHorizonSweep(s),
    'metrics.refresh-days': metricsRefreshDays(s),
    'webhook.deliver': webhookDeliver(s),
    'webhook.sweep': webhookSweep(s),
    'calendar.coverage-check': calendarCoverageCheck(s, log),
    'instalment.reminder': instalmentReminder(s),
    'instalment.reminder-sweep': instalmentReminderSweep(s),
  };
}

/** Periodic sweeps; upsert makes every worker replica declare the same single scheduler. */
export async function upsertSchedulers(queues: QueueClient): Promise<void> {
  await queues
    .queue(QUEUES.provisioning)
    .upsertJobScheduler('tenant.defaults-sweep', { every: 60_000 }, { name: 'tenant.defaults-sweep', data: {} });
  await queues
    .queue(QUEUES.cases)
    .upsertJobScheduler('case.handoff-sweep', { every: 60_000 }, { name: 'case.handoff-sweep', data: {} });
  await queues
    .queue(QUEUES.sla)
    .upsertJobScheduler('sla.horizon-sweep', { every: 60_000 }, { name: 'sla.horizon-sweep', data: {} });
  await queues
    .queue(QUEUES.sla)
    .upsertJobScheduler(
      'instalment.reminder-sweep',
      { every: 60_000 },
      { name: 'instalment.reminder-sweep', data: {} },
    );
  await queues
    .queue(QUEUES.cases)
    .upsertJobScheduler('metrics.refresh-days', { every: 30_000 }, { name: 'metrics.refresh-days', data: {} });
  await queues
    .queue(QUEUES.webhooks)
    .upsertJobScheduler('webhook.sweep', { every: 30_000 }, { name: 'webhook.sweep', data: {} });
  // 09:00 in China every day: the holiday schedule's end is a matter of weeks, not minutes.
  await queues
    .queue(QUEUES.provisioning)
    .upsertJobScheduler(
      'calendar.coverage-check',
      { pattern: '0 9 * * *', tz: 'Asia/Shanghai' },
      { name: 'calendar.coverage-check', data: {} },
    );
}

export interface WorkerSet {
  workers: Worker[];
  close(): Promise<void>;
}

/** Refuses to start when a declared job has no handler, rather than failing jobs at 3 a.m. */
export function startWorkers(
  s: Services,
  connection: Redis,
  prefix: string,
  log: Logger,
  concurrency = 5,
  lockSeconds = 30,
  metrics?: WorkerMetrics,
): WorkerSet {
  const table = handlers(s, log);
  const missing = (Object.keys(JOBS) as JobName[]).filter((n) => typeof table[n] !== 'function');
  if (missing.length) throw new Error(`No handler for job(s): ${missing.join(', ')}`);

  const process = async (job: Job, token?: string) => {
    const def = JOBS[job.name as JobName];
    if (!def) throw new UnrecoverableError(`unknown job name ${job.name}`);
    const parsed = def.payload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`bad payload for ${job.name}`);
    return table[job.name as JobName](parsed.data as never, job, token);
  };

  const workers = Object.values(QUEUES).map((queue) => {
    // A job whose worker died (its lock not renewed) goes back to the queue after the lock runs out.
    const w = new Worker(queue, process, {
      connection,
      prefix,
      concurrency,
      lockDuration: lockSeconds * 1000,
      stalledInterval: lockSeconds * 1000,
      // With tracing on, processing continues the trace of the operation that added the job.
      telemetry: queueTelemetry(),
    });
    w.on('failed', (job, err) => {
      metrics?.failed(queue, job, err);
      log.warn({ queue, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, err }, 'job failed');
    });
    w.on('error', (err) => log.error({ queue, err }, 'worker error'));
    w.on('completed', (job, result) => {
      metrics?.completed(queue, job, result);
      log.debug({ queue, job: job.name, jobId: job.id, attempts: job.attemptsMade }, 'job done');
    });
    return w;
  });
  return {
    workers,
    // close() waits for active jobs to finish: a SIGTERM never cuts a job in half.
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
