import type { Orm } from '../db/orm';
import { TENANT_FILTER } from '../db/entities';
import { createLogger, type Logger } from '../observability/logger';
import type { Viewer } from '../auth/viewer';
import { readInTenant, type Planning } from '../db/tenant-read';
import type { Actor, Em, ReadScope, TenantScope } from './scope';
import type { TenantRecord } from './tenant-record';

export type { Em } from './scope';

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

/**
 * Nothing managed and nothing staged (the read path reads plain rows): a flush could write
 * nothing, so the transaction ends without one — computing change sets is the work a read-only
 * operation should not pay for. Anything the ORM holds goes through the full flush as before.
 */
export function nothingToFlush(em: Em): boolean {
  const uow = em.getUnitOfWork();
  return (
    uow.getIdentityMap().keys().length === 0 &&
    uow.getPersistStack().size === 0 &&
    uow.getRemoveStack().size === 0 &&
    uow.getOrphanRemoveStack().size === 0
  );
}

async function commitUnitOfWork(em: Em): Promise<void> {
  const trx = em.getTransactionContext();
  if (!trx || !nothingToFlush(em)) return em.commit();
  await em.getConnection('write').commit(trx);
  em.resetTransactionContext();
}

/** Reads through an open transaction (a unit of work's, or a test's own). */
export function emReader(em: Em): ReadScope['read'] {
  return <T>(sql: string, params: readonly unknown[]) => em.execute<T[]>(sql, [...params]);
}

/** Where after-commit failures go when the caller gave no logger of its own (scripts, tests). */
let fallbackLog: Logger | null = null;
const defaultLog = (): Logger => (fallbackLog ??= createLogger('warn'));

/**
 * One tenant transaction: a GraphQL operation, a job, a hand-off or a script. Opened on first use
 * (an operation that never touches tenant data pays nothing), ended by `finish`: commit and then
 * the after-commit work, or roll back and drop it.
 */
export class TenantUnitOfWork {
  private started: Promise<Em> | null = null;
  private mustRollback = false;
  private readonly committed: (() => Promise<void>)[] = [];

  constructor(
    private readonly orm: Orm,
    readonly tenantId: string,
    private readonly log: Logger = defaultLog(),
  ) {}

  em(): Promise<Em> {
    this.started ??= (async () => {
      const em = this.orm.em.fork({ clear: true, useContext: false });
      em.setFilterParams(TENANT_FILTER, { tenantId: this.tenantId });
      await em.begin();
      await enterTenant(em, this.tenantId);
      return em;
    })();
    return this.started;
  }

  async scope(tenant: TenantRecord, actor: Actor, viewer?: Viewer): Promise<TenantScope> {
    return { tenant, em: await this.em(), actor, viewer, read: this.read, afterCommit: (fn) => this.afterCommit(fn) };
  }

  /** A scope for reading plain rows that opens no transaction (see {@link ReadScope}). */
  readScope(tenant: TenantRecord, viewer?: Viewer): ReadScope {
    return { tenant, viewer, read: this.read };
  }

  /** {@link ReadScope.read} of this unit of work: through its transaction once open, else a round trip of its own. */
  readonly read: ReadScope['read'] = this.reader();

  private reader(): ReadScope['read'] {
    return <T>(sql: string, params: readonly unknown[], planning?: Planning): Promise<T[]> =>
      this.started
        ? this.started.then((em) => emReader(em)<T>(sql, params))
        : readInTenant<T>(this.orm, this.tenantId, sql, params, planning);
  }

  /** A refused mutation: whatever it may have staged must not be committed. */
  rollbackOnly(): void {
    this.mustRollback = true;
  }

  afterCommit(fn: () => Promise<void>): void {
    this.committed.push(fn);
  }

  async finish(commit: boolean): Promise<void> {
    if (!this.started) return;
    const em = await this.started.catch(() => null);
    this.started = null;
    if (!em) return;
    if (commit && !this.mustRollback) {
      await commitUnitOfWork(em);
      // Work staged by after-commit work (a hand-off's own steps) runs too, still once each.
      for (let fn = this.committed.shift(); fn; fn = this.committed.shift()) {
        await fn().catch((err: unknown) =>
          this.log.warn({ err, tenantId: this.tenantId }, 'after-commit work failed; a sweep will retry'),
        );
      }
    } else {
      this.committed.length = 0;
      await em.rollback();
    }
  }

  /** Runs `fn` in this unit of work and ends it: commit when `fn` returns, roll back when it throws. */
  async run<T>(fn: (em: Em) => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await fn(await this.em());
    } catch (err) {
      await this.finish(false);
      throw err;
    }
    await this.finish(true);
    return result;
  }
}

/**
 * Run `fn` in one transaction inside `tenantId`'s isolation context, for work that needs only the
 * entity manager (claims, reads). Steps that act on cases take a whole scope: {@link withTenantScope}.
 */
export function withTenant<T>(orm: Orm, tenantId: string, fn: (em: Em) => Promise<T>, log?: Logger): Promise<T> {
  return new TenantUnitOfWork(orm, tenantId, log).run(fn);
}

/** A job's, hand-off's or script's unit of work: the same scope a GraphQL operation gets. */
export function withTenantScope<T>(
  orm: Orm,
  tenant: TenantRecord,
  actor: Actor,
  fn: (scope: TenantScope) => Promise<T>,
  opts: { log?: Logger; viewer?: Viewer } = {},
): Promise<T> {
  const uow = new TenantUnitOfWork(orm, tenant.id, opts.log);
  return uow.run(async () => fn(await uow.scope(tenant, actor, opts.viewer)));
}
