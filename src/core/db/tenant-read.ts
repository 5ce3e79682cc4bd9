import { EventEmitter } from 'node:events';
import { Query, type Connection } from 'pg';
import type { Orm } from './orm';

/**
 * A read-only statement in a tenant's isolation context in ONE round trip.
 *
 * A tenant transaction costs four round trips (`BEGIN`, `set_config`, the statement, `COMMIT`),
 * each a socket write and a wake-up on both sides; for a page that is one statement, three of
 * the four are overhead. The extended query protocol runs everything between two Sync messages
 * as one implicit transaction, so `set_config('app.tenant_id', …, true)` followed by the
 * statement, then one Sync, is the same transaction-local setting — it dies at the Sync, as it
 * dies at COMMIT — at the cost of a single write and a single reply.
 *
 * Only for reads of plain rows outside a unit of work (see TenantUnitOfWork.read): once an
 * operation has opened its transaction, its reads go through it so they see its own writes.
 */
const SET_TENANT = `select set_config('app.tenant_id', $1, true)`;

interface QueryResult {
  rows: Record<string, unknown>[];
}

/** pg's own Query for the statement, preceded on the wire by the setting, whose reply it skips. */
class InTenant extends Query {
  private settingAnswered = false;

  constructor(
    private readonly tenantId: string,
    text: string,
    values: unknown[],
  ) {
    // `extended` even without values: a simple Query message would end the implicit transaction.
    super({ text, values, queryMode: 'extended' } as ConstructorParameters<typeof Query>[0]);
  }

  override submit = (connection: Connection): void => {
    const c = connection as Connection & {
      stream: { cork?(): void; uncork?(): void };
      parse(m: { text: string; name: string; types: unknown[] }): void;
      bind(m: { portal: string; statement: string; values: unknown[] }): void;
      execute(m: { portal: string; rows: number }): void;
    };
    c.stream.cork?.();
    try {
      c.parse({ text: SET_TENANT, name: '', types: [] });
      c.bind({ portal: '', statement: '', values: [this.tenantId] });
      c.execute({ portal: '', rows: 0 });
      // parse, bind, describe, execute and the Sync of the statement itself
      (Query.prototype as unknown as { submit(c: Connection): Error | null }).submit.call(this, connection);
    } finally {
      c.stream.uncork?.();
    }
  };

  // The setting's one row and its CommandComplete arrive first; they are not the statement's.
  handleDataRow(msg: unknown): void {
    if (this.settingAnswered)
      (Query.prototype as unknown as { handleDataRow(m: unknown): void }).handleDataRow.call(this, msg);
  }

  handleCommandComplete(msg: unknown, con: Connection): void {
    if (!this.settingAnswered) {
      this.settingAnswered = true;
      return;
    }
    (
      Query.prototype as unknown as { handleCommandComplete(m: unknown, c: Connection): void }
    ).handleCommandComplete.call(this, msg, con);
  }
}

interface PooledPg {
  query(q: Query, cb: (err: Error | null, res?: QueryResult) => void): void;
}
interface KnexPgClient {
  acquireConnection(): Promise<PooledPg>;
  releaseConnection(c: PooledPg): Promise<void>;
}

/** `?` placeholders (as em.execute takes them) → `$n`; our statements hold no `?` inside literals. */
const numbered = new Map<string, string>();
function numberPlaceholders(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    // A bounded memo: statement texts are few (filters combine into a handful of shapes).
    if (numbered.size >= 500) numbered.clear();
    numbered.set(sql, text);
  }
  return text;
}

/**
 * `read` with `{ sql }` for every statement sent this way (after the setting that precedes it on
 * the same round trip): what knex's `query` event is for the ORM's statements, for counting them.
 */
export const tenantReads = new EventEmitter();

/**
 * Runs `sql` (with `?` placeholders) in `tenantId`'s context on a pooled connection of the app
 * role, in one round trip, and returns its rows parsed as the ORM's own connection parses them
 * (same pool, same type parsers, same session timeouts and read timeout).
 */
export async function readInTenant<T = Record<string, unknown>>(
  orm: Orm,
  tenantId: string,
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  const client = orm.em.getConnection().getKnex().client as unknown as KnexPgClient;
  const conn = await client.acquireConnection();
  if (tenantReads.listenerCount('read')) tenantReads.emit('read', { sql });
  try {
    const result = await new Promise<QueryResult>((resolve, reject) =>
      conn.query(new InTenant(tenantId, numberPlaceholders(sql), [...params]), (err, res) =>
        err ? reject(err) : resolve(res!),
      ),
    );
    return result.rows as T[];
  } finally {
    await client.releaseConnection(conn);
  }
}
