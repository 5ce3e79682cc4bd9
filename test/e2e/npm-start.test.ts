import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

/**
 * What README promises a new user: `npm start` on a fresh data folder brings up embedded
 * PostgreSQL, migrations, demo data, the API and the workers; `npm run token` gives a token
 * the API accepts. Runs the built scripts (npm test builds first), as `npm start` does.
 */
describe('npm start on a fresh machine', () => {
  let child: ChildProcess | null = null;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let base: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'onedoor-e2e-'));
    chmodSync(dataDir, 0o755);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      NODE_ENV: 'development',
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      DATA_DIR: dataDir,
      REDIS_URL: process.env['ONEDOOR_TEST_REDIS_URL'],
      REDIS_PREFIX: `${process.env['ONEDOOR_TEST_REDIS_PREFIX']}-e2e`,
      LOG_LEVEL: 'warn',
    };
    child = spawn(process.execPath, ['dist/scripts/start.js'], { env, stdio: 'ignore' });
  }, 10_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('becomes ready and answers `me` with a token from `npm run token`', async () => {
    let status = 0;
    for (let i = 0; i < 240 && status !== 200; i++) {
      status = await fetch(`${base}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
    const token = execFileSync(
      process.execPath,
      ['dist/scripts/token.js', '--tenant', 'zhili', '--roles', 'tenant-admin', '--user', 'e2e'],
      { env },
    )
      .toString()
      .trim();
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          '{ me { username currentTenant { code parent { code } } } orgUnits(first: 10) { totalCount } cases(first: 10, orderBy: REPORTED_AT_ASC) { edges { node { number status } } } }',
      }),
    });
    expect(await res.json()).toEqual({
      data: {
        me: { username: 'e2e', currentTenant: { code: 'zhili', parent: { code: 'wuxing' } } },
        orgUnits: { totalCount: 6 },
        // The demo cases from the reports, in the states their stories leave them.
        cases: {
          edges: ['FOLLOW_UP', 'CLOSED', 'FOLLOW_UP', 'IN_PROGRESS', 'REPORTED'].map((status, i) => ({
            node: { number: expect.stringMatching(new RegExp(`^ZL-\\d{4}-00000${i + 1}$`)), status },
          })),
        },
      },
    });
  }, 150_000);

  it('stops the API, the workers and the embedded database cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(
      await fetch(`${base}/healthz`).then(
        () => 'up',
        () => 'down',
      ),
    ).toBe('down');
  }, 30_000);
});
