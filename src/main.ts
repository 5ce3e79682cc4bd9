import './tracing';
import 'reflect-metadata';
import { loadConfig, ConfigError } from './config/config';
import { createLogger } from './core/observability/logger';
import { checkRedisPolicy } from './core/queue/redis';
import { setupVerifier } from './core/auth/verifier-setup';
import { bootstrap } from './bootstrap';
import { createApp } from './app';
import { onShutdown } from './core/observability/shutdown';
import { stopTracing } from './core/observability/tracing';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const rt = await bootstrap(config, log);
  await checkRedisPolicy(rt.redis, config.isProduction, log);
  const { verifier, localIssuer } = await setupVerifier(config);
  const app = await createApp({ config, services: rt.services, redis: rt.redis, verifier, log, localIssuer });
  const url = await app.listen(config.PORT, config.HOST);
  log.info({ url: `${url}/graphql`, localIssuer: !!localIssuer }, 'api listening');

  onShutdown(log, config.SHUTDOWN_GRACE_SECONDS, 'api', async () => {
    await app.stop();
    await rt.close();
    await stopTracing();
  });
}

main().catch((e: unknown) => {
  // Config errors name the variable; print them plainly for the operator.
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
