/**
 * The load generator, a process of its own so its CPU is not the server's: POSTs one GraphQL
 * operation with autocannon and prints one JSON line (requests, latency percentiles, failures).
 * Every answer must be byte-identical to the one checked before timing (`expectBody`), so a run
 * of errors or empty pages cannot pass for speed.
 */
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  token: string;
  body: string;
  expectBody: string;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  /** non-2xx answers, socket errors, timeouts and answers other than the expected body */
  failures: number;
}

const pct = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]!) as LoadSpec;
  const latencies: number[] = [];
  let done!: (r: autocannon.Result) => void;
  let failed!: (e: unknown) => void;
  const finished = new Promise<autocannon.Result>((res, rej) => ((done = res), (failed = rej)));
  const instance = autocannon(
    {
      url: spec.url,
      method: 'POST',
      connections: spec.connections,
      duration: spec.seconds,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${spec.token}` },
      body: spec.body,
      expectBody: spec.expectBody,
    },
    (err, result) => (err ? failed(err) : done(result)),
  );
  // autocannon's own summary has p97.5 but no p95: keep every response time.
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const r = await finished;
  latencies.sort((a, b) => a - b);
  const out: LoadResult = {
    requests: r.requests.total,
    seconds: r.duration,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    failures: r.non2xx + r.errors + r.timeouts + (r.mismatches ?? 0),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
