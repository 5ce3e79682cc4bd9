import { z } from 'zod';

/**
 * Queue names are kebab-case and never renamed (jobs in Redis outlive deployments).
 * Job names are `<area>.<action>`; payloads carry ids only, never personal data.
 */
export const QUEUES = { provisioning: 'provisioning', cases: 'cases', sla: 'sla', webhooks: 'webhooks' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  'tenant.seed-defaults': { queue: QUEUES.provisioning, payload: z.object({ tenantId: z.uuid() }) },
  'tenant.defaults-sweep': { queue: QUEUES.provisioning, payload: z.object({}) },
  'case.handoff-sweep': { queue: QUEUES.cases, payload: z.object({}) },
  'sla.checkpoint': { queue: QUEUES.sla, payload: z.object({ tenantId: z.uuid(), checkpointId: z.uuid() }) },
  'sla.horizon-sweep': { queue: QUEUES.sla, payload: z.object({}) },
  'metrics.refresh-days': { queue: QUEUES.cases, payload: z.object({}) },
  'webhook.deliver': { queue: QUEUES.webhooks, payload: z.object({ tenantId: z.uuid(), deliveryId: z.uuid() }) },
  'webhook.sweep': { queue: QUEUES.webhooks, payload: z.object({}) },
  'calendar.coverage-check': { queue: QUEUES.provisioning, payload: z.object({}) },
  'instalment.reminder': { queue: QUEUES.sla, payload: z.object({ tenantId: z.uuid(), reminderId: z.uuid() }) },
  'instalment.reminder-sweep': { queue: QUEUES.sla, payload: z.object({}) },
} as const;
export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;

/** Deterministic job ids make re-enqueueing harmless; BullMQ forbids ':' in custom ids. */
export const jobId = (name: JobName, ...parts: string[]): string => [name, ...parts].join('-').replace(/:/g, '_');
