import { createOrm, type Orm } from '../../src/core/db/orm';
import { readInTenant } from '../../src/core/db/tenant-read';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import { DEFAULT_SESSION_TIMEOUTS } from '../../src/core/db/session-timeouts';

/**
 * The one-round-trip read (setting and statement before one Sync): the tenant holds for the
 * statement and not a moment longer, and a failing statement leaves its connection usable. A pool
 * of one connection makes every step below run on the same PostgreSQL session.
 */
describe('a read in the tenant context in one round trip', () => {
  let orm: Orm;
  const tenantA = '0b5e7a0e-6f1d-4c55-9c33-000000000001';
  const tenantB = '0b5e7a0e-6f1d-4c55-9c33-000000000002';
  const setting = `select current_setting('app.tenant_id', true) as t`;

  beforeAll(async () => {
    orm = await createOrm(process.env['ONEDOOR_TEST_DATABASE_URL']!, 1, DEFAULT_SESSION_TIMEOUTS);
  });
  afterAll(() => orm.close(true));

  const outside = async () => ((await orm.em.getConnection().execute(setting)) as { t: string | null }[])[0]!.t ?? '';

  it('sets the tenant for its statement only', async () => {
    expect(await readInTenant<{ t: string }>(orm, tenantA, setting, [])).toEqual([{ t: tenantA }]);
    // The same session afterwards, outside any transaction: the setting ended with the read.
    expect(await outside()).toBe('');
    expect(await readInTenant<{ t: string }>(orm, tenantB, setting, [])).toEqual([{ t: tenantB }]);
    expect(await outside()).toBe('');
  });

  it('passes `?` parameters in order, parsed as the ORM parses them', async () => {
    const rows = await readInTenant<{ a: number; b: string; n: number }>(
      orm,
      tenantA,
      'select ?::int + 1 as a, ?::text as b, count(*)::int as n from generate_series(1, ?::int)',
      [41, '织里镇', 3],
    );
    expect(rows).toEqual([{ a: 42, b: '织里镇', n: 3 }]);
  });

  it('the statement sees the setting made before it, and the next transaction on the session starts clean', async () => {
    const rows = await readInTenant<{ same: boolean }>(
      orm,
      tenantA,
      `select current_setting('app.tenant_id', true) = ? as same`,
      [tenantA],
    );
    expect(rows).toEqual([{ same: true }]);
    // An ORM transaction on the same session next starts clean, then sets its own tenant.
    const inTx = await withTenant(orm, tenantB, (em) => em.execute<{ t: string }[]>(setting));
    expect(inTx[0]!.t).toBe(tenantB);
  });

  it('a failing statement rejects with PostgreSQL’s error, and the session is usable at once', async () => {
    await expect(readInTenant(orm, tenantA, 'select 1 / (? - 1)', [1])).rejects.toThrow(/division by zero/);
    await expect(readInTenant(orm, tenantA, 'select no_such_column from cases', [])).rejects.toThrow(/no_such_column/);
    expect(await readInTenant<{ t: string }>(orm, tenantB, setting, [])).toEqual([{ t: tenantB }]);
    expect(await outside()).toBe('');
  });

  it('a tenant id that is not a UUID is refused by the policies’ cast, and the session stays usable', async () => {
    await expect(readInTenant(orm, 'not-a-uuid', 'select id from cases limit 1', [])).rejects.toThrow(/uuid/);
    expect(await readInTenant<{ t: string }>(orm, tenantA, setting, [])).toEqual([{ t: tenantA }]);
  });
});
