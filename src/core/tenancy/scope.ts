import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { TenantRecord } from './tenant-record';
import type { Planning } from '../db/tenant-read';

export type Em = EntityManager;

/** Who acts: a person's token subject, or a `system:*` name for jobs and hand-offs. */
export interface Actor {
  subject: string;
  requestId: string;
  ip: string | null;
  /** the token's display name, if it has one (timeline summaries of people not in the staff directory) */
  name?: string | null;
}

/**
 * What a read of plain rows needs: the tenant, who reads, and a way to run a statement in the
 * tenant's isolation context. In a query operation that has not opened a transaction the
 * statement goes in one round trip of its own (db/tenant-read.ts); inside a unit of work it goes
 * through its transaction, so a mutation's payload reads what the mutation wrote.
 */
export interface ReadScope {
  tenant: TenantRecord;
  /** as in {@link TenantScope.viewer} */
  viewer?: Viewer;
  /**
   * rows of `sql` (`?` placeholders) under both tenant walls: the caller's predicate and RLS;
   * `planning` as in db/tenant-read.ts (a search by pattern asks for `perValue`)
   */
  read<T = Record<string, unknown>>(sql: string, params: readonly unknown[], planning?: Planning): Promise<T[]>;
}

/**
 * What a tenant-scoped service needs: the tenant, its transaction, who is acting, and a way to
 * run work once the transaction's changes are visible to others. The same in a GraphQL operation,
 * a job and a script (see TenantUnitOfWork).
 */
export interface TenantScope extends ReadScope {
  tenant: TenantRecord;
  em: Em;
  actor: Actor;
  /**
   * Who reads, when a request does: read rules that depend on the caller (a feed reads only its
   * own reports; free text is masked for roles without personal-data rights) look here. Absent
   * for system work (workers, hand-offs, demo data), which reads everything of its tenant.
   */
  viewer?: Viewer;
  /**
   * Runs `fn` once this unit of work has committed, exactly once, never after a rollback (enqueue
   * a job, publish a live update, hand off to another tenant). A failure is logged, not thrown: the
   * database row the work derives from lets a sweep redo it.
   */
  afterCommit(fn: () => Promise<void>): void;
}
