import type { TenantScope } from '../../core/graphql/context';
import { AuditEventEntity } from './audit.entity';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  success?: boolean;
}

/** Writes the tenant's audit trail inside the caller's transaction: no change without its record. */
export class AuditService {
  record(scope: TenantScope, entry: AuditEntry): void {
    const e = new AuditEventEntity();
    e.tenantId = scope.tenant.id;
    e.actorSubject = scope.actor.subject;
    e.action = entry.action;
    e.targetType = entry.targetType;
    e.targetId = entry.targetId;
    e.before = entry.before ?? null;
    e.after = entry.after ?? null;
    e.success = entry.success ?? true;
    e.sourceIp = scope.actor.ip;
    e.requestId = scope.actor.requestId;
    scope.em.persist(e);
  }
}

/** A plain snapshot of an entity for before/after columns (dates as ISO strings). */
export function snapshot<T extends object>(entity: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(entity)) as Record<string, unknown>;
}
