import 'reflect-metadata';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type NextFunction } from 'express';
import { apolloHandler } from './core/graphql/express-handler';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Redis } from 'ioredis';
import type { Config } from './config/config';
import type { Logger } from './core/observability/logger';
import { Metrics } from './core/observability/metrics';
import { tagTenant } from './core/observability/tracing';
import { poolStats } from './core/db/orm';
import type { TokenVerifier } from './core/auth/token-verifier';
import { authenticate, authenticateCredentials } from './core/auth/authenticate';
import { LOCAL_ISSUER_BASE_PATH, LOCAL_REALM, type LocalIssuer } from './core/auth/local-issuer';
import { TenantUnitOfWork } from './core/tenancy/tenant-tx';
import type { RequestContext } from './core/graphql/context';
import { getSchema } from './core/graphql/schema';
import { queryLimitsPlugin } from './core/graphql/limits';
import { observabilityPlugin, serviceUnavailablePlugin, unitOfWorkPlugin } from './core/graphql/plugins';
import { formatError } from './core/graphql/format-error';
import { isServiceUnavailable, serviceUnavailable } from './core/errors/unavailable';
import type { Services } from './services';
import { exportRoutes } from './modules/export/export.routes';
import { attachGraphqlWs } from './core/realtime/graphql-ws';
import { adoptLocale, chooseLocale, negotiateLocale, runInLocale } from './core/i18n/locale';
import { installHttpErrorHandlers } from './core/http/http-errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { consoleRoutes, securityHeaders } from './core/http/console';
import { devSignInRoutes } from './dev/dev-sign-in';
import { audiencePlugin } from './core/graphql/audience';
import { ANONYMOUS_FIELDS, RESIDENT_FIELDS } from './modules/resident/resident.resolver';
import { devSmsInboxRoute, qrRoutes } from './modules/resident/qr.routes';

export interface AppDeps {
  config: Config;
  services: Services;
  redis: Redis;
  verifier: TokenVerifier;
  log: Logger;
  /** served at /local-issuer/realms/onedoor/... in development only */
  localIssuer?: LocalIssuer;
}

export interface App {
  server: http.Server;
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

const REQ_ID_RE = /^[A-Za-z0-9._-]{1,64}$/;
const KNOWN_ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<T>((_, rej) => (timer = setTimeout(() => rej(new Error('timeout')), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { config, services, redis, verifier, log } = deps;
  const metrics = new Metrics(() => poolStats(services.orm));
  const app = express();
  const server = http.createServer(app);
  app.disable('x-powered-by');
  // No ETag on API answers: a POST's answer is never revalidated, and hashing each body cost CPU per request.
  app.set('etag', false);
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');

  app.use((req: Request, res: Response, next: NextFunction) => {
    const given = req.headers['x-request-id'];
    const reqId = typeof given === 'string' && REQ_ID_RE.test(given) ? given : randomUUID();
    res.locals['reqId'] = reqId;
    res.setHeader('x-request-id', reqId);
    const end = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      // A fixed set of labels: a raw path label would let any client grow the metric without bound.
      const path = req.originalUrl.split('?')[0] ?? '';
      end({
        route: KNOWN_ROUTES.has(path)
          ? path
          : path.startsWith('/exports/')
            ? '/exports'
            : path.startsWith('/qr/')
              ? '/qr'
              : 'other',
        status: String(res.statusCode),
      });
    });
    next();
  });

  app.use(securityHeaders(config));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.allSettled([
      within(2000, services.orm.em.getConnection().execute('select 1')),
      within(2000, redis.ping()),
    ]);
    const [db, rd] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : 'unavailable'));
    res.status(db === 'ok' && rd === 'ok' ? 200 : 503).json({ database: db, redis: rd });
  });

  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });

  if (deps.localIssuer) {
    const li = deps.localIssuer;
    const base = `${LOCAL_ISSUER_BASE_PATH}/realms/${LOCAL_REALM}`;
    app.get(`${base}/protocol/openid-connect/certs`, (_req, res) => {
      res.json(li.jwks());
    });
    app.get(`${base}/.well-known/openid-configuration`, (_req, res) => {
      res.json(li.openidConfiguration());
    });
    app.use('/dev-auth', devSignInRoutes(li, services.tenantDirectory));
  }

  const schema = await getSchema();
  const limits = {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxCost: config.GRAPHQL_MAX_COST,
  };
  const authOpts = { clientId: config.KEYCLOAK_CLIENT_ID, tenantClaim: config.AUTH_TENANT_CLAIM };
  // Subscriptions: WebSocket upgrades of /graphql, authenticated and limited as HTTP operations are.
  const ws = attachGraphqlWs({
    server,
    path: '/graphql',
    schema,
    services,
    limits,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
    production: config.isProduction,
    maxConnections: config.WS_MAX_CONNECTIONS,
    maxConnectionsPerUser: config.WS_MAX_CONNECTIONS_PER_USER,
    authenticate: (creds, clog) => authenticateCredentials(creds, verifier, services.tenantDirectory, authOpts, clog),
    formatError: formatError(config.isProduction),
    countError: (code) => metrics.graphqlErrors.inc({ code }),
    log,
  });
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // main.ts's onShutdown owns SIGTERM; Apollo's own handler racing it held every stop for 10 s.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    formatError: formatError(config.isProduction),
    // Compact, not Apollo's default two-space indentation: the console and feeds parse it, nobody
    // reads it raw, and indenting a page of cases cost about 2% of the request's CPU and a third of its bytes.
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Apollo's default landing page loads its scripts from public CDNs an intranet cannot reach.
      ApolloServerPluginLandingPageDisabled(),
      // No type or field sets a cache hint; the default plugin would still wrap every field resolution.
      ApolloServerPluginCacheControlDisabled(),
      ...ws.plugins,
      queryLimitsPlugin(limits),
      audiencePlugin({ anonymous: ANONYMOUS_FIELDS, resident: RESIDENT_FIELDS }),
      observabilityPlugin(metrics, log),
      unitOfWorkPlugin(),
      serviceUnavailablePlugin(),
    ],
  });
  await apollo.start();

  // CSV/XLSX files of case lists and other registered exports: streamed, so not through Apollo.
  app.use('/exports', exportRoutes({ services, verifier, authOpts, log }));
  // Residents (docs/resident.md): units' QR codes for staff; the dev SMS inbox outside production.
  app.use('/qr', qrRoutes({ services, verifier, authOpts, log }));
  if (!config.isProduction) app.use('/dev/sms-inbox', devSmsInboxRoute(services));
  // Resident session tokens (and no token at all, for the resident door) are known to /graphql only.
  const graphqlAuthOpts = { ...authOpts, residents: services.resident?.tokens };
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    // After the body parser: its callbacks run outside this chain, so the locale is set here, for
    // formatError and the plugins, which see no context (a refused token has none at all).
    (req: Request, _res: Response, next: NextFunction) => {
      runInLocale(negotiateLocale(req.headers['accept-language']), next);
    },
    apolloHandler(apollo, async ({ req, res }): Promise<RequestContext> => {
      const reqId = res.locals['reqId'] as string;
      const auth = await authenticate(
        req,
        verifier,
        services.tenantDirectory,
        graphqlAuthOpts,
        log.child({ reqId }),
      ).catch((e: unknown) => {
        // Refusals at the door never reach Apollo's error hooks; count them here.
        const err = isServiceUnavailable(e) ? serviceUnavailable(e as Error) : e;
        metrics.graphqlErrors.inc({
          code: String((err as { extensions?: { code?: string } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
        });
        throw err;
      });
      const reqLog = log.child({ reqId, tenantId: auth.tenant?.id, userId: auth.viewer.subject });
      tagTenant(auth.tenant?.code);
      const uow = auth.tenant ? new TenantUnitOfWork(services.orm, auth.tenant.id, reqLog) : null;
      // The person's saved language outranks the browser's (core/i18n/locale.ts, chooseLocale). Read
      // in the operation's own transaction; when that cannot open, the operation reports why.
      const saved =
        uow && !auth.viewer.resident
          ? await services.localePreferences
              .preferred(uow.tenantId, auth.viewer.subject, uow.read)
              .catch((err: unknown) => {
                reqLog.debug({ err }, 'saved language not read');
                return null;
              })
          : null;
      const locale = chooseLocale(null, saved, negotiateLocale(req.headers['accept-language']));
      adoptLocale(locale);
      return { reqId, ip: req.ip ?? null, ...auth, uow, log: reqLog, services, loaders: new Map(), locale };
    }),
  );
  // The console's pages (SPA fallback) before the JSON 404 and error handlers.
  app.use(consoleRoutes(config, !!deps.localIssuer));
  installHttpErrorHandlers(app, log);

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address();
          resolve(
            typeof addr === 'object' && addr
              ? `http://${host && host !== '0.0.0.0' ? host : '127.0.0.1'}:${addr.port}`
              : String(addr),
          );
        });
      }),
    // Apollo's drain plugins stop new connections, wait for in-flight operations and close WebSockets.
    stop: () => apollo.stop(),
  };
}
