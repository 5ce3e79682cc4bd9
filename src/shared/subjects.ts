/**
 * Who a recorded subject is, by its form: processes write `system:<what>`, residents signed in
 * by a one-time code `resident:<pseudonym of the phone>`, staff their Keycloak subject.
 */
export const SYSTEM_SUBJECT_PREFIX = 'system:';
export const RESIDENT_SUBJECT_PREFIX = 'resident:';

export const isSystemSubject = (subject: string): boolean => subject.startsWith(SYSTEM_SUBJECT_PREFIX);
export const isResidentSubject = (subject: string): boolean => subject.startsWith(RESIDENT_SUBJECT_PREFIX);
