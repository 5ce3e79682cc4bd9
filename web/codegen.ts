import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the API's own contract: a document that no longer validates against
// schema/schema.graphql fails here, and `npm run codegen:check` fails when src/gql drifts.
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      documents: ['src/**/*.graphql', '!src/resident/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', Decimal: 'string', JSON: 'unknown' },
      },
    },
    // The residents' phone pages get a module of their own documents: their bundle then carries
    // none of the console's operations (a shared module is one chunk with every document in it).
    'src/resident/gql/': {
      documents: ['src/resident/**/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', Decimal: 'string', JSON: 'unknown' },
      },
    },
  },
};
export default config;
