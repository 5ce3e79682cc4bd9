import Redis from 'ioredis';
import { createLogger } from '../../src/core/observability/logger';
import { RedisChannels } from '../../src/core/realtime/redis-channels';

/**
 * Listeners that arrive while the subscriber connection is still connecting: a SUBSCRIBE written
 * between the socket's connect and ioredis's ready check made Redis refuse the check's INFO, and
 * every board subscription of that moment failed (CI, on a quiet machine).
 */
describe('realtime channels', () => {
  const url = process.env['ONEDOOR_TEST_REDIS_URL']!;
  const prefix = `${process.env['ONEDOOR_TEST_REDIS_PREFIX']}:channels`;

  it('takes every listener that arrives while the subscriber connection is being opened', async () => {
    const log = createLogger('silent');
    for (let round = 0; round < 10; round++) {
      const pub = new Redis(url, { lazyConnect: false });
      const channels = new RedisChannels(pub, log);
      try {
        // One listener now, then one more on every turn of the event loop until the first is live:
        // some of them land in each state of the new connection.
        const pending: Promise<unknown>[] = [];
        let settled = false;
        const first = channels.listen(`${prefix}:${round}:0`, () => undefined);
        pending.push(first);
        void first.finally(() => (settled = true)).catch(() => undefined);
        for (let i = 1; !settled && i < 2000; i++) {
          pending.push(channels.listen(`${prefix}:${round}:${i}`, () => undefined));
          await new Promise((r) => setImmediate(r));
        }
        const outcomes = await Promise.allSettled(pending);
        expect(
          outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason)),
        ).toEqual([]);
      } finally {
        await channels.close();
        pub.disconnect();
      }
    }
  });
});
