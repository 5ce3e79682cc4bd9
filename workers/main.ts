import './tracing';
import 'reflect-metadata';
import { loadConfig, ConfigError } from '../src/config/config';
import { createLogger } from '../src/core/observability/logger';
import { checkRedisPolicy } from '../src/core/queue/redis';
import { bootstrap } from '../src/bootstrap';
import { startWorkers, upsertSchedulers } from './runtime';
import { WorkerMetrics, serveWorkerMetrics } from './metrics';
import { onShutdown } from '../src/core/observability/shutdown';
import { stopTracing } from '../src/core/observability/tracing';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const rt = await bootstrap(config, log);
  await checkRedisPolicy(rt.redis, config.isProduction, log);
  rt.services.sla.checkpoints.pauseBeforeCommitMs = config.FAULT_CHECKPOINT_PAUSE_MS;
  await upsertSchedulers(rt.queues);
  const metrics = new WorkerMetrics(rt.queues, rt.redis);
  const set = startWorkers(rt.services, rt.redis, config.REDIS_PREFIX, log, 5, config.WORKER_LOCK_SECONDS, metrics);
  const served = config.WORKER_METRICS_PORT
    ? await serveWorkerMetrics(metrics, config.WORKER_METRICS_PORT, config.HOST)
    : null;
  log.info({ queues: set.workers.map((w) => w.name), metrics: served?.url }, 'workers started');

  onShutdown(log, config.SHUTDOWN_GRACE_SECONDS, 'workers', async () => {
    await set.close();
    await served?.close();
    await rt.close();
    await stopTracing();
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
