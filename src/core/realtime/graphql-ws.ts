import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { CloseCode } from 'graphql-ws';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Authenticated, Credentials } from '../auth/authenticate';
import type { RequestContext } from '../graphql/context';
import { refuseOperation, type QueryLimits } from '../graphql/limits';
import { I18N_EXTENSION, PUBLIC_ERROR_CODES, badUserInput, unauthenticated } from '../errors/errors';
import { render, t, type MessageId } from '../i18n/translate';
import type { MessageRef } from '../../shared/message-ref';
import type { Logger } from '../observability/logger';
import { isServiceUnavailable } from '../errors/unavailable';
import type { Services } from '../../services';
import { chooseLocale, DEFAULT_LOCALE, negotiateLocale, runInLocale, type Locale } from '../i18n/locale';
import { readInTenant } from '../db/tenant-read';

export interface GraphqlWsOptions {
  server: http.Server;
  path: string;
  schema: GraphQLSchema;
  services: Services;
  limits: QueryLimits;
  maxTokens: number;
  production: boolean;
  /** open sockets on this process; beyond it a new one closes with 1013 Try again later */
  maxConnections: number;
  /** open sockets of one person in one tenant on this process; beyond it 1008 Policy violation */
  maxConnectionsPerUser: number;
  /** the HTTP requests' verification and tenant resolution; rejects with UNAUTHENTICATED or FORBIDDEN */
  authenticate(creds: Credentials, log: Logger): Promise<Authenticated & { expiresAt: Date | null }>;
  formatError(e: GraphQLFormattedError): GraphQLFormattedError;
  /** counts every error sent, by code, as the HTTP path does */
  countError(code: string): void;
  log: Logger;
}

export interface GraphqlWsServer {
  /**
   * For Apollo: on stop, next to its HTTP drain, sockets are closed with 1001 Going away; and a
   * subscription sent over HTTP is refused (it would run as a query with no event to resolve).
   */
  plugins: ApolloServerPlugin<RequestContext>[];
  dispose(): Promise<void>;
}

interface Connection {
  id: string;
  /** tenant and subject, for the per-person cap */
  owner: string;
  auth: Authenticated;
  log: Logger;
  expiry: NodeJS.Timeout | null;
  locale: Locale;
}

/** A browser cannot send headers on a WebSocket: the same values come as connection parameters. */
function credentialsFrom(params: Readonly<Record<string, unknown>> | undefined): Credentials {
  const str = (...keys: string[]) => {
    for (const k of keys) if (typeof params?.[k] === 'string') return params[k];
    return undefined;
  };
  return { authorization: str('authorization', 'Authorization'), tenant: str('x-tenant-id', 'X-Tenant-Id') };
}

/** The connection parameter `accept-language` if the client sent one, else the upgrade request's header. */
function localeFrom(params: Readonly<Record<string, unknown>> | undefined, req: http.IncomingMessage): Locale {
  const given = params?.['accept-language'] ?? params?.['Accept-Language'];
  return negotiateLocale(typeof given === 'string' ? given : req.headers['accept-language']);
}

/** A subscriber's socket holds a few streams; more is a client bug or an attempt to hoard memory. */
const MAX_SUBSCRIPTIONS_PER_SOCKET = 10;
/** A subscribe message is a query and variables; the HTTP body limit is 1 MB. */
const MAX_MESSAGE_BYTES = 256 * 1024;
/** setTimeout's ceiling (~24.8 days); tokens expire long before. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A close frame's reason holds at most 123 bytes (a Chinese character takes 3): the short word,
 * then the refusal's own sentence when it fits, both in the connection's language.
 */
function closeReason(locale: Locale, prefix: MessageId, e: Error): string {
  const ref = (e as { extensions?: Record<string, unknown> }).extensions?.[I18N_EXTENSION] as MessageRef | undefined;
  const short = t(locale, prefix);
  const full = `${short} ${ref ? render(locale, ref) : locale === 'en' ? e.message : ''}`.trim();
  return Buffer.byteLength(full) <= 123 ? full : short;
}

const codeOf = (e: { extensions?: Record<string, unknown> }) =>
  String(e.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR');

/**
 * GraphQL subscriptions over WebSocket (graphql-transport-ws protocol) on the API's own HTTP
 * server and path. Authentication happens once, at `connection_init`, from the connection
 * parameters `authorization` ("Bearer <token>") and `x-tenant-id`, with the HTTP requests'
 * verifier and tenant rules: a bad token closes the socket with 4401, a tenant the token does
 * not list or a suspended one with 4403, and the socket closes with 4401 when the token expires.
 * Every operation passes the HTTP limits (tokens, depth, aliases, page size, cost); only
 * subscriptions are served here — queries and mutations keep their one transaction per
 * operation over HTTP.
 */
export function attachGraphqlWs(opts: GraphqlWsOptions): GraphqlWsServer {
  const { schema, services, limits, log } = opts;
  const rules = opts.production ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules;
  const wss = new WebSocketServer({ server: opts.server, path: opts.path, maxPayload: MAX_MESSAGE_BYTES });
  const perOwner = new Map<string, number>();
  const withCode = (e: GraphQLError, code: string) =>
    new GraphQLError(e.message, {
      nodes: e.nodes,
      source: e.source,
      positions: e.positions,
      path: e.path,
      extensions: { ...e.extensions, code },
    });

  const format = (errors: readonly GraphQLError[], conn: Connection | undefined): GraphQLFormattedError[] =>
    errors.map((e) => {
      const code = codeOf(e);
      opts.countError(code);
      if (!PUBLIC_ERROR_CODES.has(code))
        (conn?.log ?? log).error({ err: e.originalError ?? e, path: e.path }, 'graphql internal error (websocket)');
      return runInLocale(conn?.locale ?? DEFAULT_LOCALE, () => opts.formatError(e.toJSON()));
    });

  const server = useServer<Record<string, unknown>, { connection: Connection }>(
    {
      schema,
      isProd: opts.production,
      // A socket that never says who it is is closed (4408) instead of held open.
      connectionInitWaitTimeout: 5_000,

      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const id = randomUUID();
        const clog = log.child({ reqId: id });
        // Before the token is read, the connection's own language (its parameter, else the header).
        const header = localeFrom(ctx.connectionParams, ctx.extra.request);
        // Counted before authenticating: an overloaded process should not spend a token check on it.
        if (wss.clients.size > opts.maxConnections) {
          opts.countError('TOO_MANY_CONNECTIONS');
          socket.close(1013, t(header, 'ws.tooManyConnections'));
          return false;
        }
        try {
          const auth = await opts.authenticate(credentialsFrom(ctx.connectionParams), clog);
          // Read before counting the connection: no await between the per-person check and its count.
          const tenant = auth.tenant;
          const saved =
            tenant && !auth.viewer.resident
              ? await services.localePreferences
                  .preferred(tenant.id, auth.viewer.subject, (sql, params) =>
                    readInTenant(services.orm, tenant.id, sql, params),
                  )
                  .catch(() => null)
              : null;
          const locale = chooseLocale(null, saved, header);
          const owner = `${auth.tenant?.id ?? '-'}:${auth.viewer.subject}`;
          const held = perOwner.get(owner) ?? 0;
          if (held >= opts.maxConnectionsPerUser) {
            opts.countError('TOO_MANY_CONNECTIONS');
            clog.warn(
              { tenantId: auth.tenant?.id, userId: auth.viewer.subject, held },
              'websocket refused: too many connections for one person',
            );
            socket.close(1008, t(locale, 'ws.tooManyPerPerson', { max: opts.maxConnectionsPerUser }));
            return false;
          }
          perOwner.set(owner, held + 1);
          const conn: Connection = {
            id,
            owner,
            auth,
            log: log.child({ reqId: id, tenantId: auth.tenant?.id, userId: auth.viewer.subject }),
            expiry: null,
            locale,
          };
          if (auth.expiresAt) {
            conn.expiry = setTimeout(
              () => socket.close(CloseCode.Unauthorized, t(locale, 'ws.tokenExpired')),
              Math.min(Math.max(auth.expiresAt.getTime() - Date.now(), 0), MAX_TIMER_MS),
            );
            conn.expiry.unref();
          }
          ctx.extra.connection = conn;
          return true;
        } catch (e) {
          const code = e instanceof GraphQLError ? codeOf(e) : 'INTERNAL_SERVER_ERROR';
          opts.countError(code);
          if (code === 'UNAUTHENTICATED')
            socket.close(CloseCode.Unauthorized, closeReason(header, 'ws.unauthorized', e as Error));
          else if (code === 'FORBIDDEN')
            socket.close(CloseCode.Forbidden, closeReason(header, 'ws.forbidden', e as Error));
          else if (isServiceUnavailable(e)) {
            // The database behind the tenant lookup is away: try again later, as over capacity.
            clog.warn({ err: e }, 'websocket refused: dependency unavailable');
            socket.close(1013, t(header, 'ws.unavailable'));
          } else {
            clog.error({ err: e }, 'websocket authentication failed');
            socket.close(CloseCode.InternalServerError, t(header, 'error.internal'));
          }
          // graphql-ws then closes with 4403 too, which the socket ignores: the first close code stands.
          return false;
        }
      },

      onSubscribe: (ctx, id, payload) => {
        const conn = ctx.extra.connection;
        if (!conn) return [unauthenticated({ id: 'ws.notAuthenticated' })];
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [badUserInput({ id: 'ws.tooManySubscriptions', values: { max: MAX_SUBSCRIPTIONS_PER_SOCKET } })];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: opts.maxTokens });
        } catch (e) {
          return [
            e instanceof GraphQLError ? withCode(e, 'GRAPHQL_PARSE_FAILED') : badUserInput({ id: 'ws.unparsable' }),
          ];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return invalid.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
        const op = getOperationAST(document, payload.operationName);
        if (!op) return [badUserInput({ id: 'ws.nameOperation' })];
        const variables = payload.variables ?? {};
        const tooMuch = refuseOperation(schema, document, op, variables, limits);
        if (tooMuch) return [tooMuch];
        if (op.operation !== 'subscription') {
          return [badUserInput({ id: 'ws.onlySubscriptions' })];
        }
        const reqId = `${conn.id}:${id}`;
        const { viewer, allowedTenants, tenant } = conn.auth;
        // No unit of work: a subscription reads nothing from the database; its events carry what it shows.
        const contextValue: RequestContext = {
          reqId,
          ip: ctx.extra.request.socket.remoteAddress ?? null,
          viewer,
          allowedTenants,
          tenant,
          uow: null,
          locale: conn.locale,
          log: conn.log.child({ reqId }),
          services,
          loaders: new Map(),
        };
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: variables,
          contextValue,
        };
        return args;
      },

      onNext: (ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return undefined;
        return { ...result, errors: format(result.errors, ctx.extra.connection) };
      },

      onError: (ctx, _id, _payload, errors) => format(errors, ctx.extra.connection),

      onClose: (ctx) => {
        const conn = ctx.extra.connection;
        if (!conn) return;
        if (conn.expiry) clearTimeout(conn.expiry);
        const left = (perOwner.get(conn.owner) ?? 1) - 1;
        if (left > 0) perOwner.set(conn.owner, left);
        else perOwner.delete(conn.owner);
      },
    },
    wss,
  );
  wss.on('error', (err) => log.error({ err }, 'websocket server error'));

  const dispose = () => server.dispose() as Promise<void>;
  const drain: ApolloServerPlugin<RequestContext> = {
    async serverWillStart() {
      return { drainServer: dispose };
    },
  };
  const refuseOverHttp: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription')
            throw badUserInput({ id: 'ws.subscriptionsOverWs', values: { path: opts.path } });
        },
      };
    },
  };
  return { dispose, plugins: [drain, refuseOverHttp] };
}
