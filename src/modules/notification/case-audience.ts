/**
 * Who a notice about a case is for, by their relation to the case: HANDLER its assignees (before
 * anyone is assigned: the intake clerks and dispatchers of its unit); UNIT_LEAD leaders of its
 * unit; CENTER_LEAD leaders of the top unit; LEADER every leader. The SLA policies name these.
 */
export const CASE_AUDIENCES = ['HANDLER', 'UNIT_LEAD', 'CENTER_LEAD', 'LEADER'] as const;
export type CaseAudience = (typeof CASE_AUDIENCES)[number];
