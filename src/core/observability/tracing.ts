import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Attributes, type Span } from '@opentelemetry/api';
import type { Context } from '@opentelemetry/api';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { ReadableSpan, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';
import type { Telemetry } from 'bullmq';
// Not from ./logger: that would load pino before its instrumentation is registered.
import { scrubSql } from '../../shared/sql-text';

/**
 * OpenTelemetry traces, configured only by the standard OTEL_* environment variables and off
 * unless they name an OTLP endpoint (or an exporter). This module runs before anything else in
 * the API and worker entry points (src/tracing.ts, workers/tracing.ts): the instrumentations
 * patch pg, graphql, ioredis, pino, http and undici when those are first loaded. It is the one
 * place besides config/ that reads process.env, because it has to run before the config is
 * loaded. When off, the SDK is never even loaded: no exporter, no span, no patched module.
 */

/** The span attribute carrying the tenant's code (never its id or name: codes are what operators say). */
export const TENANT_CODE_ATTRIBUTE = 'onedoor.tenant.code';

type Env = Record<string, string | undefined>;

const truthy = (v: string | undefined) => !!v && ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase());

/** Whether the OTEL_* variables ask for traces: an OTLP endpoint or a trace exporter, and not disabled. */
export function tracingRequested(env: Env = process.env): boolean {
  if (truthy(env['OTEL_SDK_DISABLED'])) return false;
  const exporter = env['OTEL_TRACES_EXPORTER']?.trim().toLowerCase();
  if (exporter === 'none') return false;
  return !!(env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || exporter);
}

interface Running {
  sdk: NodeSDK;
  telemetry: Telemetry;
}

let running: Running | null = null;

/**
 * Copies the tenant code from a span's parent to the spans started under it, so the GraphQL
 * operation and its SQL carry the tenant that tagTenant() put on the request's span.
 */
class TenantCodeProcessor implements SpanProcessor {
  onStart(span: Span, parent: Context): void {
    const p = trace.getSpan(parent) as unknown as Partial<ReadableSpan> | undefined;
    const code = p?.attributes?.[TENANT_CODE_ATTRIBUTE];
    if (typeof code === 'string') span.setAttribute(TENANT_CODE_ATTRIBUTE, code);
  }
  onEnd(): void {}
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** SQL statement text without quoted literals: parameters are never recorded, and inlined values are cut out. */
const QUERY_TEXT = ['db.query.text', 'db.statement'];

const positive = (v: string | undefined): number | undefined => {
  const n = Number(v);
  return v && Number.isFinite(n) && n > 0 ? n : undefined;
};

/**
 * OTLP over HTTP, protobuf unless OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL says http/json. The
 * exporter reads its endpoint, headers and timeout from the OTEL_EXPORTER_OTLP_* variables itself.
 */
function otlpExporter(env: Env): SpanExporter {
  const protocol = (env['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'] ?? env['OTEL_EXPORTER_OTLP_PROTOCOL'])?.trim();
  /* eslint-disable @typescript-eslint/no-require-imports -- see startTracing */
  if (protocol === 'http/json') {
    const { OTLPTraceExporter } =
      require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    return new OTLPTraceExporter();
  }
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-proto') as typeof import('@opentelemetry/exporter-trace-otlp-proto');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new OTLPTraceExporter();
}

/**
 * Starts the SDK when the environment asks for it. `serviceName` is the default for
 * OTEL_SERVICE_NAME (which wins when set). Returns whether tracing is on.
 */
export function startTracing(serviceName: string, env: Env = process.env): boolean {
  if (running) return true;
  if (!tracingRequested(env)) return false;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on, so a
     process without OTEL_* pays neither the load time nor the memory of the SDK */
  const { NodeSDK: Sdk } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace') as typeof import('@opentelemetry/sdk-trace');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { UndiciInstrumentation } =
    require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { GraphQLInstrumentation } =
    require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  const { IORedisInstrumentation } =
    require('@opentelemetry/instrumentation-ioredis') as typeof import('@opentelemetry/instrumentation-ioredis');
  const { PinoInstrumentation } =
    require('@opentelemetry/instrumentation-pino') as typeof import('@opentelemetry/instrumentation-pino');
  const { BullMQOtel } = require('bullmq-otel') as typeof import('bullmq-otel');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const quietPaths = new Set(['/metrics', '/healthz', '/readyz']);
  const sdk = new Sdk({
    serviceName: env['OTEL_SERVICE_NAME'] || serviceName,
    spanProcessors: [
      new TenantCodeProcessor(),
      new BatchSpanProcessor({
        exporter: otlpExporter(env),
        maxQueueSize: positive(env['OTEL_BSP_MAX_QUEUE_SIZE']),
        scheduledDelayMillis: positive(env['OTEL_BSP_SCHEDULE_DELAY']),
        exportTimeoutMillis: positive(env['OTEL_BSP_EXPORT_TIMEOUT']),
        maxExportBatchSize: positive(env['OTEL_BSP_MAX_EXPORT_BATCH_SIZE']),
      }),
    ],
    // Metrics stay with prom-client (/metrics); logs stay pino's JSON on stdout.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes every few seconds would drown the traces that matter.
        ignoreIncomingRequestHook: (req) => quietPaths.has((req.url ?? '').split('?')[0] ?? ''),
        // Outgoing calls only as part of an operation (a JWKS refresh on its own is noise).
        requireParentforOutgoingSpans: true,
      }),
      // Webhook deliveries use fetch (undici).
      new UndiciInstrumentation({ requireParentforSpans: true }),
      new PgInstrumentation({
        // Never the values: a party's phone or ID number travels as a parameter.
        enhancedDatabaseReporting: false,
        requireParentSpan: true,
        ignoreConnectSpans: true,
        // A statement built with a literal inlined (rare: DDL, set_config) must not carry it either.
        requestHook: (span, info) => {
          for (const key of QUERY_TEXT) span.setAttribute(key, scrubSql(info.query.text));
        },
      }),
      new GraphQLInstrumentation({
        // The operation's name and type, and its document with every literal replaced by '*'.
        allowValues: false,
        // One span per resolver costs more than the whole list query it traces.
        ignoreResolveSpans: true,
        ignoreTrivialResolveSpans: true,
      }),
      new IORedisInstrumentation({
        requireParentSpan: true,
        // The command only: arguments hold job payloads and live-update messages.
        dbStatementSerializer: (cmd) => cmd,
      }),
      // trace_id and span_id on every log line written inside a span; pino keeps writing to stdout.
      new PinoInstrumentation({ disableLogSending: true }),
    ],
  });
  sdk.start();
  running = { sdk, telemetry: new BullMQOtel({ tracerName: 'onedoor', enableMetrics: false }) };
  return true;
}

/** Whether this process records spans. */
export const tracingOn = (): boolean => running !== null;

/** BullMQ's telemetry hook (bullmq-otel) when tracing is on: jobs carry the W3C trace context. */
export function queueTelemetry(): Telemetry | undefined {
  return running?.telemetry;
}

/** Puts the tenant's code on the current span (the HTTP request's); spans started under it copy it. */
export function tagTenant(code: string | undefined): void {
  if (!running || !code) return;
  trace.getActiveSpan()?.setAttribute(TENANT_CODE_ATTRIBUTE, code);
}

/**
 * The W3C `traceparent` of the operation running now, to keep on a row whose job may have to be
 * re-created later (a checkpoint); null when tracing is off or nothing is being traced.
 */
export function currentTraceparent(): string | null {
  if (!running) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'] ?? null;
}

/**
 * Runs `fn` in a span linked to the trace a row kept (`traceparent`): a sweep re-creating a job
 * that Redis lost or that was missed, so the operator following the new job finds the operation
 * that first scheduled it. The jobs added inside carry this span's context. Off, or with no kept
 * context, it is `fn` alone.
 */
export async function inLinkedSpan<T>(
  name: string,
  traceparent: string | null,
  attributes: Attributes,
  fn: () => Promise<T>,
): Promise<T> {
  if (!running || !traceparent) return fn();
  const linked = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent }));
  if (!linked) return fn();
  return trace
    .getTracer('onedoor')
    .startActiveSpan(name, { kind: SpanKind.INTERNAL, links: [{ context: linked }], attributes }, async (span) => {
      try {
        return await fn();
      } finally {
        span.end();
      }
    });
}

/** Flushes the spans still buffered; called last on shutdown. */
export async function stopTracing(): Promise<void> {
  const r = running;
  running = null;
  await r?.sdk.shutdown();
}
