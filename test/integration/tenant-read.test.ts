import { Client } from 'pg';
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

  const prepared = async () =>
    (
      await readInTenant<{ n: number }>(
        orm,
        tenantA,
        `select count(*)::int as n from pg_prepared_statements where name like 'onedoor_%'`,
        [],
      )
    )[0]!.n;

  it('prepares each statement once per session, and keeps at most a hundred', async () => {
    const base = await prepared();
    for (let round = 0; round < 3; round++)
      for (const k of [1, 2, 3]) await readInTenant(orm, tenantA, `select ?::int + ${k} as n`, [round]);
    expect(await prepared()).toBe(base + 3);
    for (let k = 0; k < 150; k++) await readInTenant(orm, tenantA, `select ?::int + ${k} * 1000 as n`, [1]);
    const held = await prepared();
    // the hundred most recent, the tenant setting, and closes already sent for the rest
    expect(held).toBeGreaterThanOrEqual(100);
    expect(held).toBeLessThanOrEqual(101);
    const [again] = await readInTenant<{ n: number }>(orm, tenantB, `select ?::int + 149 * 1000 as n`, [2]);
    expect(again!.n).toBe(149_002);
  });

  it('a table changed under a prepared plan costs at most one failed read', async () => {
    const admin = new Client({ connectionString: process.env['ONEDOOR_TEST_OWNER_URL'] });
    await admin.connect();
    try {
      await admin.query('create table tenant_read_probe (a int); insert into tenant_read_probe values (7)');
      await admin.query('grant select on tenant_read_probe to public');
      const probe = () => readInTenant<{ a: unknown }>(orm, tenantA, 'select a from tenant_read_probe', []);
      expect(await probe()).toEqual([{ a: 7 }]);
      await admin.query('alter table tenant_read_probe alter column a type text');
      const outcomes = [];
      for (let i = 0; i < 2; i++)
        outcomes.push(
          await probe().then(
            (r) => r,
            (e: Error) => e.message,
          ),
        );
      expect(outcomes[1]).toEqual([{ a: '7' }]);
    } finally {
      await admin.query('drop table if exists tenant_read_probe');
      await admin.end();
    }
  });

  it('plans a statement once for all values unless asked to plan per value, and only for its own transaction', async () => {
    const mode = `select current_setting('plan_cache_mode') as m`;
    expect(await readInTenant(orm, tenantA, mode, [])).toEqual([{ m: 'force_generic_plan' }]);
    expect(await readInTenant(orm, tenantA, mode, [], 'perValue')).toEqual([{ m: 'auto' }]);
    expect(((await orm.em.getConnection().execute(mode)) as { m: string }[])[0]!.m).toBe('auto');
    const sql = 'select count(*)::int as n from cases where id = ?::uuid';
    for (let i = 0; i < 3; i++) await readInTenant(orm, tenantA, sql, [tenantB]);
    const [plans] = await readInTenant<{ generic: number; custom: number }>(
      orm,
      tenantA,
      `select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements
       where statement = 'select count(*)::int as n from cases where id = $1::uuid'`,
      [],
    );
    expect(plans).toEqual({ generic: 3, custom: 0 });
  });
});
