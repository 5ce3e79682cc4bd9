import { execFileSync } from 'node:child_process';
import { tracingRequested } from '../../src/core/observability/tracing';

/**
 * Loads the built entry point's tracing start-up and then the whole API and worker graph in a
 * fresh Node (npm test builds first), with the given environment, and reports what it finds.
 */
function probe(env: Record<string, string>, graph = true) {
  const script = `
    require('./dist/src/tracing.js');
    if (${graph}) {
      require('./dist/src/app.js');
      require('./dist/workers/runtime.js');
    }
    const { trace } = require('@opentelemetry/api');
    const tracing = require('./dist/src/core/observability/tracing.js');
    const span = trace.getTracer('probe').startSpan('probe');
    const loaded = Object.keys(require.cache).filter((k) => /@opentelemetry[\\\\/](sdk|exporter|instrumentation)|bullmq-otel/.test(k));
    const pg = require('pg');
    // What a checkpoint row would keep for the sweep's link (issue 20): nothing when off.
    const kept = trace.getTracer('probe').startActiveSpan('outer', (s) => { const v = tracing.currentTraceparent(); s.end(); return v; });
    console.log(JSON.stringify({
      kept,
      loaded: loaded.length,
      recording: span.isRecording(),
      traceId: span.spanContext().traceId,
      telemetry: tracing.queueTelemetry() !== undefined,
      pgPatched: !!pg.Client.prototype.query.__wrapped,
    }));
    process.exit(0);
  `;
  const out = execFileSync(process.execPath, ['-e', script], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as {
    kept: string | null;
    loaded: number;
    recording: boolean;
    traceId: string;
    telemetry: boolean;
    pgPatched: boolean;
  };
}

describe('tracing is off unless OTEL_* asks for it', () => {
  it('reads only the standard variables: an OTLP endpoint or exporter turns it on, OTEL_SDK_DISABLED wins', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_SERVICE_NAME: 'onedoor' })).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toBe(
      false,
    );
    expect(tracingRequested({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toBe(false);
  });

  it('with no OTEL_* set, loads no SDK, exporter or instrumentation, patches nothing and creates no span', () => {
    expect(probe({})).toEqual({
      kept: null,
      loaded: 0,
      recording: false,
      traceId: '00000000000000000000000000000000',
      telemetry: false,
      pgPatched: false,
    });
  });

  it('with an OTLP endpoint set, the same start-up records spans and patches pg (so the probe above can tell)', () => {
    const on = probe({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_BSP_SCHEDULE_DELAY: '60000' }, false);
    expect(on).toMatchObject({ recording: true, telemetry: true, pgPatched: true });
    expect(on.kept).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(on.loaded).toBeGreaterThan(0);
  });
});
