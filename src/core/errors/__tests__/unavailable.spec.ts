import { GraphQLError } from 'graphql';
import { DependencyUnavailableError, isServiceUnavailable, serviceUnavailable, within } from '../unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isServiceUnavailable', () => {
  it.each([
    ['PostgreSQL stopped', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['connection reset', withCode('read ECONNRESET', 'ECONNRESET')],
    ['server closed the connection', new Error('Connection terminated unexpectedly')],
    ['frozen server (our read timeout)', new Error('select 1 - Query read timeout')],
    ['connect timeout', new Error('timeout expired')],
    ['pool exhausted', Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' })],
    ['statement_timeout', withCode('canceling statement due to statement timeout', '57014')],
    ['lock_timeout', withCode('canceling statement due to lock timeout', '55P03')],
    ['server shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['connection exception class 08', withCode('connection failure', '08006')],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    ['ioredis closed', new Error('Connection is closed.')],
    ['our own deadline', new DependencyUnavailableError('redis', 'enqueue took over 3000 ms')],
  ])('counts %s', (_what, err) => {
    expect(isServiceUnavailable(err)).toBe(true);
    // As resolvers' errors reach Apollo: wrapped in a GraphQLError, or as a cause.
    expect(isServiceUnavailable(new GraphQLError('wrapped', { originalError: err }))).toBe(true);
    expect(isServiceUnavailable(new Error('outer', { cause: err }))).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a cast error', withCode('invalid input syntax for type uuid: "x"', '22P02')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a refusal', new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } })],
    ['nothing', undefined],
  ])('does not count %s', (_what, err) => {
    expect(isServiceUnavailable(err)).toBe(false);
  });

  it('counts a value graphql-js could not recognise as an Error (NonErrorThrown)', () => {
    const foreign = { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' };
    expect(isServiceUnavailable(Object.assign(new Error('Unexpected error value'), { thrownValue: foreign }))).toBe(
      true,
    );
  });

  it('answers 503 with Retry-After and a message that names no server', () => {
    const e = serviceUnavailable(withCode('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED'));
    expect(e.message).not.toMatch(/ECONNREFUSED|10\.0\.0\.5/);
    expect(e.extensions['code']).toBe('SERVICE_UNAVAILABLE');
    const http = e.extensions['http'] as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(503);
    expect(http.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('gives up on a slow dependency with an error it counts', async () => {
    const never = new Promise<never>(() => undefined);
    const err = await within(20, 'redis', 'ping', never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DependencyUnavailableError);
    expect(isServiceUnavailable(err)).toBe(true);
    await expect(within(1000, 'redis', 'ping', Promise.resolve('PONG'))).resolves.toBe('PONG');
  });
});
