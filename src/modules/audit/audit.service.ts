import type { TenantScope } from '../../core/tenancy/scope';
import { AuditEventEntity } from './audit.entity';
import { toPage, type Page, type PageRequest } from '../../shared/page';
import { isUuid } from '../../shared/ids';

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

export interface AuditListFilter {
  action?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  actorSubject?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Newest first; the cursor is (occurredAt, id). */
export async function listAuditEvents(
  scope: TenantScope,
  filter: AuditListFilter,
  { first, after }: PageRequest,
): Promise<Page<AuditEventEntity>> {
  const where: Record<string, unknown> = { tenantId: scope.tenant.id };
  if (filter.action) where['action'] = filter.action;
  if (filter.targetType) where['targetType'] = filter.targetType;
  if (filter.targetId) {
    if (!isUuid(filter.targetId)) return toPage([], first, () => [], false);
    where['targetId'] = filter.targetId;
  }
  if (filter.actorSubject) where['actorSubject'] = filter.actorSubject;
  if (filter.from || filter.to)
    where['occurredAt'] = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  const qb = scope.em.createQueryBuilder(AuditEventEntity, 'a').where(where);
  if (after) qb.andWhere('(a.occurred_at, a.id) < (?, ?)', [after[0], after[1]]);
  const rows = await qb
    .orderBy({ occurredAt: 'desc', id: 'desc' })
    .limit(first + 1)
    .getResult();
  const page = toPage(rows, first, (e) => [e.occurredAt.toISOString(), e.id], !!after);
  page.totalCount = () => scope.em.count(AuditEventEntity, where);
  return page;
}
