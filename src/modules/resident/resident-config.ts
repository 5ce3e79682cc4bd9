import type { Redis } from 'ioredis';
import type { Config } from '../../config/config';
import type { Logger } from '../../core/observability/logger';
import type { ResidentOptions } from './resident.module';
import { smsSenderFrom } from './sms/sms-setup';

/** Resident options from the configuration, or null (with a warning) when residents stay off. */
export function residentOptionsFrom(config: Config, redis: Redis, log: Logger): ResidentOptions | null {
  const sms = smsSenderFrom(config, log);
  if (!sms) {
    log.warn('resident sign-in is off: set SMS_PROVIDER (and RESIDENT_TOKEN_SECRET) to serve residents');
    return null;
  }
  const base = config.PUBLIC_URL?.replace(/\/+$/, '') ?? `http://127.0.0.1:${config.PORT}`;
  return {
    redis,
    prefix: config.REDIS_PREFIX,
    sms,
    tokenSecret: config.RESIDENT_TOKEN_SECRET ?? null,
    tokenTtlSeconds: config.RESIDENT_TOKEN_TTL_SECONDS,
    codes: {
      ttlSeconds: config.RESIDENT_CODE_TTL_SECONDS,
      maxAttempts: config.RESIDENT_CODE_MAX_ATTEMPTS,
      lockSeconds: config.RESIDENT_LOCK_SECONDS,
    },
    limits: {
      codesPerPhonePerHour: config.RESIDENT_CODES_PER_PHONE_PER_HOUR,
      codesPerIpPerHour: config.RESIDENT_CODES_PER_IP_PER_HOUR,
      codesPerTenantPerHour: config.RESIDENT_CODES_PER_TENANT_PER_HOUR,
      reportsPerPhonePerDay: config.RESIDENT_REPORTS_PER_PHONE_PER_DAY,
      reportsPerIpPerDay: config.RESIDENT_REPORTS_PER_IP_PER_DAY,
      reportsPerTenantPerDay: config.RESIDENT_REPORTS_PER_TENANT_PER_DAY,
      lookupsPerSession: config.RESIDENT_LOOKUPS_PER_SESSION,
    },
    pageUrl: config.RESIDENT_PAGE_URL ?? `${base}/r`,
    log,
  };
}
