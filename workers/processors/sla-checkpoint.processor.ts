import type { Services } from '../../src/services';
import type { JobPayload } from '../../src/core/queue/queues';

/** One warning or escalation point; does nothing when the clock was met, moved or paused. */
export const slaCheckpoint = (s: Services) => (p: JobPayload<'sla.checkpoint'>) =>
  s.sla.checkpoints.fire(p.tenantId, p.checkpointId);
