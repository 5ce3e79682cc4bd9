import { formatError } from '../format-error';

describe('formatError', () => {
  it('masks anything not written for clients', () => {
    const f = formatError(false)({
      message: 'insert into "org_units" ... - duplicate key value violates unique constraint',
      path: ['createOrgUnit'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at /work/main/src/x.ts:1:1'] },
    });
    expect(f).toEqual({
      message: 'Internal server error',
      path: ['createOrgUnit'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('masks errors that carry no code at all', () => {
    expect(formatError(false)({ message: 'connect ECONNREFUSED 10.0.0.5:5432' }).message).toBe('Internal server error');
  });

  it('keeps client-facing messages and drops field suggestions in production', () => {
    const e = {
      message: 'Cannot query field "nam" on type "Tenant". Did you mean "name"?',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(formatError(false)(e).message).toContain('Did you mean');
    expect(formatError(true)(e).message).toBe('Cannot query field "nam" on type "Tenant".');
  });
});
