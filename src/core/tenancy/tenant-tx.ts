import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../db/orm';
import { TENANT_FILTER } from '../db/entities';

export type Em = EntityManager;

async function enterTenant(em: Em, tenantId: string): Promise<void> {
  // Transaction-local: the setting dies with the transaction, so a pooled connection
  // can never carry one tenant's id into another tenant's work.
  try {
    await em.execute(`select set_config('app.tenant_id', ?, true)`, [tenantId]);
  } catch (e) {
    throw await whyEnded(em, e);
  }
}

/**
 * When BEGIN itself failed (the connection dropped, the server froze past the read timeout), knex
 * ends the transaction and the next statement reports only "Transaction query already complete";
 * the real reason, which decides between a 503 and a 500, is in the transaction's own promise.
 */
async function whyEnded(em: Em, e: unknown): Promise<unknown> {
  const trx = em.getTransactionContext<{ isCompleted?(): boolean; executionPromise?: Promise<unknown> }>();
  if (!trx?.isCompleted?.() || !trx.executionPromise) return e;
  return trx.executionPromise.then(
    () => e,
    (why: unknown) => why ?? e,
  );
}

function forkFor(orm: Orm, tenantId: string): Em {
  const em = orm.em.fork({ clear: true, useContext: false });
  em.setFilterParams(TENANT_FILTER, { tenantId });
  return em;
}

/**
 * Run `fn` in one transaction inside `tenantId`'s isolation context. Jobs, scripts and
 * tests use this; GraphQL requests use {@link RequestUnitOfWork} (one per operation).
 */
export async function withTenant<T>(orm: Orm, tenantId: string, fn: (em: Em) => Promise<T>): Promise<T> {
  return forkFor(orm, tenantId).transactional(async (em) => {
    await enterTenant(em as Em, tenantId);
    return fn(em as Em);
  });
}

/**
 * Exactly one tenant transaction per GraphQL operation, opened on first use (an operation
 * that never touches tenant data pays nothing) and ended by the Apollo plugin.
 */
export class RequestUnitOfWork {
  private started: Promise<Em> | null = null;
  private mustRollback = false;
  private readonly committed: (() => Promise<void>)[] = [];

  constructor(
    private readonly orm: Orm,
    readonly tenantId: string,
  ) {}

  em(): Promise<Em> {
    this.started ??= (async () => {
      const em = forkFor(this.orm, this.tenantId);
      await em.begin();
      await enterTenant(em, this.tenantId);
      return em;
    })();
    return this.started;
  }

  /** A refused mutation: whatever it may have staged must not be committed. */
  rollbackOnly(): void {
    this.mustRollback = true;
  }

  /**
   * Work that must only happen once this operation's changes are visible to others (enqueueing a
   * job, a hand-off to another tenant). Runs after commit, never after a rollback; a failure is
   * the caller's to log, and the database row it depends on lets a sweep redo it.
   */
  afterCommit(fn: () => Promise<void>): void {
    this.committed.push(fn);
  }

  get isOpen(): boolean {
    return this.started !== null;
  }

  async finish(commit: boolean): Promise<void> {
    if (!this.started) return;
    const em = await this.started.catch(() => null);
    this.started = null;
    if (!em) return;
    if (commit && !this.mustRollback) {
      await em.commit();
      for (const fn of this.committed.splice(0)) await fn();
    } else {
      this.committed.length = 0;
      await em.rollback();
    }
  }
}
