/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/workers'],
  testMatch: ['**/__tests__/**/*.spec.ts', '**/test/**/*.test.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // jose and FormatJS (intl-messageformat) are ESM-only: let swc turn them into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(jose|intl-messageformat|@formatjs)/)'],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 30000,
};
