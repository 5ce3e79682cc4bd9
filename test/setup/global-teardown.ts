import { Redis } from 'ioredis';
import { dropDatabase } from '../../src/core/db/provision';
import { servers } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const db = process.env['ONEDOOR_TEST_DATABASE'];
  const adminUrl = process.env['ONEDOOR_TEST_PG_ADMIN_URL'];
  if (db && adminUrl && !process.env['ONEDOOR_TEST_KEEP']) await dropDatabase(adminUrl, db);
  const prefix = process.env['ONEDOOR_TEST_REDIS_PREFIX'];
  if (prefix) {
    const redis = new Redis(process.env['ONEDOOR_TEST_REDIS_URL']!);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  }
  await servers.current?.stop();
}
