import { GraphQLError } from 'graphql';
import type { MessageRef } from '../../shared/message-ref';
import { render } from '../i18n/translate';

/**
 * Where a top-level error keeps its catalogue message, so formatError can say it in the
 * request's locale; the GraphQLError's own message is the English text (logs, fallback).
 */
export const I18N_EXTENSION = 'i18n';

const localized = (code: string, status: number, ref: MessageRef) =>
  new GraphQLError(render('en', ref), { extensions: { code, http: { status }, [I18N_EXTENSION]: ref } });

/** Top-level errors only for these; everything a user can fix comes back as userErrors. */
export const unauthenticated = (ref: MessageRef = { id: 'error.unauthenticated' }) =>
  localized('UNAUTHENTICATED', 401, ref);

export const forbidden = (ref: MessageRef = { id: 'error.forbidden' }) => localized('FORBIDDEN', 403, ref);

/** A catalogue message, or text from graphql-js (variable coercion) passed on as it is. */
export const badUserInput = (message: MessageRef | string) =>
  typeof message === 'string'
    ? new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } })
    : localized('BAD_USER_INPUT', 400, message);

export const queryTooComplex = (ref: MessageRef) => localized('QUERY_TOO_COMPLEX', 400, ref);

/** Too many attempts (resident sign-in codes, reports, lookups); the message says when to retry. */
export const rateLimited = (ref: MessageRef, retryAfterSeconds: number) =>
  new GraphQLError(render('en', ref), {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds, http: { status: 429 }, [I18N_EXTENSION]: ref },
  });

/** Codes whose messages are written for the client and may be shown as they are. */
export const PUBLIC_ERROR_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
]);
