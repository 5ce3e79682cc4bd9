/**
 * `npm start` builds the console when it is missing or older than its sources, so
 * `npm ci && npm start` is enough to open http://127.0.0.1:4000/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of readdirSync(path)) m = Math.max(m, newest(join(path, e)));
  return m;
}

const web = 'web';
const built = join(web, 'dist', 'index.html');
const sources = ['src', 'index.html', 'package.json', 'vite.config.ts'].map((p) => join(web, p)).filter(existsSync);
const stale = !existsSync(built) || sources.some((p) => newest(p) > statSync(built).mtimeMs);
if (stale) {
  console.log('building the console (web/dist)…');
  const r = spawnSync('npm', ['run', 'build', '-w', web], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
