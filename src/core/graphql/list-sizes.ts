/**
 * How many items an unpaged list field returns, by schema coordinate, for the cost measure
 * (core/graphql/limits.ts). A list not named here counts as UNPAGED_LIST_ESTIMATE (10), which
 * made ordinary screens cost more than the limit: a policy's escalation levels, each with its
 * actions, counted as 10 × 10 rows though the starter policies have 3 levels of 1–2 actions.
 *
 * Each figure is what the domain allows or what a center sees at the high end, never a guess
 * below common data: where a rule caps the list, the cap (SLA steps, weekdays); where a list
 * grows with the work (parties, assignees), a busy case's figure. Trees (`children`) keep the
 * default: their size is the tenant's, not the domain's. The multiplying channels of abuse —
 * pages (`first`) nested in pages, fragments spread many times — are measured as before.
 */
export const LIST_SIZES: Record<string, number> = {
  // a case's own small lists
  'Case.parties': 4,
  'Case.assignees': 3,
  'Case.possibleDuplicates': 3,
  'Case.escalations': 3,
  'Case.mergedCases': 3,
  'Case.mediationSessions': 4,
  'Case.agreements': 2,
  'Case.referrals': 2,
  'Case.followUps': 3,
  // one clock per SLA step
  'Case.deadlines': 5,
  'Case.extensionRequests': 3,
  'Case.supervisionNotices': 3,
  'MediationSession.mediators': 3,
  'MediationSession.departments': 3,
  'Agreement.instalments': 12,
  // SLA_STEPS
  'SlaPolicy.targets': 5,
  // the starter chain has 3 levels (validation allows 10) of one or two actions
  'SlaPolicy.escalations': 4,
  'EscalationLevel.actions': 2,
  // per ISO weekday
  'OrgUnit.openingHours': 7,
  'WorkingCalendar.workingHours': 7,
  'WeekdayHours.periods': 3,
  'MediatorProfile.specialties': 5,
  'RotationShift.staff': 3,
  'DutyEntry.staff': 5,
};

/** Shifts a rotating residency has per day (morning and afternoon), for `Residency.shifts(from, to)`: the window sets the list's size. */
export const SHIFTS_PER_DAY = 2;
