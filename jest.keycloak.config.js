/**
 * The end-to-end test against a real Keycloak (test/keycloak/*.kc.ts). Kept out of `npm test`
 * because it needs a running Keycloak: .ci/keycloak-e2e starts one and runs
 * `jest -c jest.keycloak.config.js` with KEYCLOAK_E2E_REALM_URL set. Same transform and
 * per-run database as the main suite.
 * @type {import('jest').Config}
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/keycloak'],
  testMatch: ['**/test/keycloak/**/*.kc.ts'],
  testTimeout: 60000,
};
