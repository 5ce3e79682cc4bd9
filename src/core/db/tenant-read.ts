import { createHash } from 'node:crypto';
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
const SET_TENANT = `select set_config('app.tenant_id', $1, true), set_config('plan_cache_mode', $2, true)`;
const SET_TENANT_NAME = 'onedoor_set_tenant_v2';

/**
 * How PostgreSQL plans the statement. `generic` (the default): planned once per session without
 * the values, then reused. Left to itself (`auto`) PostgreSQL kept re-planning the case page for
 * every request, because RLS and a known tenant make each custom plan look cheaper: 2.5 ms of
 * planning for 0.4 ms of execution on the page with parties and assignees. `perValue`: a statement
 * whose best plan depends on a value (a search pattern's selectivity) keeps PostgreSQL's choice.
 */
export type Planning = 'generic' | 'perValue';
const PLAN_CACHE_MODE: Record<Planning, string> = { generic: 'force_generic_plan', perValue: 'auto' };

/**
 * Statements are prepared by name, once per session, as a query compiler does: PostgreSQL then
 * plans a page's statement once instead of on every request. A session keeps at most this many
 * (the case desk's filters combine into a few dozen shapes); the least recently used is closed.
 */
const PREPARED_PER_SESSION = 100;

interface QueryResult {
  rows: Record<string, unknown>[];
}

type Wire = Connection & {
  stream: { cork?(): void; uncork?(): void };
  parsedStatements: Record<string, string>;
  parse(m: { text: string; name: string; types: unknown[] }): void;
  bind(m: { portal: string; statement: string; values: unknown[] }): void;
  execute(m: { portal: string; rows: number }): void;
  close(m: { type: 'S'; name: string }): void;
};

/** The named statements one session holds, least recently used first. */
class SessionStatements {
  private readonly names = new Map<string, true>();
  private readonly toClose = new Set<string>();

  use(name: string): void {
    if (this.names.delete(name)) {
      this.names.set(name, true);
      return;
    }
    this.names.set(name, true);
    if (this.names.size > PREPARED_PER_SESSION) this.forget(this.names.keys().next().value!);
  }

  /** Unsure whether it exists (its round trip failed) or no longer wanted: closed before its next use. */
  forget(name: string): void {
    this.names.delete(name);
    this.toClose.add(name);
  }

  /** Close messages go first on the next round trip; closing a name that does not exist is no error. */
  sendCloses(wire: Wire): void {
    for (const name of this.toClose) {
      wire.close({ type: 'S', name });
      delete wire.parsedStatements[name];
    }
    this.toClose.clear();
  }
}

const query = Query.prototype as unknown as {
  submit(c: Connection): Error | null;
  handleDataRow(m: unknown): void;
  handleCommandComplete(m: unknown, c: Connection): void;
  handleError(e: Error, c: Connection): void;
};

/** pg's own Query for the statement, preceded on the wire by the setting, whose reply it skips. */
class InTenant extends Query {
  private settingAnswered = false;

  constructor(
    private readonly tenantId: string,
    private readonly planning: Planning,
    private readonly statements: SessionStatements,
    statement: Statement,
    values: unknown[],
  ) {
    // `extended` even without values: a simple Query message would end the implicit transaction.
    super({ text: statement.text, name: statement.name, values, queryMode: 'extended' } as ConstructorParameters<
      typeof Query
    >[0]);
    statements.use(statement.name);
  }

  override submit = (connection: Connection): void => {
    const wire = connection as Wire;
    wire.stream.cork?.();
    try {
      this.statements.sendCloses(wire);
      if (wire.parsedStatements[SET_TENANT_NAME] === undefined) {
        wire.parse({ text: SET_TENANT, name: SET_TENANT_NAME, types: [] });
        wire.parsedStatements[SET_TENANT_NAME] = SET_TENANT;
      }
      wire.bind({ portal: '', statement: SET_TENANT_NAME, values: [this.tenantId, PLAN_CACHE_MODE[this.planning]] });
      wire.execute({ portal: '', rows: 0 });
      // parse (once per session), bind, describe, execute and the Sync of the statement itself
      query.submit.call(this, connection);
    } finally {
      wire.stream.uncork?.();
    }
  };

  // The setting's one row and its CommandComplete arrive first; they are not the statement's.
  handleDataRow(msg: unknown): void {
    if (this.settingAnswered) query.handleDataRow.call(this, msg);
  }

  handleCommandComplete(msg: unknown, con: Connection): void {
    if (!this.settingAnswered) {
      this.settingAnswered = true;
      return;
    }
    query.handleCommandComplete.call(this, msg, con);
  }

  // Which of the round trip's Parse messages took effect is not known after an error: both names
  // are closed and prepared afresh on the next use (also after a migration changed a table under a plan).
  handleError(err: Error, con: Connection): void {
    this.statements.forget(SET_TENANT_NAME);
    this.statements.forget((this as unknown as { name: string }).name);
    query.handleError.call(this, err, con);
  }
}

interface PooledPg {
  query(q: Query, cb: (err: Error | null, res?: QueryResult) => void): void;
}
interface KnexPgClient {
  acquireConnection(): Promise<PooledPg>;
  releaseConnection(c: PooledPg): Promise<void>;
}

interface Statement {
  text: string;
  name: string;
}

/** `?` placeholders (as em.execute takes them) → `$n`, and the name it is prepared under. */
const statementsBySql = new Map<string, Statement>();
function statementOf(sql: string): Statement {
  let st = statementsBySql.get(sql);
  if (st === undefined) {
    let n = 0;
    // Our statements hold no `?` inside literals or as an operator.
    const text = sql.replace(/\?/g, () => `$${++n}`);
    st = { text, name: `onedoor_${createHash('sha256').update(text).digest('base64url').slice(0, 22)}` };
    // A bounded memo: statement texts are few (filters combine into a few dozen shapes).
    if (statementsBySql.size >= 1000) statementsBySql.clear();
    statementsBySql.set(sql, st);
  }
  return st;
}

const sessions = new WeakMap<object, SessionStatements>();
const statementsOf = (conn: object) => {
  let s = sessions.get(conn);
  if (!s) sessions.set(conn, (s = new SessionStatements()));
  return s;
};

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
  planning: Planning = 'generic',
): Promise<T[]> {
  const client = orm.em.getConnection().getKnex().client as unknown as KnexPgClient;
  const conn = await client.acquireConnection();
  if (tenantReads.listenerCount('read')) tenantReads.emit('read', { sql });
  try {
    const result = await new Promise<QueryResult>((resolve, reject) =>
      conn.query(new InTenant(tenantId, planning, statementsOf(conn), statementOf(sql), [...params]), (err, res) =>
        err ? reject(err) : resolve(res!),
      ),
    );
    return result.rows as T[];
  } finally {
    await client.releaseConnection(conn);
  }
}
