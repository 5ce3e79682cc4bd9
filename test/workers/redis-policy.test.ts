import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { eventually } from '../utils/eventually';

/** The workers refuse a Redis that may evict their jobs, and say how to fix it. */
describe('worker start-up against Redis', () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  let redis: ChildProcess;
  let client: Redis;

  beforeAll(async () => {
    redis = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'allkeys-lru',
      ],
      { stdio: 'ignore' },
    );
    client = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await eventually(
      () =>
        client.connect().then(
          () => true,
          () => false,
        ),
      (ok) => ok,
      5000,
      100,
    );
  });
  afterAll(async () => {
    client.disconnect();
    redis.kill('SIGTERM');
  });

  const startWorkers = () => {
    const p = spawn(process.execPath, ['dist/workers/main.js'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DATABASE_URL: process.env['ONEDOOR_TEST_DATABASE_URL'],
        REDIS_URL: `redis://127.0.0.1:${port}`,
        REDIS_PREFIX: 'policy-test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => p.once('exit', (code) => r(code)));
    return { p, output: () => out, exited };
  };

  it('refuses to start when maxmemory-policy is not noeviction, naming the setting and the fix', async () => {
    const w = startWorkers();
    expect(await w.exited).toBe(1);
    expect(w.output()).toContain('maxmemory-policy is "allkeys-lru"');
    expect(w.output()).toContain('config set maxmemory-policy noeviction');
  });

  it('starts once Redis is set to noeviction', async () => {
    await client.config('SET', 'maxmemory-policy', 'noeviction');
    const w = startWorkers();
    try {
      expect(
        await eventually(
          async () => w.output(),
          (o) => o.includes('workers started'),
          15_000,
        ),
      ).toContain('workers started');
    } finally {
      w.p.kill('SIGTERM');
      expect(await w.exited).toBe(0);
    }
  }, 30_000);
});
