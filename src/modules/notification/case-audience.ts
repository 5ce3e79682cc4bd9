/**
 * Who a notice about a case is for, by their relation to the case: HANDLER its assignees (before
 * anyone is assigned: the intake clerks and dispatchers of its unit); UNIT_LEAD leaders of its
 * unit; CENTER_LEAD leaders of the top unit; LEADER every leader. The SLA policies name these.
 * VISITOR the visitors of its visits still to be made (else its handlers): a visit's reminders are theirs.
 */
export const CASE_AUDIENCES = ['HANDLER', 'UNIT_LEAD', 'CENTER_LEAD', 'LEADER', 'VISITOR'] as const;
export type CaseAudience = (typeof CASE_AUDIENCES)[number];
