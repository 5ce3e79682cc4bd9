import pino from 'pino';
import { scrubSql } from '../../shared/sql-text';

/**
 * JSON logs. Fields carry ids only (reqId, tenantId, userId): never names, phones or ID numbers.
 * The redact list is a second line of defence for objects logged whole by mistake.
 */
export { scrubSql };

/** Fields of a PostgreSQL error that name things, never values. Message, detail, hint and where can quote values. */
const DB_ERROR_FIELDS = ['code', 'severity', 'routine', 'schema', 'table', 'column', 'constraint', 'dataType'] as const;

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * A PostgreSQL error as node-postgres raises it, or as MikroORM wraps it (DriverException copies its
 * fields): it has a SQLSTATE, or the server's severity and routine.
 */
function isDatabaseError(e: object): boolean {
  const o = e as { code?: unknown; severity?: unknown; routine?: unknown };
  return (typeof o.code === 'string' && SQLSTATE.test(o.code)) || (o.severity !== undefined && o.routine !== undefined);
}

/** Errors from another realm (node internals seen from a test sandbox) fail `instanceof Error`. */
function isErrorLike(e: unknown): e is Error {
  return (
    e instanceof Error || (!!e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string')
  );
}

/** The chain an error wraps (GraphQLError's originalError, Error.cause), outermost first. */
function chain(e: Error): Error[] {
  const out: Error[] = [];
  for (let cur: unknown = e; isErrorLike(cur) && !out.includes(cur) && out.length < 6;) {
    out.push(cur);
    const o = cur as { originalError?: unknown; thrownValue?: unknown };
    cur = o.originalError ?? cur.cause ?? o.thrownValue;
  }
  return out;
}

/** Stack frames only: the first lines of a stack repeat the message. */
const frames = (stack: string | undefined) =>
  stack
    ?.split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .join('\n');

/**
 * Database errors are logged by allow-list: PostgreSQL puts the offending value in the message
 * (`invalid input syntax for type uuid: "…"`) and the detail (`Key (phone)=(…) already exists`),
 * in forms no pattern catches reliably. Code, table, constraint and column say what went wrong.
 */
function errSerializer(e: unknown): Record<string, unknown> {
  if (!isErrorLike(e)) return { message: scrubSql(String(e)) };
  const db = chain(e).find(isDatabaseError);
  if (db) {
    const fields: Record<string, unknown> = { type: e.name, dbError: db.name };
    for (const k of DB_ERROR_FIELDS) {
      const v = (db as unknown as Record<string, unknown>)[k];
      if (typeof v === 'string' && v) fields[k] = v;
    }
    return { ...fields, stack: frames(db.stack) };
  }
  const code = (e as { code?: unknown }).code;
  return {
    type: e.name,
    message: scrubSql(e.message),
    ...(code ? { code } : {}),
    stack: e.stack ? scrubSql(e.stack) : undefined,
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      serializers: { err: errSerializer },
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['*.authorization', 'req.headers.authorization', '*.password', '*.idNumber', '*.phone', '*.token'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export type Logger = pino.Logger;
