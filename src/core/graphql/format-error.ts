import type { GraphQLFormattedError } from 'graphql';
import { PUBLIC_ERROR_CODES } from '../errors/errors';
import { isServiceUnavailable, SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGE } from '../errors/unavailable';

/**
 * Only errors written for clients keep their message; everything else (SQL, stack traces,
 * file paths) becomes a generic internal error. The full error is logged by the plugin.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    // A database or Redis outage: retryable, and the client need not know which server or why.
    if (formatted.extensions?.['code'] === SERVICE_UNAVAILABLE || isServiceUnavailable(error)) {
      return { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: SERVICE_UNAVAILABLE } };
    }
    const code = String(formatted.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR');
    if (!PUBLIC_ERROR_CODES.has(code)) {
      return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    let message = formatted.message.replace(/^Context creation failed: /, '');
    // Field suggestions help attackers map a schema whose introspection is off.
    if (production) message = message.replace(/ ?Did you mean .*\?$/, '');
    return { message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  };
}
