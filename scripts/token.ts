/**
 * `npm run token -- --tenant zhili --roles tenant-admin,mediator --user demo`
 * Prints a token from the local development issuer (the one `npm start` serves).
 *
 * Roles per tenant, as Keycloak's group membership gives them (deploy/keycloak/README.md):
 * `npm run token -- --tenant zhili --tenant wuxing --group /zhili/mediator --group /wuxing/leader`
 * `--roles` are realm-wide: they count in a tenant only when the token lists that tenant alone.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { loadConfig } from '../src/config/config';
import { LocalIssuer } from '../src/core/auth/local-issuer';
import { localIssuerKeyFile, localIssuerUrl } from '../src/core/auth/verifier-setup';

const { values } = parseArgs({
  options: {
    tenant: { type: 'string', multiple: true, default: [] },
    roles: { type: 'string', default: '' },
    group: { type: 'string', multiple: true, default: [] },
    user: { type: 'string', default: 'demo' },
    ttl: { type: 'string', default: '3600' },
  },
});
const config = loadConfig();
if (!config.useLocalIssuer) {
  console.error('KEYCLOAK_REALM_URL is set: get tokens from Keycloak, not from the local issuer.');
  process.exit(1);
}
const file = localIssuerKeyFile(config);
if (!existsSync(file)) {
  console.error(`No local issuer key at ${file}: run npm start first.`);
  process.exit(1);
}
void (async () => {
  const issuer = await LocalIssuer.openOrCreate(file, localIssuerUrl(config), config.KEYCLOAK_CLIENT_ID);
  const token = await issuer.sign({
    subject: `local-${values.user}`,
    username: values.user,
    tenants: values.tenant.flatMap((t) => t.split(',')).filter(Boolean),
    roles: values.roles
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
    groups: values.group
      .flatMap((g) => g.split(','))
      .map((g) => g.trim().replace(/^\/+/, ''))
      .filter(Boolean)
      .map((g) => `/${g}`),
    expiresInSeconds: Number(values.ttl),
  });
  process.stdout.write(`${token}\n`);
})();
