import { z } from 'zod';

/**
 * The one place that reads process.env. Everything else receives a Config.
 * Validation happens once at start so a bad deployment fails fast, naming the variable.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.url().optional(),

  DATABASE_URL: z.url().optional(),
  DATABASE_OWNER_URL: z.url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // Bounds on the app role's sessions (docs/operations.md, "Database timeouts"); milliseconds.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DEMO_DATA: bool.default(true),

  REDIS_URL: z.url().optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, _ and - only')
    .default('onedoor'),

  KEYCLOAK_REALM_URL: z.url().optional(),
  KEYCLOAK_CLIENT_ID: z.string().min(1).default('onedoor-api'),
  AUTH_TENANT_CLAIM: z.string().min(1).default('organization'),
  CONSOLE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  CONSOLE_DIR: z.string().default('web/dist'),
  AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  AUTH_JWKS_COOLDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(30),

  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(32).default(8),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(100).default(15),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).max(100000).default(5000),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(100000).default(2000),

  WS_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  WS_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).max(1000).default(10),

  // Residents (issue 19, docs/resident.md): sign-in codes, session tokens, SMS, rate limits.
  RESIDENT_PAGE_URL: z.url().optional(),
  RESIDENT_TOKEN_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  RESIDENT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
  RESIDENT_CODE_TTL_SECONDS: z.coerce.number().int().min(60).max(1800).default(300),
  RESIDENT_CODE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  RESIDENT_LOCK_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
  RESIDENT_CODES_PER_PHONE_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
  RESIDENT_CODES_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  RESIDENT_CODES_PER_TENANT_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(2000),
  RESIDENT_REPORTS_PER_PHONE_PER_DAY: z.coerce.number().int().min(1).max(1000).default(5),
  RESIDENT_REPORTS_PER_IP_PER_DAY: z.coerce.number().int().min(1).max(100_000).default(20),
  RESIDENT_REPORTS_PER_TENANT_PER_DAY: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  RESIDENT_LOOKUPS_PER_SESSION: z.coerce.number().int().min(1).max(10_000).default(20),
  // Unset: "dev" outside production; in production residents stay off until a provider is set.
  SMS_PROVIDER: z.enum(['dev', 'aliyun']).optional(),
  ALIYUN_SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
  ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
  ALIYUN_SMS_SIGN_NAME: z.string().min(1).optional(),
  ALIYUN_SMS_TEMPLATE_CODE: z.string().min(1).optional(),
  ALIYUN_SMS_TEMPLATE_BOOKING: z.string().min(1).optional(),
  ALIYUN_SMS_ENDPOINT: z.url().default('https://dysmsapi.aliyuncs.com/'),

  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(120).default(10),

  SLA_HORIZON_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 86_400)
    .default(48 * 3600),
  WORKER_LOCK_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** The workers' own /metrics port (0: not served). The chart sets 9464. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  FAULT_CHECKPOINT_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /** tests only: the application's tenant filter off, so a test shows RLS holds by itself */
  TEST_DISABLE_APP_TENANT_FILTER: bool.default(false),
});

export type Env = z.infer<typeof schema>;

/** Every variable the app reads; .env.example documents each (a test checks). */
export const CONFIG_KEYS = Object.keys(schema.shape);

export interface Config extends Env {
  isProduction: boolean;
  /** true when tokens come from the built-in development issuer instead of Keycloak */
  useLocalIssuer: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings in .env files mean "not set", not "set to empty".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const useLocalIssuer = !e.KEYCLOAK_REALM_URL;
  const problems: string[] = [];
  if (isProduction) {
    if (useLocalIssuer)
      problems.push(
        'KEYCLOAK_REALM_URL: required when NODE_ENV=production (the local development issuer is refused in production)',
      );
    if (!e.DATABASE_URL)
      problems.push('DATABASE_URL: required when NODE_ENV=production (no embedded PostgreSQL in production)');
    if (!e.REDIS_URL) problems.push('REDIS_URL: required when NODE_ENV=production');
    if (e.SMS_PROVIDER === 'dev')
      problems.push('SMS_PROVIDER: "dev" keeps codes in the server log and a dev inbox; never in production');
    if (e.SMS_PROVIDER && !e.RESIDENT_TOKEN_SECRET)
      problems.push(
        'RESIDENT_TOKEN_SECRET: required with SMS_PROVIDER in production (every replica verifies sessions)',
      );
    if (e.FAULT_CHECKPOINT_PAUSE_MS)
      problems.push('FAULT_CHECKPOINT_PAUSE_MS: a fault-injection setting for the crash tests; never in production');
  }
  if (e.TEST_DISABLE_APP_TENANT_FILTER && e.NODE_ENV !== 'test')
    problems.push(
      'TEST_DISABLE_APP_TENANT_FILTER: takes a wall of tenant isolation down; accepted only with NODE_ENV=test',
    );
  if (e.SMS_PROVIDER === 'aliyun') {
    for (const k of [
      'ALIYUN_SMS_ACCESS_KEY_ID',
      'ALIYUN_SMS_ACCESS_KEY_SECRET',
      'ALIYUN_SMS_SIGN_NAME',
      'ALIYUN_SMS_TEMPLATE_CODE',
      'ALIYUN_SMS_TEMPLATE_BOOKING',
    ] as const)
      if (!e[k]) problems.push(`${k}: required when SMS_PROVIDER=aliyun`);
  }
  if (problems.length) throw new ConfigError(problems);
  return { ...e, isProduction, useLocalIssuer };
}
