import { Client } from 'pg';

/**
 * The precondition for distributing tenant tables by tenant_id (Citus): every primary key,
 * unique constraint and foreign key of a tenant table includes tenant_id. docs/scaling.md
 * explains the listed exceptions.
 */
const EXCEPTIONS = new Set([
  // tenant_id references the tenants reference table, which is keyed by id alone.
  'fk:*->tenants',
]);

describe('distribution keys', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: process.env['ONEDOOR_TEST_OWNER_URL'] });
    await db.connect();
  });
  afterAll(() => db.end());

  it('every tenant table keys, uniques and references by tenant_id', async () => {
    const r = await db.query(`
      select c.relname as table, con.conname as name, con.contype as type, f.relname as ref,
             array(select a.attname::text from unnest(con.conkey) k join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k) as cols
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      left join pg_class f on f.oid = con.confrelid
      where con.contype in ('p', 'u', 'f')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
        and c.relname <> 'platform_audit_events'`);
    expect(r.rows.length).toBeGreaterThan(5);
    const offenders = r.rows
      .filter((row) => !(row.type === 'f' && EXCEPTIONS.has(`fk:*->${row.ref}`)))
      .filter((row) => !row.cols.includes('tenant_id'))
      .map((row) => `${row.table}.${row.name}`);
    expect(offenders).toEqual([]);
    const uniqueIndexes = await db.query(`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i join pg_class c on c.oid = i.indrelid
      where i.indisunique and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
        and c.relname <> 'platform_audit_events'`);
    for (const u of uniqueIndexes.rows)
      expect({ name: u.name, leadsWithTenant: /\(tenant_id[,)]/.test(u.def) }).toEqual({
        name: u.name,
        leadsWithTenant: true,
      });
  });
});
