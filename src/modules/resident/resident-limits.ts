import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../../core/errors/errors';
import type { MessageId } from '../../shared/message-ref';

export interface ResidentLimitSettings {
  codesPerPhonePerHour: number;
  codesPerIpPerHour: number;
  codesPerTenantPerHour: number;
  reportsPerPhonePerDay: number;
  reportsPerIpPerDay: number;
  reportsPerTenantPerDay: number;
  /** case lookups by number per session in 10 minutes: a guessing loop runs into it */
  lookupsPerSession: number;
}

type Kind = 'code' | 'report' | 'lookup';

/** How long to wait, in the unit a person would say: minutes up to an hour and a half, then hours. */
const wait = (ms: number) => {
  const minutes = Math.ceil(ms / 60_000);
  return minutes > 90 ? { n: Math.ceil(minutes / 60), inHours: 'yes' } : { n: minutes, inHours: 'no' };
};

const MESSAGES: Record<Kind, MessageId> = {
  code: 'resident.rateLimited.code',
  report: 'resident.rateLimited.report',
  lookup: 'resident.rateLimited.lookup',
};

/**
 * Fixed-window counters in Redis (rate-limiter-flexible), shared by every API replica: per phone,
 * per client IP and per tenant for sign-in codes and reports, per session for case lookups.
 * All windows of an action are charged together; the first that is full refuses with a catalogue
 * message, in the request's language, saying when to come back (top-level RATE_LIMITED, HTTP 429).
 */
export class ResidentLimits {
  private readonly limiters: Record<string, RateLimiterRedis>;

  constructor(redis: Redis, prefix: string, s: ResidentLimitSettings) {
    const make = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:resident:rl:${name}`, points, duration });
    const HOUR = 3600;
    const DAY = 86_400;
    this.limiters = {
      'code:phone': make('code-phone', s.codesPerPhonePerHour, HOUR),
      'code:ip': make('code-ip', s.codesPerIpPerHour, HOUR),
      'code:tenant': make('code-tenant', s.codesPerTenantPerHour, HOUR),
      'report:phone': make('report-phone', s.reportsPerPhonePerDay, DAY),
      'report:ip': make('report-ip', s.reportsPerIpPerDay, DAY),
      'report:tenant': make('report-tenant', s.reportsPerTenantPerDay, DAY),
      'lookup:session': make('lookup-session', s.lookupsPerSession, 600),
    };
  }

  /** Charges one attempt to each key; throws RATE_LIMITED when any window is full. */
  async consume(
    kind: Kind,
    keys: Partial<Record<'phone' | 'ip' | 'tenant' | 'session', string | null>>,
  ): Promise<void> {
    for (const [scope, key] of Object.entries(keys)) {
      const limiter = this.limiters[`${kind}:${scope}`];
      if (!limiter || !key) continue;
      try {
        await limiter.consume(key);
      } catch (e) {
        if (e instanceof RateLimiterRes)
          throw rateLimited({ id: MESSAGES[kind], values: wait(e.msBeforeNext) }, Math.ceil(e.msBeforeNext / 1000));
        throw e;
      }
    }
  }
}
