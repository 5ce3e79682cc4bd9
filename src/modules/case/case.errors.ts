import { userError } from '../../shared/user-error';
import { clean } from '../../shared/result';
import { CASE_ERROR_CODES, type CaseErrorCode } from './case.states';
import type { MessageId } from '../../core/i18n/catalog/en';

/** The codes as an enum object for GraphQL (`CaseErrorCode`); the list lives with the state machine. */
export const CaseErrorCodeEnum = Object.fromEntries(CASE_ERROR_CODES.map((c) => [c, c])) as { [K in CaseErrorCode]: K };

/** A required text input of a case step, missing or blank: INVALID at `input.<field>`. */
export const required = (v: string | null | undefined, field: string, what: MessageId) =>
  clean(v) ? null : userError(['input', field], 'INVALID' as const, what);
