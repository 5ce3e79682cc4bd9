import { Redis } from 'ioredis';
import type { Logger } from '../observability/logger';

export function createRedis(url: string): Redis {
  // BullMQ needs blocking commands to wait forever rather than fail after N retries.
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

/** The two settings BullMQ depends on; read at start-up and on every scrape of the workers' /metrics. */
export async function redisSettings(redis: Redis): Promise<{ policy: string | undefined; persistent: boolean }> {
  const policy = ((await redis.config('GET', 'maxmemory-policy')) as string[])[1];
  const aof = ((await redis.config('GET', 'appendonly')) as string[])[1];
  const save = ((await redis.config('GET', 'save')) as string[])[1];
  return { policy, persistent: aof === 'yes' || !!save };
}

/**
 * BullMQ loses jobs silently if Redis evicts keys, and loses delayed jobs on restart without
 * persistence. Refuse the first; for the second, warn in development and refuse in production.
 */
export async function checkRedisPolicy(redis: Redis, production: boolean, log: Logger): Promise<void> {
  const { policy, persistent } = await redisSettings(redis);
  if (policy !== 'noeviction') {
    throw new Error(
      `Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" or queued jobs can be evicted. Set it with: redis-cli config set maxmemory-policy noeviction`,
    );
  }
  if (!persistent) {
    const msg =
      'Redis has no persistence (appendonly no, no RDB save): a restart loses queued jobs until the reconcile sweep rebuilds them';
    if (production) throw new Error(`${msg}. Enable AOF (appendonly yes) in production.`);
    log.warn(msg);
  }
}
