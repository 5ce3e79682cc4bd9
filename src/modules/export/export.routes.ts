import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { authenticate, type AuthOptions } from '../../core/auth/authenticate';
import type { TokenVerifier } from '../../core/auth/token-verifier';
import type { Logger } from '../../core/observability/logger';
import { localDateOf } from '../../core/calendar/local-date';
import type { Services } from '../../services';
import { isServiceUnavailable, RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from '../../core/errors/unavailable';
import { ExportParamError, ExportQuery } from './export-query';
import { CONTENT_TYPES } from './export.service';
import { EXPORT_FORMATS, EXPORT_LANGS, type ExportFormat } from './export.types';
import { I18N_EXTENSION } from '../../core/errors/errors';
import { chooseLocale, negotiateLocale, type Locale } from '../../core/i18n/locale';
import { readInTenant } from '../../core/db/tenant-read';
import { render, t } from '../../core/i18n/translate';
import { enumListArg, listArg, type MessageRef } from '../../shared/message-ref';

export interface ExportRouteDeps {
  services: Services;
  verifier: TokenVerifier;
  authOpts: AuthOptions;
  log: Logger;
  /** a client that takes no bytes for this long is cut off, freeing its export slot */
  idleTimeoutMs?: number;
}

const FILE_RE = /^([a-z][a-z0-9-]*)\.([a-z]+)$/;

function refuse(res: Response, status: number, code: string, message: string): void {
  if (status === 401) res.setHeader('www-authenticate', 'Bearer');
  res.status(status).json({ error: { code, message } });
}

/** A failure before the first byte: 503 when the database or Redis is away (retry), else a masked 500. */
function refuseFailure(res: Response, e: unknown, reqId: string, locale: Locale): void {
  if (isServiceUnavailable(e)) {
    res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    refuse(res, 503, SERVICE_UNAVAILABLE, t(locale, 'error.unavailable'));
  } else refuse(res, 500, 'INTERNAL_SERVER_ERROR', t(locale, 'http.internalWithId', { requestId: reqId }));
}

/** RFC 6266 with an ASCII fallback and the exact name in RFC 5987 `filename*`. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * `GET /exports/<name>.<csv|xlsx>?<provider's parameters>&lang=zh|en`: files rather than GraphQL,
 * because a 100,000-row answer must be streamed, not built. The same token, tenant choice
 * (X-Tenant-Id) and 401/403 answers as /graphql; errors found before the first byte are JSON
 * `{ error: { code, message } }`, a failure after it cuts the download short.
 */
export function exportRoutes(deps: ExportRouteDeps): Router {
  const { services, verifier, authOpts, log } = deps;
  const idleMs = deps.idleTimeoutMs ?? 120_000;
  const router = Router();

  router.get('/:file', async (req: Request, res: Response) => {
    const reqId = res.locals['reqId'] as string;
    // Refusals read in the caller's language; so does the file, unless `lang` names another.
    let locale = negotiateLocale(req.headers['accept-language']);
    const m = FILE_RE.exec(String(req.params['file']));
    const provider = m ? services.exports.registry.get(m[1]!) : null;
    if (!m || !provider || !(EXPORT_FORMATS as readonly string[]).includes(m[2]!)) {
      const files = services.exports.registry.names().flatMap((n) => [`${n}.csv`, `${n}.xlsx`]);
      refuse(res, 404, 'NOT_FOUND', t(locale, 'export.noSuchExport', { files: listArg(files) }));
      return;
    }
    const [, name, format] = m as unknown as [string, string, ExportFormat];
    const rlog = log.child({ reqId });

    let auth;
    try {
      auth = await authenticate(req, verifier, services.tenantDirectory, authOpts, rlog);
    } catch (e) {
      if (e instanceof GraphQLError) {
        const ext = e.extensions as { code?: string; http?: { status?: number } };
        const ref = e.extensions[I18N_EXTENSION] as MessageRef | undefined;
        refuse(res, ext.http?.status ?? 401, ext.code ?? 'UNAUTHENTICATED', ref ? render(locale, ref) : e.message);
      } else {
        if (isServiceUnavailable(e)) rlog.warn({ err: e }, 'export: dependency unavailable');
        else rlog.error({ err: e }, 'export: authentication failed');
        refuseFailure(res, e, reqId, locale);
      }
      return;
    }
    const { viewer, tenant } = auth;
    if (!tenant) {
      refuse(
        res,
        403,
        'FORBIDDEN',
        t(locale, auth.allowedTenants.length > 1 ? 'error.severalTenants' : 'error.noTenant'),
      );
      return;
    }
    if (!provider.roles.some((r) => viewer.roles.has(r))) {
      refuse(res, 403, 'FORBIDDEN', t(locale, 'error.requiresRole', { roles: enumListArg('Role', provider.roles) }));
      return;
    }

    if (!viewer.resident) {
      const saved = await services.localePreferences
        .preferred(tenant.id, viewer.subject, (sql, params) => readInTenant(services.orm, tenant.id, sql, params))
        .catch((err: unknown) => {
          rlog.debug({ err }, 'export: saved language not read');
          return null;
        });
      locale = chooseLocale(null, saved, locale);
    }

    let params: unknown;
    let lang;
    try {
      const q = new ExportQuery(new URL(req.originalUrl, 'http://localhost').searchParams);
      lang = q.oneOf('lang', EXPORT_LANGS) ?? (locale === 'en' ? 'en' : 'zh');
      params = provider.parse(q, tenant);
      const unread = q.unread();
      if (unread.length)
        throw new ExportParamError(unread[0]!, {
          id: 'export.unknownParams',
          values: { names: listArg(unread.map((u) => u.slice(0, 40))) },
        });
    } catch (e) {
      if (e instanceof ExportParamError) refuse(res, 400, 'BAD_USER_INPUT', e.ref ? render(locale, e.ref) : e.message);
      else {
        rlog.error({ err: e, export: name }, 'export: reading the parameters failed');
        refuse(res, 500, 'INTERNAL_SERVER_ERROR', t(locale, 'http.internalWithId', { requestId: reqId }));
      }
      return;
    }

    const release = services.exports.acquire();
    if (!release) {
      res.setHeader('retry-after', '30');
      refuse(res, 429, 'TOO_MANY_EXPORTS', t(locale, 'export.tooMany'));
      return;
    }
    const started = performance.now();
    const elog = rlog.child({ tenantId: tenant.id, userId: viewer.subject });
    try {
      const actor = { subject: viewer.subject, requestId: reqId, ip: req.ip ?? null };
      const request = { name, provider, params, tenant, format, lang, actor, viewer };
      const out = await services.exports.send(request, res, () => {
        const day = localDateOf(new Date(), tenant.timeZone).replaceAll('-', '');
        res.status(200);
        res.setHeader('content-type', CONTENT_TYPES[format]);
        res.setHeader('content-disposition', contentDisposition(`${name}-${tenant.code}-${day}.${format}`));
        res.setHeader('cache-control', 'no-store');
        res.setHeader('x-content-type-options', 'nosniff');
        res.setTimeout(idleMs, () => res.destroy(new Error('export client idle')));
      });
      const fields = {
        export: name,
        format,
        rows: out.rows,
        bytes: out.bytes,
        ms: Math.round(performance.now() - started),
      };
      if (out.auditError) elog.error({ err: out.auditError, export: name }, 'export: audit row not written');
      if (out.complete) elog.info(fields, 'export sent');
      else if (out.started) elog.warn({ ...fields, err: out.error }, 'export cut short');
      else if (out.error instanceof ExportParamError)
        refuse(res, 400, 'BAD_USER_INPUT', out.error.ref ? render(locale, out.error.ref) : out.error.message);
      else {
        if (isServiceUnavailable(out.error)) elog.warn({ ...fields, err: out.error }, 'export: dependency unavailable');
        else elog.error({ ...fields, err: out.error }, 'export failed');
        refuseFailure(res, out.error, reqId, locale);
      }
    } finally {
      release();
    }
  });

  return router;
}
