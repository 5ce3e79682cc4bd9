import { startHarness, type Harness } from '../utils/harness';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import { isServiceUnavailable } from '../../src/core/errors/unavailable';
import { sleep } from '../utils/eventually';

/**
 * The bounds every app-role session starts with. The API and the workers build their ORM the same
 * way (bootstrap), so the harness's runtime stands for both.
 */
describe('database session timeouts', () => {
  let h: Harness;
  let tenantId: string;

  beforeAll(async () => {
    h = await startHarness({
      DATABASE_STATEMENT_TIMEOUT_MS: '1200',
      DATABASE_LOCK_TIMEOUT_MS: '300',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1000',
    });
    tenantId = (await h.createTenant('timeouts')).id;
  });
  afterAll(() => h.close());

  it('sets statement, lock and idle-in-transaction timeouts on every session', async () => {
    const [row] = await h.rt.orm.em
      .getConnection()
      .execute<{ s: string; l: string; i: string }[]>(
        `select current_setting('statement_timeout') s, current_setting('lock_timeout') l, current_setting('idle_in_transaction_session_timeout') i`,
      );
    expect(row).toEqual({ s: '1200ms', l: '300ms', i: '1s' });
  });

  it('cancels a statement past the statement timeout, as an outage the client may retry', async () => {
    const started = performance.now();
    const err = await withTenant(h.rt.orm, tenantId, (em) => em.execute('select pg_sleep(5)')).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(2500);
    expect(isServiceUnavailable(err)).toBe(true);
  });

  it('gives up waiting for a lock after the lock timeout', async () => {
    const holder = h.rt.orm.em.fork();
    await holder.begin();
    try {
      await holder.execute('select pg_advisory_xact_lock(4242)');
      const started = performance.now();
      const err = await withTenant(h.rt.orm, tenantId, (em) => em.execute('select pg_advisory_xact_lock(4242)')).catch(
        (e: unknown) => e,
      );
      expect(performance.now() - started).toBeLessThan(1000);
      expect(err).toMatchObject({ code: '55P03' });
      expect(isServiceUnavailable(err)).toBe(true);
    } finally {
      await holder.rollback();
    }
  });

  it('ends a transaction left idle past the idle-in-transaction timeout', async () => {
    const err = await withTenant(h.rt.orm, tenantId, async (em) => {
      await em.execute('select 1');
      await sleep(1600);
      return em.execute('select 1');
    }).catch((e: unknown) => e);
    expect(err).toBeTruthy();
    expect(isServiceUnavailable(err)).toBe(true);
    // The pool drops the terminated connection; the next unit of work runs.
    await expect(withTenant(h.rt.orm, tenantId, (em) => em.execute('select 1 as one'))).resolves.toEqual([{ one: 1 }]);
  });
});
