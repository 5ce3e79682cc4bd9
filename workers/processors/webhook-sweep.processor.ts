import type { Services } from '../../src/services';

/** Due deliveries of every tenant, re-requested from the rows: a lost job delays a webhook, never loses it. */
export const webhookSweep = (s: Services) => () => s.webhookDelivery.sweep();
