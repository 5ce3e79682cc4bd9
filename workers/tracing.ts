/**
 * Imported first by workers/main.ts: tracing (when OTEL_* asks for it) has to be running before
 * pg, ioredis, pino, undici and bullmq are loaded, so that its instrumentations can patch them.
 */
import { startTracing } from '../src/core/observability/tracing';

startTracing('onedoor-workers');
