import { GraphQLError } from 'graphql';

/**
 * The one place that decides whether an error means "a backing service (PostgreSQL, Redis) is down,
 * frozen or overloaded" — a condition the client should retry after a pause — rather than a bug.
 * Such errors answer HTTP 503 with `SERVICE_UNAVAILABLE` and `Retry-After`, over GraphQL and the
 * plain HTTP routes alike.
 */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
export const RETRY_AFTER_SECONDS = 5;
export const UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable; retry shortly';

export type Dependency = 'database' | 'redis';

/** Raised by our own deadlines on a dependency (e.g. a Redis call that would wait for a reconnect). */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: Dependency,
    what: string,
  ) {
    super(`${dependency} unavailable: ${what}`);
    this.name = 'DependencyUnavailableError';
  }
}

// Socket-level failures reaching either server.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// SQLSTATEs: class 08 (connection exception) by prefix, and these.
const PG_UNAVAILABLE = new Set([
  '57014', // query_canceled: statement_timeout passed
  '55P03', // lock_not_available: lock_timeout passed
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovery)
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
]);

// Driver and pool messages that carry no code.
const MESSAGES = [
  /Connection terminated/i, // node-postgres: server closed or connection timeout
  /Query read timeout/, // node-postgres: our query_timeout (server frozen)
  /timeout expired/, // node-postgres: connect timeout
  /Client was closed and is not queryable/,
  /Client has encountered a connection error and is not queryable/,
  /Connection ended unexpectedly/,
  /Timeout acquiring a connection/, // knex: pool acquire timeout
  /Connection is closed/, // ioredis
  /Stream isn't writeable/, // ioredis with the offline queue off
  /Reached the max retries per request limit/, // ioredis MaxRetriesPerRequestError
];

function causes(e: unknown): unknown[] {
  const out: unknown[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 6 && cur && typeof cur === 'object' && !out.includes(cur); i++) {
    out.push(cur);
    const o = cur as { originalError?: unknown; cause?: unknown; errors?: unknown; thrownValue?: unknown };
    // AggregateError (several addresses refused) counts when all of its parts do.
    if (Array.isArray(o.errors) && o.errors.length && o.errors.every((x) => isOne(x))) return [...out, o.errors[0]];
    // graphql-js wraps a thrown value that is no Error of this realm as NonErrorThrown.thrownValue.
    cur = o.originalError ?? o.cause ?? o.thrownValue;
  }
  return out;
}

function isOne(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  if (e instanceof DependencyUnavailableError) return true;
  const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || PG_UNAVAILABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (name === 'KnexTimeoutError' || name === 'MaxRetriesPerRequestError') return true;
  return typeof message === 'string' && MESSAGES.some((re) => re.test(message));
}

export function isServiceUnavailable(e: unknown): boolean {
  return causes(e).some(isOne);
}

/** The error a client sees; its message says nothing about which server failed or why. */
export function serviceUnavailable(originalError?: Error): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, {
    originalError,
    extensions: {
      code: SERVICE_UNAVAILABLE,
      http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    },
  });
}

/** Reject with DependencyUnavailableError when `p` takes longer than `ms`. */
export async function within<T>(ms: number, dependency: Dependency, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new DependencyUnavailableError(dependency, `${what} took over ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
