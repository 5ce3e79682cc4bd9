import { CASE_ERROR_CODES, type CaseErrorCode } from './case.states';

/** The codes as an enum object for GraphQL (`CaseErrorCode`); the list lives with the state machine. */
export const CaseErrorCodeEnum = Object.fromEntries(CASE_ERROR_CODES.map((c) => [c, c])) as { [K in CaseErrorCode]: K };
