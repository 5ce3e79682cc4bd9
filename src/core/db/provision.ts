import { Client } from 'pg';

export const OWNER_ROLE = 'onedoor_owner';
export const APP_ROLE = 'onedoor_app';

export interface ProvisionOptions {
  /** a superuser connection to the cluster (embedded PostgreSQL or a local test server) */
  adminUrl: string;
  database: string;
  ownerPassword: string;
  appPassword: string;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Creates the two roles and a database owned by the owner role. For development and tests;
 * in production the operator does the same once (docs/operations.md).
 * The app role owns nothing and cannot bypass RLS: that is what makes RLS binding.
 */
export async function provisionDatabase(o: ProvisionOptions): Promise<{ ownerUrl: string; appUrl: string }> {
  const admin = new Client({ connectionString: o.adminUrl });
  await admin.connect();
  try {
    for (const [role, pw] of [
      [OWNER_ROLE, o.ownerPassword],
      [APP_ROLE, o.appPassword],
    ] as const) {
      // A parallel run may create the role between our check and our create: both are fine.
      await admin.query(`do $$ begin
        if not exists (select from pg_roles where rolname = ${literal(role)}) then
          create role ${ident(role)} login nosuperuser nocreatedb nocreaterole nobypassrls password ${literal(pw)};
        end if;
      exception when duplicate_object or unique_violation then null; end $$`);
    }
    await admin.query(`alter role ${ident(APP_ROLE)} nosuperuser nobypassrls`);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [o.database]);
    if (!exists.rowCount) await admin.query(`create database ${ident(o.database)} owner ${ident(OWNER_ROLE)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(o.adminUrl);
  const dbUrl = (user: string, pw: string) => {
    const u = new URL(url.toString());
    u.username = user;
    u.password = pw;
    u.pathname = `/${o.database}`;
    return u.toString();
  };
  const ownerUrl = dbUrl(OWNER_ROLE, o.ownerPassword);
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query(`revoke create on schema public from public; grant usage on schema public to ${ident(APP_ROLE)}`);
  } finally {
    await owner.end();
  }
  return { ownerUrl, appUrl: dbUrl(APP_ROLE, o.appPassword) };
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${ident(database)} with (force)`);
  } finally {
    await admin.end();
  }
}
