import { formatError } from '../format-error';
import { runInLocale } from '../../i18n/locale';
import { forbidden } from '../../errors/errors';

describe('formatError', () => {
  // These cases read the English words; the request's locale comes from Accept-Language.
  const en = <T>(fn: () => T) => runInLocale('en', fn);

  it('masks anything not written for clients', () => {
    const f = en(() =>
      formatError(false)({
        message: 'insert into "org_units" ... - duplicate key value violates unique constraint',
        path: ['createOrgUnit'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at /work/main/src/x.ts:1:1'] },
      }),
    );
    expect(f).toEqual({
      message: 'Internal server error',
      path: ['createOrgUnit'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('masks errors that carry no code at all', () => {
    expect(en(() => formatError(false)({ message: 'connect ECONNREFUSED 10.0.0.5:5432' })).message).toBe(
      'Internal server error',
    );
  });

  it('keeps client-facing messages and drops field suggestions in production', () => {
    const e = {
      message: 'Cannot query field "nam" on type "Tenant". Did you mean "name"?',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(en(() => formatError(false)(e)).message).toContain('Did you mean');
    expect(en(() => formatError(true)(e)).message).toBe('Cannot query field "nam" on type "Tenant".');
  });

  it("words graphql-js's own messages in Chinese by default, keeping its words beside, suggestions only outside production", () => {
    const e = {
      message: 'Cannot query field "nam" on type "Tenant". Did you mean "name"?',
      locations: [{ line: 1, column: 12 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(formatError(false)(e)).toEqual({
      message: '类型“Tenant”没有字段“nam”。',
      locations: [{ line: 1, column: 12 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', originalMessage: e.message },
    });
    expect(formatError(true)(e).extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      originalMessage: 'Cannot query field "nam" on type "Tenant".',
    });
    // One no template knows still reads in Chinese, never as English.
    expect(
      formatError(false)({ message: 'Something new', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }).message,
    ).toBe('操作不符合接口定义。');
    expect(
      formatError(false)({ message: 'Syntax Error: Unexpected <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } })
        .message,
    ).toBe('操作有语法错误。');
  });

  it('words catalogue errors and the internal error in the request locale, Chinese by default', () => {
    const e = forbidden({
      id: 'error.requiresRole',
      values: { roles: { list: [{ enum: 'Role', value: 'dispatcher' }] } },
    });
    expect(formatError(false)(e.toJSON()).message).toBe('需要以下角色之一：调度员');
    expect(en(() => formatError(false)(e.toJSON())).message).toBe('Requires one of the roles: Dispatcher');
    expect(formatError(false)({ message: 'boom' }).message).toMatch(/^服务器内部错误/);
  });
});
