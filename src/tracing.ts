/**
 * Imported first by src/main.ts: tracing (when OTEL_* asks for it) has to be running before pg,
 * graphql, ioredis, pino and http are loaded, so that its instrumentations can patch them.
 */
import { startTracing } from './core/observability/tracing';

startTracing('onedoor-api');
