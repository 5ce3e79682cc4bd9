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
    expect(JSON.parse(out).err).toMatchObject({
      type: 'Error',
      code: '23505',
      message: `insert into "case_parties" ("name", "phone", "id_number") values ('…', '…', '…') - duplicate key`,
    });
  });

  it('scrubs doubled quotes inside literals too', () => {
    expect(scrubSql(`where name = 'O''Brien' and phone = '138'`)).toBe(`where name = '…' and phone = '…'`);
  });
});
