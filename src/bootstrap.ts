import type { Redis } from 'ioredis';
import type { Config } from './config/config';
import { createLogger, type Logger } from './core/observability/logger';
import { createOrm, type Orm } from './core/db/orm';
import { setAppTenantWall } from './core/db/tenant-wall';
import { sessionTimeouts } from './core/db/session-timeouts';
import { createRedis } from './core/queue/redis';
import { QueueClient } from './core/queue/queue-client';
import { createServices, type Services } from './services';
import { residentOptionsFrom } from './modules/resident/resident-config';

export interface Runtime {
  config: Config;
  log: Logger;
  orm: Orm;
  redis: Redis;
  queues: QueueClient;
  services: Services;
  close(): Promise<void>;
}

/** What the API and the worker processes both need, built the same way. */
export async function bootstrap(
  config: Config,
  log: Logger = createLogger(config.LOG_LEVEL),
  /** live: false publishes no board events (the demo's background history: old news, not live) */
  opts: { live?: boolean } = {},
): Promise<Runtime> {
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it up for development)');
  if (!config.REDIS_URL) throw new Error('REDIS_URL is not set (npm start sets it up for development)');
  setAppTenantWall(!config.TEST_DISABLE_APP_TENANT_FILTER);
  const orm = await createOrm(config.DATABASE_URL, config.DATABASE_POOL_MAX, sessionTimeouts(config));
  const redis = createRedis(config.REDIS_URL);
  // ioredis reconnects by itself; without a listener each failed attempt goes to stderr unstructured.
  redis.on('error', (err: unknown) => log.warn({ err }, 'redis connection error'));
  const queues = new QueueClient(redis, config.REDIS_PREFIX);
  const services = createServices(orm, queues, {
    slaHorizonSeconds: config.SLA_HORIZON_SECONDS,
    isProduction: config.isProduction,
    ...(opts.live === false ? {} : { realtime: { redis, prefix: config.REDIS_PREFIX, log } }),
    resident: residentOptionsFrom(config, redis, log) ?? undefined,
  });
  return {
    config,
    log,
    orm,
    redis,
    queues,
    services,
    async close() {
      await queues.close();
      await services.board.close();
      await redis.quit().catch(() => undefined);
      await orm.close(true);
    },
  };
}
