import type { Logger } from './logger';

/**
 * SIGTERM/SIGINT: run `stop` once (finish in-flight requests or jobs, close connections),
 * then exit; exit non-zero if it takes longer than the grace period Kubernetes allows.
 */
export function onShutdown(log: Logger, graceSeconds: number, what: string, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${what} shutting down`);
    const force = setTimeout(() => process.exit(1), graceSeconds * 1000).unref();
    await stop();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // Started by `npm start` (an IPC channel to the launcher): a launcher that died, even by kill -9,
  // must not leave this process holding the port and the database for the next `npm start`.
  if (process.send) process.once('disconnect', () => void shutdown('launcher gone'));
}
