import 'reflect-metadata';
import { loadConfig, ConfigError } from '../src/config/config';
import { createLogger } from '../src/core/observability/logger';
import { checkRedisPolicy } from '../src/core/queue/redis';
import { bootstrap } from '../src/bootstrap';
import { startWorkers, upsertSchedulers } from './runtime';
import { onShutdown } from '../src/core/observability/shutdown';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const rt = await bootstrap(config, log);
  await checkRedisPolicy(rt.redis, config.isProduction, log);
  rt.services.sla.checkpoints.pauseBeforeCommitMs = config.FAULT_CHECKPOINT_PAUSE_MS;
  await upsertSchedulers(rt.queues);
  const set = startWorkers(rt.services, rt.redis, config.REDIS_PREFIX, log, 5, config.WORKER_LOCK_SECONDS);
  log.info({ queues: set.workers.map((w) => w.name) }, 'workers started');

  onShutdown(log, config.SHUTDOWN_GRACE_SECONDS, 'workers', async () => {
    await set.close();
    await rt.close();
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
