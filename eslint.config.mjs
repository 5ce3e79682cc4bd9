import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeGlobals = {
  module: 'writable',
  require: 'readonly',
  process: 'readonly',
  console: 'readonly',
  __dirname: 'readonly',
  Buffer: 'readonly',
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.data/',
      'coverage/',
      'helm/',
      'web/dist/',
      'web/src/gql/',
      'web/src/resident/gql/',
      'web/e2e/output/',
      'web/test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Domain code talks in scopes, results and pages; only a module's transport layer (resolvers,
    // types, inputs, payloads, per-request loaders, HTTP routes) may know about the GraphQL engine.
    files: ['src/modules/**/*.ts'],
    ignores: [
      'src/modules/**/*.resolver.ts',
      'src/modules/**/*.type.ts',
      'src/modules/**/*.inputs.ts',
      'src/modules/**/*.payloads.ts',
      'src/modules/**/*.loaders.ts',
      'src/modules/**/*.routes.ts',
      'src/modules/**/__tests__/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/graphql/*', 'type-graphql', 'graphql', '@apollo/*'],
              message:
                'Domain code does not import the GraphQL layer: use core/tenancy (TenantScope), shared/user-error, shared/page.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
