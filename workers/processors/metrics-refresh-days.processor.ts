import type { Services } from '../../src/services';

/** Recomputes the stored daily figures of the days whose cases changed. */
export const metricsRefreshDays = (s: Services) => () => s.metrics.days.sweep();
