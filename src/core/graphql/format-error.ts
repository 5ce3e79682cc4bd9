import type { GraphQLFormattedError } from 'graphql';
import { I18N_EXTENSION, PUBLIC_ERROR_CODES } from '../errors/errors';
import type { MessageRef } from '../../shared/message-ref';
import { currentLocale } from '../i18n/locale';
import { render, t } from '../i18n/translate';
import { isServiceUnavailable, SERVICE_UNAVAILABLE } from '../errors/unavailable';
import { graphqlJsMessage } from './graphql-js-messages';

/** Codes under which graphql-js's (or Apollo's) own English can reach a client. */
const GRAPHQL_JS_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Only errors written for clients keep their message; everything else (SQL, stack traces,
 * file paths) becomes a generic internal error. The full error is logged by the plugin.
 * Errors that carry a catalogue message are worded in the request's locale (core/i18n);
 * graphql-js's own parse, validation and coercion messages are English already, and read in
 * Chinese through their rule's template (graphql-js-messages.ts), the original kept beside.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    // A database or Redis outage: retryable, and the client need not know which server or why.
    if (formatted.extensions?.['code'] === SERVICE_UNAVAILABLE || isServiceUnavailable(error)) {
      return {
        message: t(currentLocale(), 'error.unavailable'),
        path: formatted.path,
        extensions: { code: SERVICE_UNAVAILABLE },
      };
    }
    const code = String(formatted.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR');
    const locale = currentLocale();
    if (!PUBLIC_ERROR_CODES.has(code)) {
      return {
        message: t(locale, 'error.internal'),
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    const ref = formatted.extensions?.[I18N_EXTENSION] as MessageRef | undefined;
    let message = ref ? render(locale, ref) : formatted.message.replace(/^Context creation failed: /, '');
    // Field suggestions help attackers map a schema whose introspection is off.
    if (production) message = message.replace(/ ?Did you mean .*\?$/, '');
    if (!ref && locale !== 'en' && GRAPHQL_JS_CODES.has(code)) {
      const words = graphqlJsMessage(message) ?? {
        id: code === 'GRAPHQL_PARSE_FAILED' ? 'graphql.syntax' : 'graphql.invalid',
      };
      return {
        message: render(locale, words),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code, originalMessage: message },
      };
    }
    return { message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  };
}
