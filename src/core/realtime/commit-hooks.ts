import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { Orm } from '../db/orm';
import type { Em } from '../tenancy/tenant-tx';

/**
 * "After commit" for transactions that no request surrounds — jobs in the worker process, parent
 * hand-offs, scripts — where TenantScope.afterCommit is absent. MikroORM announces every commit
 * of a top-level transaction with the entity manager that ran it (the one `withTenant` passes to
 * its callback, which is `scope.em`), so work staged against that manager runs once its commit
 * has succeeded and is dropped on rollback, without each caller of `withTenant` having to know.
 */
export class CommitHooks {
  private readonly pending = new WeakMap<object, (() => void)[]>();

  constructor(orm: Orm) {
    const subscriber: EventSubscriber = {
      afterTransactionCommit: (args: TransactionEventArgs) => this.run(args.em),
      afterTransactionRollback: (args: TransactionEventArgs) => {
        this.pending.delete(args.em);
      },
    };
    // Forks share this event manager and transactions clone it, so the subscriber sees them all.
    orm.em.getEventManager().registerSubscriber(subscriber);
  }

  /** Runs `fn` (synchronously, so it must not throw or block) once `em`'s transaction commits. */
  after(em: Em, fn: () => void): void {
    // Every case step runs in a transaction; outside one there is no commit to wait for.
    if (!em.isInTransaction()) return fn();
    const list = this.pending.get(em);
    if (list) list.push(fn);
    else this.pending.set(em, [fn]);
  }

  private run(em: object): void {
    const list = this.pending.get(em);
    if (!list) return;
    this.pending.delete(em);
    for (const fn of list) fn();
  }
}
