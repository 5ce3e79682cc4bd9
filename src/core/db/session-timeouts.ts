import type { Options } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config';

/**
 * Bounds on every session of the app role (API and workers), so a frozen or overloaded database
 * costs a request at most these times instead of as long as the freeze lasts.
 */
export interface SessionTimeouts {
  /** server-side `statement_timeout`, and the client's own read timeout for a server that cannot answer */
  statementMs: number;
  /** `lock_timeout`: how long a statement waits for a row or table lock */
  lockMs: number;
  /** `idle_in_transaction_session_timeout`: a transaction left open by a stuck process is ended */
  idleInTransactionMs: number;
  /** waiting for a pooled connection, and for a new one to be established */
  acquireMs: number;
}

export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = {
  statementMs: 30_000,
  lockMs: 10_000,
  idleInTransactionMs: 60_000,
  acquireMs: 10_000,
};

export function sessionTimeouts(config: Config): SessionTimeouts {
  return {
    statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    lockMs: config.DATABASE_LOCK_TIMEOUT_MS,
    idleInTransactionMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    acquireMs: config.DATABASE_ACQUIRE_TIMEOUT_MS,
  };
}

/** node-postgres' message when its own `query_timeout` fires. */
const READ_TIMEOUT = 'Query read timeout';

type Callback = (err: Error | null, res?: unknown) => void;
interface PgClient {
  query: (...args: unknown[]) => unknown;
  connection?: { stream?: { destroy(): void } };
}

/**
 * After node-postgres gives up waiting (the server is frozen or the network is gone), the timed-out
 * statement still occupies the connection and every later one (the rollback, the next request
 * that borrows it) would queue behind it for another full timeout. Closing the socket fails them
 * at once, and the pool discards the connection (knex marks it disposed on its `end` event).
 */
function closeOnReadTimeout(conn: PgClient, done: (err: Error | null, conn: unknown) => void): void {
  const query = conn.query.bind(conn);
  conn.query = (...args: unknown[]) => {
    const cb = args[args.length - 1];
    if (typeof cb === 'function') {
      args[args.length - 1] = ((err, res) => {
        if (err?.message === READ_TIMEOUT) conn.connection?.stream?.destroy();
        (cb as Callback)(err, res);
      }) satisfies Callback;
    }
    return query(...args);
  };
  done(null, conn);
}

/** Connection and pool options that apply the timeouts (merged into the ORM's options). */
export function timeoutOptions(t: SessionTimeouts): Pick<Options, 'driverOptions'> & { pool: Record<string, unknown> } {
  return {
    driverOptions: {
      // Startup parameters: they hold for the whole session, so no statement can forget them.
      connection: {
        statement_timeout: t.statementMs,
        lock_timeout: t.lockMs,
        idle_in_transaction_session_timeout: t.idleInTransactionMs,
        // A frozen server cannot enforce its statement_timeout; the client stops waiting at the same mark.
        query_timeout: t.statementMs,
        connectionTimeoutMillis: t.acquireMs,
      },
      acquireConnectionTimeout: t.acquireMs,
    },
    pool: { acquireTimeoutMillis: t.acquireMs, createTimeoutMillis: t.acquireMs, afterCreate: closeOnReadTimeout },
  };
}
