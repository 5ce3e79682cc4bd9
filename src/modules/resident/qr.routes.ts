import { negotiateLocale } from '../../core/i18n/locale';
import { render, t } from '../../core/i18n/translate';
import { I18N_EXTENSION } from '../../core/errors/errors';
import { enumListArg, type MessageRef } from '../../shared/message-ref';
import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { authenticate, type AuthOptions } from '../../core/auth/authenticate';
import type { TokenVerifier } from '../../core/auth/token-verifier';
import type { Logger } from '../../core/observability/logger';
import { TenantUnitOfWork } from '../../core/tenancy/tenant-tx';
import { isUuid } from '../../shared/ids';
import type { Services } from '../../services';
import { READ_ROLES } from '../case/case.states';
import { contentDisposition } from '../export/export.routes';
import { qrPng, qrSvg } from './qr-code';
import { residentPageUrl } from './resident-staff.resolver';
import { DevSmsSender } from './sms/dev-sms';

export interface QrRouteDeps {
  services: Services;
  verifier: TokenVerifier;
  authOpts: AuthOptions;
  log: Logger;
}

const FILE_RE = /^([0-9a-f-]{36})\.(svg|png)$/i;
const STAFF_ROLES = READ_ROLES.filter((r) => r !== 'intake-system');

function refuse(res: Response, status: number, code: string, message: string): void {
  if (status === 401) res.setHeader('www-authenticate', 'Bearer');
  res.status(status).json({ error: { code, message } });
}

/**
 * `GET /qr/<tenant code>/<org unit id>.svg|png`: the unit's printable code for staff (a staff
 * token of that tenant). The tenant comes from the path and must be the token's; the unit is read
 * in the tenant's own transaction (RLS), so another tenant's unit is simply not found.
 */
export function qrRoutes(deps: QrRouteDeps): Router {
  const { services, verifier, authOpts, log } = deps;
  const router = Router();
  router.get('/:tenant/:file', async (req: Request, res: Response) => {
    const reqId = res.locals['reqId'] as string;
    const rlog = log.child({ reqId });
    const m = FILE_RE.exec(String(req.params['file']));
    const rs = services.resident;
    // Refusals in the caller's Accept-Language, as the export routes' are.
    const locale = negotiateLocale(req.headers['accept-language']);
    if (!rs) return refuse(res, 404, 'NOT_FOUND', t(locale, 'qr.residentsOff'));
    if (!m || !isUuid(m[1]!))
      return refuse(
        res,
        404,
        'NOT_FOUND',
        t(locale, 'qr.usage', { pattern: '/qr/<tenant code>/<org unit id>.svg|.png' }),
      );
    let auth;
    try {
      req.headers['x-tenant-id'] = String(req.params['tenant']);
      auth = await authenticate(req, verifier, services.tenantDirectory, authOpts, rlog);
    } catch (e) {
      if (!(e instanceof GraphQLError)) throw e;
      const ext = e.extensions as { code?: string; http?: { status?: number } };
      const ref = e.extensions[I18N_EXTENSION] as MessageRef | undefined;
      return refuse(res, ext.http?.status ?? 401, ext.code ?? 'UNAUTHENTICATED', ref ? render(locale, ref) : e.message);
    }
    const { tenant, viewer } = auth;
    if (!tenant) return refuse(res, 403, 'FORBIDDEN', t(locale, 'error.tenantNotInToken'));
    if (!STAFF_ROLES.some((r) => viewer.roles.has(r)))
      return refuse(
        res,
        403,
        'FORBIDDEN',
        t(locale, 'error.requiresRole', { roles: enumListArg('Role', STAFF_ROLES) }),
      );
    const uow = new TenantUnitOfWork(services.orm, tenant.id, rlog);
    const actor = { subject: viewer.subject, requestId: reqId, ip: req.ip ?? null };
    const unit = await uow.run(async () => services.orgUnits.find(await uow.scope(tenant, actor, viewer), m[1]!));
    if (!unit || unit.archivedAt) return refuse(res, 404, 'NOT_FOUND', t(locale, 'qr.noSuchUnit'));
    const svg = qrSvg(
      residentPageUrl(rs.pageUrl, tenant.code, unit.id),
      unit.name,
      '扫码反映纠纷 · 查询进度 · 预约调解',
    );
    const format = m[2]!.toLowerCase();
    res.setHeader('content-disposition', contentDisposition(`${unit.name}-二维码.${format}`));
    res.setHeader('cache-control', 'private, max-age=300');
    if (format === 'svg') res.type('image/svg+xml').send(svg);
    else res.type('image/png').send(await qrPng(svg));
  });
  return router;
}

/** Development only: the messages the dev SMS sender kept, newest first (`?phone=` for one number). */
export function devSmsInboxRoute(services: Services): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const sms = services.resident?.sms;
    if (!(sms instanceof DevSmsSender))
      return refuse(res, 404, 'NOT_FOUND', 'The dev SMS inbox exists only with SMS_PROVIDER=dev');
    const phone = typeof req.query['phone'] === 'string' ? req.query['phone'] : undefined;
    res.json({ messages: sms.messages(phone) });
  });
  return router;
}
