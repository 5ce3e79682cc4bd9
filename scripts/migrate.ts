/** `npm run migrate`: applies pending migrations as the owner role (DATABASE_OWNER_URL). */
import 'reflect-metadata';
import { loadConfig } from '../src/config/config';
import { runMigrations } from '../src/core/db/orm';

const config = loadConfig();
const url = config.DATABASE_OWNER_URL;
if (!url) {
  console.error('DATABASE_OWNER_URL: required to run migrations (the owner role, not the app role)');
  process.exit(1);
}
runMigrations(url)
  .then((applied) => {
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
