/**
 * `node dist/bench/compare/profile-summary.js <file.cpuprofile>`: where a server's CPU went, by
 * package (self time), from a profile `BENCH_CPU_PROF` wrote. Prints the share of busy time (idle
 * left out) per package, and the top functions by self time.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function bucket(url: string, fn: string): string {
  if (fn === '(idle)') return '(idle)';
  if (fn === '(garbage collector)') return '(garbage collector)';
  if (fn === '(program)') return '(program)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (/\/dist\/src\//.test(url)) return 'onedoor (dist/src)';
  if (url.startsWith('node:') || !url) return 'node internals';
  return url;
}

const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary <file.cpuprofile>');
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const pkg = new Map<string, number>();
const fns = new Map<string, number>();
let busy = 0;
p.samples.forEach((id, i) => {
  const n = byId.get(id)!;
  const dt = p.timeDeltas[i] ?? 0;
  const b = bucket(n.callFrame.url, n.callFrame.functionName);
  pkg.set(b, (pkg.get(b) ?? 0) + dt);
  if (b === '(idle)') return;
  busy += dt;
  const f = `${n.callFrame.functionName || '(anonymous)'} ${b}`;
  fns.set(f, (fns.get(f) ?? 0) + dt);
});
const pct = (us: number) => `${((100 * us) / busy).toFixed(1)}%`;
console.log(
  `busy ${(busy / 1000).toFixed(0)} ms on the main thread (idle ${((pkg.get('(idle)') ?? 0) / 1000) | 0} ms)`,
);
for (const [b, us] of [...pkg]
  .filter(([b]) => b !== '(idle)')
  .sort((a, c) => c[1] - a[1])
  .slice(0, 15))
  console.log(`  ${pct(us).padStart(6)}  ${b}`);
console.log('top functions (self):');
for (const [f, us] of [...fns].sort((a, c) => c[1] - a[1]).slice(0, 15)) console.log(`  ${pct(us).padStart(6)}  ${f}`);
