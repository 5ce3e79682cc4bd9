import { DelayedError, type Job } from 'bullmq';
import type { Services } from '../../src/services';
import type { JobPayload } from '../../src/core/queue/queues';

/**
 * One attempt at one webhook delivery. A failed attempt is recorded on the row (attempts,
 * next_attempt_at), then this same job (same deterministic id) sleeps until the row says to try
 * again: BullMQ's own retries are left for faults outside the attempt (the database unreachable).
 */
export const webhookDeliver = (s: Services) => async (p: JobPayload<'webhook.deliver'>, job: Job, token?: string) => {
  const outcome = await s.webhookDelivery.deliver(p.tenantId, p.deliveryId);
  if (outcome.kind === 'retry' && token) {
    await job.moveToDelayed(Date.now() + outcome.inMs, token);
    throw new DelayedError();
  }
  return outcome.kind;
};
