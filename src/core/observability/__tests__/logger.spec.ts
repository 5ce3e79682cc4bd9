import { Writable } from 'node:stream';
import { createLogger, scrubSql } from '../logger';

describe('logs', () => {
  it('drop the values a driver error quotes from its SQL, and keep its shape', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const err = Object.assign(
      new Error(
        `insert into "case_parties" ("name", "phone", "id_number") values ('张某', '13812345678', '330502199003071232') - duplicate key`,
      ),
      { code: '23505' },
    );
    createLogger('info', sink).error({ err, tenantId: 't-1' }, 'graphql internal error');
    const out = lines.join('');
    expect(out).not.toMatch(/13812345678|330502199003071232|张某/);
    // A database error is logged by allow-list (issue 12, item 9): its code, not its text.
    expect(JSON.parse(out).err).toMatchObject({ type: 'Error', code: '23505' });
    expect(JSON.parse(out).err.message).toBeUndefined();
  });

  it('keep only the code, table, constraint and column of a database error, never its quoted values', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    // As node-postgres raises them (and MikroORM's DriverException copies): values in message and detail.
    const cast = Object.assign(new Error('select 1 - invalid input syntax for type uuid: "13812345678"'), {
      code: '22P02',
      severity: 'ERROR',
      routine: 'string_to_uuid',
      where: "unnamed portal parameter $1 = '...'",
    });
    const unique = Object.assign(
      new Error(
        'insert - duplicate key value violates unique constraint "parties_phone"\n - detail: Key (tenant_id, phone)=(t, 13912345678) already exists.',
      ),
      {
        code: '23505',
        severity: 'ERROR',
        routine: '_bt_check_unique',
        table: 'case_parties',
        constraint: 'parties_phone',
        detail: 'Key (tenant_id, phone)=(t, 13912345678) already exists.',
      },
    );
    // As the GraphQL plugin sees it: a located error carrying the driver's message, wrapping it.
    const wrapped = Object.assign(new Error(unique.message), { originalError: unique });
    const log = createLogger('info', sink);
    log.error({ err: cast }, 'graphql internal error');
    log.error({ err: wrapped }, 'graphql internal error');
    const out = lines.join('');
    expect(out).not.toMatch(/13812345678|13912345678|portal parameter/);
    const [a, b] = lines.map((l) => JSON.parse(l).err);
    expect(a).toEqual({
      type: 'Error',
      dbError: 'Error',
      code: '22P02',
      severity: 'ERROR',
      routine: 'string_to_uuid',
      stack: expect.any(String),
    });
    expect(b).toMatchObject({ code: '23505', table: 'case_parties', constraint: 'parties_phone' });
  });

  it('scrubs doubled quotes inside literals too', () => {
    expect(scrubSql(`where name = 'O''Brien' and phone = '138'`)).toBe(`where name = '…' and phone = '…'`);
  });
});
