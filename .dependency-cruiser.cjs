/**
 * The import graph's own rules, checked by `npm run lint` (the ESLint config keeps domain code
 * off the GraphQL layer; these are the rules a single file cannot see).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle, type-only imports included, means two files cannot be understood (or moved) apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-no-module',
      severity: 'error',
      comment:
        'core/ is the engine without domain rules. Only its registries (entities, the schema) name modules; everything else gets what it needs by injection.',
      from: { path: '^src/core/', pathNot: ['^src/core/db/entities\\.ts$', '^src/core/graphql/schema\\.ts$'] },
      to: { path: '^src/modules/' },
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment: 'shared/ holds pure helpers: no framework, no other layer.',
      from: { path: '^src/shared/' },
      to: {
        pathNot: ['^src/shared/', '^node:', '^(fs|path|crypto|util|buffer)$'],
        dependencyTypesNot: ['core'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^node_modules/', '^web/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    detectJSDocImports: false,
  },
};
