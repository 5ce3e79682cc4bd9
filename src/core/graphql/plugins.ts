import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context';
import type { Metrics } from '../observability/metrics';
import type { Logger } from '../observability/logger';
import { PUBLIC_ERROR_CODES } from '../errors/errors';
import {
  isServiceUnavailable,
  RETRY_AFTER_SECONDS,
  SERVICE_UNAVAILABLE,
  serviceUnavailable,
} from '../errors/unavailable';

/** Ends the operation's tenant transaction: commit, or roll back a mutation that failed. */
export function unitOfWorkPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, errors }) {
          const uow = contextValue?.uow;
          if (!uow) return;
          const failedMutation = operation?.operation === 'mutation' && !!errors?.length;
          // A commit that fails because the database went away is a 503 like any other outage.
          await uow.finish(!failedMutation).catch((e: unknown) => {
            throw isServiceUnavailable(e) ? serviceUnavailable(e as Error) : e;
          });
        },
      };
    },
  };
}

/** Durations, error counts, and the server-side log of every error a client only sees masked. */
export function observabilityPlugin(metrics: Metrics, log: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const e of errors) {
            const unavailable = isServiceUnavailable(e);
            const code = unavailable ? SERVICE_UNAVAILABLE : String(e.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR');
            metrics.graphqlErrors.inc({ code });
            if (unavailable) {
              (contextValue?.log ?? log).warn({ err: e.originalError ?? e, operationName }, 'dependency unavailable');
            } else if (!PUBLIC_ERROR_CODES.has(code)) {
              (contextValue?.log ?? log).error(
                { err: e.originalError ?? e, operationName, path: e.path },
                'graphql internal error',
              );
            }
          }
        },
        async willSendResponse({ response, operation, operationName, errors, contextValue }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const labels = {
            operation: operationName ?? 'anonymous',
            type: operation?.operation ?? 'unknown',
            outcome: errors?.length ? 'error' : 'ok',
          };
          metrics.graphqlDuration.observe(labels, seconds);
          // The access line at debug level: with tracing on it carries trace_id next to reqId.
          (contextValue?.log ?? log).debug({ ...labels, ms: Math.round(seconds * 1000) }, 'graphql operation');
          // The request id lets a clerk's screenshot of "Internal server error" find the log line.
          if (response.body.kind === 'single' && response.body.singleResult.errors && contextValue?.reqId) {
            for (const e of response.body.singleResult.errors) {
              if (e.extensions?.['code'] === 'INTERNAL_SERVER_ERROR')
                (e.extensions as Record<string, unknown>)['requestId'] = contextValue.reqId;
            }
          }
        },
      };
    },
  };
}

/**
 * An operation that failed because PostgreSQL or Redis is down answers HTTP 503 with Retry-After
 * (formatError has already given such errors the SERVICE_UNAVAILABLE code), so load balancers and
 * clients retry instead of treating a 200 with an internal error as an answer.
 */
export function serviceUnavailablePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (!errors?.some((e) => e.extensions?.['code'] === SERVICE_UNAVAILABLE)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
