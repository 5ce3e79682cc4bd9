import { AbstractSqlDriver, PostgreSqlConnection, PostgreSqlPlatform, type Configuration } from '@mikro-orm/postgresql';

type ExecuteArgs = Parameters<PostgreSqlConnection['execute']>;

/**
 * One statement at a time per transaction. A request's root query fields resolve in parallel on
 * the request's one transaction, i.e. one PostgreSQL connection; node-postgres still queues a
 * second query sent while the first runs, but that is deprecated and goes away in pg 9. Chaining
 * them here keeps the order explicit and the warning out of the logs. Statements outside a
 * transaction take pooled connections of their own and are not held back.
 */
export class SerialPostgreSqlConnection extends PostgreSqlConnection {
  private readonly tails = new WeakMap<object, Promise<unknown>>();

  override execute<T>(...args: ExecuteArgs): Promise<T> {
    const [query, , , given] = args;
    const ctx =
      given ??
      (typeof query === 'object' && query && (query as { client?: { transacting?: boolean } }).client?.transacting
        ? query
        : undefined);
    if (!ctx) return super.execute(...args) as Promise<T>;
    const previous = this.tails.get(ctx) ?? Promise.resolve();
    const run = previous.then(() => super.execute(...args) as Promise<T>);
    this.tails.set(
      ctx,
      run.catch(() => undefined),
    );
    return run;
  }
}

export class SerialPostgreSqlDriver extends AbstractSqlDriver<SerialPostgreSqlConnection, PostgreSqlPlatform> {
  constructor(config: Configuration) {
    super(config, new PostgreSqlPlatform(), SerialPostgreSqlConnection, ['knex', 'pg']);
  }
}
