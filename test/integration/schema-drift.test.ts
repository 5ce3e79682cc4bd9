import { readFileSync } from 'node:fs';
import { printSdl } from '../../src/core/graphql/schema';

describe('checked-in schema', () => {
  it('matches the schema the code builds (run `npm run schema:emit` after changing the API)', async () => {
    expect(await printSdl()).toBe(readFileSync('schema/schema.graphql', 'utf8'));
  });
});
