import type { Services } from '../../src/services';

/** Reconcile: feeds the checkpoints now inside the horizon into Redis, and any lost with it. */
export const slaHorizonSweep = (s: Services) => () => s.sla.scheduler.sweep();
