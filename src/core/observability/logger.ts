import pino from 'pino';

/**
 * JSON logs. Fields carry ids only (reqId, tenantId, userId): never names, phones or ID numbers.
 * The redact list is a second line of defence for objects logged whole by mistake.
 */
export function createLogger(level: string) {
  return pino({
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['*.authorization', 'req.headers.authorization', '*.password', '*.idNumber', '*.phone', '*.token'],
      censor: '[redacted]',
    },
  });
}

export type Logger = pino.Logger;
