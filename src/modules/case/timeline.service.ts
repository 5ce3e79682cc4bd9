import type { ReadScope, TenantScope } from '../../core/tenancy/scope';
import { readPage } from '../../core/db/read-page';
import { toPage, type Page, type PageRequest } from '../../shared/page';
import { CaseEventEntity } from './case.entity';
import type { CaseEventKind } from './case-events';
import { tenantPredicate } from '../../core/db/tenant-wall';
import { readableCasesSql } from './case-access';
import { eventRow, type EventFields } from './case-rows';

const EVENT_COLUMNS = eventRow.select('e');

export interface EventInput {
  type: CaseEventKind;
  data?: Record<string, unknown>;
  legalBasis?: string | null;
  /** set for work done by the system itself (hand-offs, sweeps) rather than a signed-in person */
  actor?: string | null;
}

/** The digital file: every change to a case appends one immutable event in the same transaction. */
export class TimelineService {
  /** Events recorded in a unit of work and not yet handed to the listeners (CaseWorkflow.commit). */
  private readonly pending = new WeakMap<object, CaseEventEntity[]>();

  takePending(scope: TenantScope): CaseEventEntity[] {
    const list = this.pending.get(scope.em) ?? [];
    this.pending.delete(scope.em);
    return list;
  }

  record(scope: TenantScope, caseId: string, e: EventInput): CaseEventEntity {
    // The token's display name, kept for summaries of people the staff directory does not know.
    const actorName = e.actor === undefined ? scope.actor.name : null;
    const ev = Object.assign(new CaseEventEntity(), {
      tenantId: scope.tenant.id,
      caseId,
      type: e.type,
      data: actorName ? { ...e.data, actorName } : (e.data ?? {}),
      legalBasis: e.legalBasis ?? null,
      actorSubject: e.actor === undefined ? scope.actor.subject : e.actor,
    });
    scope.em.persist(ev);
    const list = this.pending.get(scope.em) ?? [];
    list.push(ev);
    this.pending.set(scope.em, list);
    return ev;
  }

  /** Oldest first: a file is read from the report onwards. `caseIds` includes cases merged into this one. */
  async list(scope: TenantScope, caseIds: string[], { first, after }: PageRequest): Promise<Page<CaseEventEntity>> {
    const qb = scope.em
      .createQueryBuilder(CaseEventEntity, 'e')
      .where({ tenantId: scope.tenant.id, caseId: { $in: caseIds } });
    if (after) qb.andWhere('(e.occurred_at, e.id) > (?, ?)', [after[0], after[1]]);
    const rows = await qb
      .orderBy({ occurredAt: 'asc', id: 'asc' })
      .limit(first + 1)
      .getResult();
    const page = toPage(rows, first, (e) => [e.occurredAt.toISOString(), e.id], !!after);
    page.totalCount = () => scope.em.count(CaseEventEntity, { tenantId: scope.tenant.id, caseId: { $in: caseIds } });
    return page;
  }

  /**
   * A case's file as plain rows in one statement: its own events and those of the cases merged
   * into it that the reader may read (the merged ids are an init plan, so the events come by
   * index). The count is its own statement, run only when `totalCount` is read.
   */
  async listFile(scope: ReadScope, caseId: string, req: PageRequest): Promise<Page<EventFields>> {
    const te = tenantPredicate('e', scope.tenant.id);
    const tm = tenantPredicate('m', scope.tenant.id);
    const only = readableCasesSql(scope.viewer, 'm');
    return readPage(
      scope,
      {
        select: `select ${EVENT_COLUMNS} from case_events e`,
        where: [
          te.sql,
          `e.case_id = any(array(select ?::uuid union all select m.id from cases m where ${tm.sql} and m.merged_into_id = ?${only ? ` and ${only.sql}` : ''}))`,
        ],
        params: [...te.params, caseId, ...tm.params, caseId, ...(only?.params ?? [])],
        key: ['e.occurred_at', 'e.id'],
        descending: false,
        countFrom: 'case_events e',
        read: (r) => eventRow.read(r),
        cursor: (e) => [e.occurredAt.toISOString(), e.id],
      },
      req,
    );
  }
}
