import { Client } from 'pg';
import { startHarness, type Harness } from '../utils/harness';
import { withTenant } from '../../src/core/tenancy/tenant-tx';

type Internals = { _activeQuery: unknown; _queryQueue: unknown[] };

/** Parallel resolvers share a request's transaction: its statements must not overlap on the connection. */
describe('statements of one transaction', () => {
  let h: Harness;
  const original = Client.prototype.query;
  let overlapping = 0;

  beforeAll(async () => {
    h = await startHarness();
    // Observes (does not replace) node-postgres: a statement handed over while another still runs.
    Client.prototype.query = function (this: Client & Internals, ...args: unknown[]) {
      if (this._activeQuery || this._queryQueue.length) overlapping++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
  });
  afterAll(async () => {
    Client.prototype.query = original;
    await h.close();
  });

  it('run one after another, in the order they were sent, never handed to the connection while another runs', async () => {
    const t = await h.createTenant('serial');
    overlapping = 0;
    const order = await withTenant(h.rt.orm, t.id, async (em) => {
      const done: string[] = [];
      await Promise.all([
        em.execute('select pg_sleep(0.2)').then(() => done.push('slow')),
        em.execute('select 1').then(() => done.push('quick')),
        em.execute('select 2').then(() => done.push('quicker')),
      ]);
      return done;
    });
    expect(order).toEqual(['slow', 'quick', 'quicker']);
    expect(overlapping).toBe(0);
  });

  it('lets the statements queued behind a failed one report their own results', async () => {
    const t = await h.createTenant('serial-fail');
    const results = await withTenant(h.rt.orm, t.id, async (em) => {
      await em.execute('savepoint s');
      return Promise.all([
        em.execute('select 1/0').then(
          () => 'ok',
          () => 'failed',
        ),
        em.execute('rollback to savepoint s').then(
          () => 'ok',
          () => 'failed',
        ),
        em.execute('select 1').then(
          () => 'ok',
          () => 'failed',
        ),
      ]);
    });
    expect(results).toEqual(['failed', 'ok', 'ok']);
  });
});
