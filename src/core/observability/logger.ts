import pino from 'pino';

/**
 * JSON logs. Fields carry ids only (reqId, tenantId, userId): never names, phones or ID numbers.
 * The redact list is a second line of defence for objects logged whole by mistake.
 */
/**
 * Driver errors quote the failing SQL with its values inlined (a party's phone in an insert).
 * Logs keep the statement's shape and drop every quoted literal.
 */
export function scrubSql(text: string): string {
  return text.replace(/'(?:[^']|'')*'/g, "'…'");
}

function errSerializer(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: scrubSql(String(e)) };
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
