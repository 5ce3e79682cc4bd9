/**
 * `npm run jobs:rebuild`: after Redis lost its data, re-derives every job from PostgreSQL —
 * deadline checkpoints and instalment reminders within the horizon, hand-offs to parent tenants, pending webhook
 * deliveries, tenants still waiting for their starter catalogue. Safe to run at any time:
 * job ids are deterministic and every job claims its row before acting.
 */
import 'reflect-metadata';
import { loadConfig, ConfigError } from '../src/config/config';
import { createLogger } from '../src/core/observability/logger';
import { bootstrap } from '../src/bootstrap';
import { upsertSchedulers } from '../workers/runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  const rt = await bootstrap(config, createLogger(config.LOG_LEVEL));
  try {
    await upsertSchedulers(rt.queues);
    const s = rt.services;
    const counts = {
      checkpoints: await s.sla.scheduler.sweep(),
      instalmentReminders: await s.instalments.scheduler.sweep(),
      handoffs: await s.escalations.sweepHandoffs(0),
      webhookDeliveries: await s.webhookDelivery.sweep(),
      tenantDefaults: await s.provisioning.sweep(),
    };
    console.log(
      `rebuilt from PostgreSQL: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} (schedulers re-declared)`,
    );
  } finally {
    await rt.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
