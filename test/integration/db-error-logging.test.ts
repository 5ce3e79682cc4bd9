import { Writable } from 'node:stream';
import { startHarness, type Harness } from '../utils/harness';
import { personalDataIn } from '../utils/personal-data';
import { withTenant } from '../../src/core/tenancy/tenant-tx';

const PHONE = '13812345678';
const ID_NUMBER = '330502199003071232';

/**
 * PostgreSQL quotes the offending value in its messages (`invalid input syntax for type uuid:
 * "…"`) and details (`Key (…)=(…) already exists`); the log keeps code, table, constraint, column.
 */
describe('database errors in the log', () => {
  let h: Harness;
  const lines: string[] = [];

  beforeAll(async () => {
    h = await startHarness(
      { LOG_LEVEL: 'debug' },
      {
        logSink: new Writable({
          write(chunk, _enc, done) {
            lines.push(String(chunk));
            done();
          },
        }),
      },
    );
  });
  afterAll(() => h.close());

  it("never logs a cast error's value, from GraphQL or from the driver", async () => {
    const t = await h.createTenant('dberr');
    const token = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    // An id that is a phone number: either refused as input, or a cast error inside PostgreSQL.
    const res = await h.gql(token, `{ mediators(first: 5, filter: { orgUnitId: "${PHONE}" }) { totalCount } }`);
    expect(res.body.errors?.[0]?.extensions?.code ?? 'OK').toMatch(/^(BAD_USER_INPUT|INTERNAL_SERVER_ERROR|OK)$/);

    // The driver's own errors, as a service would meet them and the GraphQL plugin would log them.
    const cast = await withTenant(h.rt.orm, t.id, (em) => em.execute('select ?::uuid as id', [PHONE])).catch(
      (e: unknown) => e,
    );
    const tooLong = await withTenant(h.rt.orm, t.id, (em) =>
      em.execute('select ?::varchar(5) as v, ?::int as n', [ID_NUMBER, ID_NUMBER]),
    ).catch((e: unknown) => e);
    expect(cast).toMatchObject({ code: '22P02' });
    expect(tooLong).toMatchObject({ code: '22003' });
    h.rt.log.error({ err: cast }, 'graphql internal error');
    h.rt.log.error({ err: tooLong }, 'graphql internal error');

    const logged = lines.join('\n');
    expect(personalDataIn(logged)).toBeNull();
    expect(logged).not.toContain(PHONE);
    const entries = lines.map((l) => JSON.parse(l) as { err?: Record<string, unknown> }).filter((l) => l.err?.['code']);
    expect(entries.map((e) => e.err!['code'])).toEqual(expect.arrayContaining(['22P02', '22003']));
    for (const e of entries) expect(Object.keys(e.err!).sort()).not.toContain('message');
  });
});
