/**
 * The tracing test against a real Jaeger (test/otel/*.otel.ts): the built API and worker
 * processes, started with OTEL_* pointing at a Jaeger all-in-one from .ci/otel-tools. Kept out of
 * `npm test` (it builds Jaeger on first use and runs two extra processes); `npm run test:otel`
 * runs it, and .ci/run calls that. Same transform and per-run database as the main suite.
 * @type {import('jest').Config}
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/otel'],
  testMatch: ['**/test/otel/**/*.otel.ts'],
  testTimeout: 120000,
};
