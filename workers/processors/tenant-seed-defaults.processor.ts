import type { Services } from '../../src/services';
import type { JobPayload } from '../../src/core/queue/queues';

/** Gives a new tenant its starter departments; a no-op when they are already there. */
export const tenantSeedDefaults = (s: Services) => (p: JobPayload<'tenant.seed-defaults'>) =>
  s.provisioning.seedDefaults(p.tenantId);
