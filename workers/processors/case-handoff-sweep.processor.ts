import type { Services } from '../../src/services';

/** Escalations to a parent tenant still waiting for the parent's case: redone from the rows. */
export const caseHandoffSweep = (s: Services) => () => s.escalations.sweepHandoffs();
