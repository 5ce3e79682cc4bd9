import type { Services } from '../../src/services';

/**
 * Escalations to a parent tenant still waiting for the parent's case, and child cases still
 * waiting for the settlement their parent's case reached: both redone from the rows.
 */
export const caseHandoffSweep = (s: Services) => async () => {
  await s.escalations.sweepHandoffs();
  await s.escalations.sweepSettledByParent();
};
