import type { Express, NextFunction, Request, Response } from 'express';
import type { Logger } from '../observability/logger';
import { negotiateLocale } from '../i18n/locale';
import { t, type MessageId } from '../i18n/translate';
import { isServiceUnavailable, RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from '../errors/unavailable';

/**
 * Every HTTP error outside Apollo (bodies that do not parse, unknown paths, anything a route
 * passes to `next(err)`) answers in the API's JSON error shape, `{ errors: [{ message,
 * extensions: { code } }] }`, instead of Express's default handler, which prints the error with
 * the raw body to stderr and, in development, answers an HTML page with a stack trace. The
 * message reads in the Accept-Language of the request (no token is read here, so no saved choice).
 */

interface BodyParserError {
  type?: unknown;
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
}

/** body-parser's failures (`err.type`), answered with fixed messages: theirs can quote the body. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: MessageId }> = {
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'http.notJson' },
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'http.tooLarge' },
  'entity.verify.failed': { status: 400, code: 'BAD_REQUEST', message: 'http.refused' },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: 'http.cutShort' },
  'request.size.invalid': { status: 400, code: 'BAD_REQUEST', message: 'http.lengthMismatch' },
  'stream.encoding.set': { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'error.internal' },
  'parameters.too.many': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'http.tooManyParams' },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'http.charset' },
  'encoding.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'http.encoding' },
};

export function sendError(res: Response, status: number, code: string, message: string, extra = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

const words = (req: Request, id: MessageId, values?: Record<string, string>) =>
  t(negotiateLocale(req.headers['accept-language']), id, values);

export function notFound(req: Request, res: Response): void {
  sendError(res, 404, 'NOT_FOUND', words(req, 'http.noSuchPath', { path: '/graphql' }));
}

export function errorHandler(log: Logger) {
  // Express recognises an error handler by its four parameters.
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const reqId = res.locals['reqId'] as string | undefined;
    if (res.headersSent) {
      // Too late for an answer: cut the response short rather than append to it.
      log.warn({ reqId, path: req.path }, 'error after the response started; connection closed');
      res.destroy();
      return;
    }
    const e = (err ?? {}) as BodyParserError;
    const known = typeof e.type === 'string' ? BODY_ERRORS[e.type] : undefined;
    if (known) {
      // Only the kind of failure: the error's message and `body` carry the request's own bytes.
      log.info({ reqId, path: req.path, type: e.type, status: known.status }, 'request body refused');
      sendError(res, known.status, known.code, words(req, known.message));
      return;
    }
    if (isServiceUnavailable(err)) {
      log.warn({ reqId, path: req.path, err }, 'dependency unavailable');
      res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      sendError(res, 503, SERVICE_UNAVAILABLE, words(req, 'error.unavailable'));
      return;
    }
    const status = Number(e.status ?? e.statusCode);
    if (status >= 400 && status < 500) {
      // http-errors from Express itself (e.g. a malformed URI): a client fault with no body in it.
      log.info({ reqId, path: req.path, status }, 'request refused');
      sendError(res, status, 'BAD_REQUEST', words(req, 'http.badRequest'));
      return;
    }
    log.error({ reqId, path: req.path, err }, 'http internal error');
    sendError(res, 500, 'INTERNAL_SERVER_ERROR', words(req, 'error.internal'), reqId ? { requestId: reqId } : {});
  };
}

/** Last in the chain: after every route. */
export function installHttpErrorHandlers(app: Express, log: Logger): void {
  app.use(notFound);
  app.use(errorHandler(log));
}
