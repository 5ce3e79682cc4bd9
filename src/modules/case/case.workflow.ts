import { LockMode } from '@mikro-orm/core';
import type { TenantScope } from '../../core/tenancy/scope';
import { userError } from '../../shared/user-error';
import { fail, ok, type Result } from '../../shared/result';
import { isUuid } from '../../shared/ids';
import { CaseEntity, type CaseEventEntity } from './case.entity';
import { CASE_ACTIONS, refusal, type CaseAction, type CaseErrorCode, type CaseStatus } from './case.states';
import type { EventInput, TimelineService } from './timeline.service';
import { enumArg, enumListArg } from '../../shared/message-ref';

/**
 * The one gate every case mutation passes: load the case locked for this transaction (two clerks
 * acting on one case at once queue instead of both passing the state check), refuse moves the
 * state machine does not allow, and move with a timeline event.
 */
/** Reacts to a step's events inside its transaction (the SLA clocks, for one). */
export type CaseListener = (scope: TenantScope, c: CaseEntity, events: CaseEventEntity[]) => Promise<void>;

export class CaseWorkflow {
  private readonly listeners: CaseListener[] = [];

  constructor(readonly timeline: TimelineService) {}

  onEvents(l: CaseListener): void {
    this.listeners.push(l);
  }

  lock(scope: TenantScope, caseId: string): Promise<CaseEntity | null> {
    return isUuid(caseId)
      ? scope.em.findOne(
          CaseEntity,
          { tenantId: scope.tenant.id, id: caseId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        )
      : Promise.resolve(null);
  }

  /** Ends every case step: the listeners see the step's events, then everything is flushed together. */
  async finishStep(scope: TenantScope): Promise<void> {
    const written: CaseEventEntity[] = [];
    for (let events = this.timeline.takePending(scope); events.length; events = this.timeline.takePending(scope)) {
      written.push(...events);
      const byCase = new Map<string, CaseEventEntity[]>();
      for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
      for (const [caseId, list] of byCase) {
        // The step's case is in the unit of work already: a read would first flush the step's
        // changes, and a flush costs in proportion to all the unit of work holds (a seeding
        // transaction holds thousands of rows). The step's one flush is its last.
        const where = { tenantId: scope.tenant.id, id: caseId };
        const c =
          scope.em.getUnitOfWork().tryGetById<CaseEntity>(CaseEntity.name, where) ??
          (await scope.em.findOne(CaseEntity, where));
        if (c) for (const l of this.listeners) await l(scope, c, list);
      }
    }
    await scope.em.flush();
    // Timeline events are append-only (the app role may not update them), so once written the
    // unit of work lets them go rather than compare each one's data again at every later flush
    // of the transaction.
    const uow = scope.em.getUnitOfWork();
    for (const e of written) uow.unsetIdentity(e);
  }

  async forAction(
    scope: TenantScope,
    caseId: string,
    action: CaseAction,
    field: string[] = ['input', 'caseId'],
  ): Promise<Result<CaseEntity, CaseErrorCode>> {
    const c = await this.lock(scope, caseId);
    if (!c) return fail(userError(field, 'NOT_FOUND', 'notFound.case'));
    const code = refusal(action, c.status);
    if (code) {
      return fail(
        userError(field, code, 'case.wrongStatus', {
          number: c.number,
          status: enumArg('CaseStatus', c.status),
          allowed: enumListArg('CaseStatus', CASE_ACTIONS[action].from),
        }),
      );
    }
    return ok(c);
  }

  move(scope: TenantScope, c: CaseEntity, to: CaseStatus, event: EventInput): void {
    const from = c.status;
    c.status = to;
    if (to === 'CLOSED' || to === 'REJECTED' || to === 'MERGED') c.warningLevel = 'NONE';
    this.timeline.record(scope, c.id, { ...event, data: { from, to, ...event.data } });
  }

  /** A handling step on a dispatched case means the receiving unit has taken it up. */
  startHandling(scope: TenantScope, c: CaseEntity, by: string): void {
    if (c.status === 'DISPATCHED') this.move(scope, c, 'IN_PROGRESS', { type: 'HANDLING_STARTED', data: { by } });
  }
}
