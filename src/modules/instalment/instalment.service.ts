import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { findById } from '../../core/db/by-id';
import { addDays, fromWallClock, localDateOf } from '../../core/calendar/local-date';
import { userError } from '../../shared/user-error';
import { fail, ok, type Result } from '../../shared/result';
import { MONEY_RE } from '../../shared/patterns';
import type { CaseEntity, CaseEventEntity } from '../case/case.entity';
import type { CaseWorkflow } from '../case/case.workflow';
import { AgreementEntity } from '../mediation/mediation.entity';
import {
  InstalmentEntity,
  InstalmentPaymentEntity,
  InstalmentReminderEntity,
  type ReminderKind,
} from './instalment.entity';
import { InstalmentErrorCode as E } from './instalment.errors';
import type { ReminderScheduler } from './reminder-scheduler';

export interface RecordPayment {
  instalmentId: string;
  amount: string;
  /** when the money arrived (default now; never in the future) */
  paidAt?: Date | null;
}

/** Days before and after the due date the handlers are reminded, at 09:00 on the tenant's clock. */
export const REMINDER_DAYS: Record<ReminderKind, number> = { BEFORE: -3, AFTER: 1 };
const REMINDER_AT_MS = 9 * 3_600_000;

/** Money as whole fen: no floating point between what is owed and what was paid. */
export const toFen = (yuan: string): bigint => {
  const [whole, frac = ''] = yuan.split('.');
  return BigInt(whole!) * 100n + BigInt((frac + '00').slice(0, 2));
};
export const fromFen = (fen: bigint): string => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;

/** Not paid in full by the end of its due date (on the tenant's calendar), or paid in full only after it. */
export function isLate(i: InstalmentEntity, tz: string, now = new Date()): boolean {
  const paidOn = i.paidAt ? localDateOf(i.paidAt, tz) : null;
  return paidOn ? paidOn > i.dueOn : localDateOf(now, tz) > i.dueOn;
}

/**
 * The instalments of agreements: each one's rows are made when the agreement is signed (from the
 * AGREEMENT_SIGNED step, in its transaction), payments are recorded against them, and reminders
 * before and after each due date are rows fed into BullMQ like the deadline checkpoints.
 */
export class InstalmentService {
  constructor(
    private readonly workflow: CaseWorkflow,
    readonly scheduler: ReminderScheduler,
  ) {}

  listFor(em: Em, tenantId: string, agreementIds: readonly string[]): Promise<InstalmentEntity[]> {
    return em.find(
      InstalmentEntity,
      { tenantId, agreementId: { $in: [...agreementIds] } },
      { orderBy: { agreementId: 'asc', seq: 'asc' } },
    );
  }

  /** Listener of case steps: a signed agreement's instalments become rows with their reminders. */
  async onCaseEvents(scope: TenantScope, c: CaseEntity, events: CaseEventEntity[]): Promise<void> {
    const signed = events.filter((e) => e.type === 'AGREEMENT_SIGNED');
    if (!signed.length) return;
    // The agreement was persisted earlier in this step; make it readable before planning from it.
    await scope.em.flush();
    for (const e of signed) {
      const a = await findById(scope.em, AgreementEntity, scope.tenant.id, String(e.data['agreementId']));
      if (a) this.plan(scope, c, a);
    }
  }

  private plan(scope: TenantScope, c: CaseEntity, a: AgreementEntity): void {
    const tz = scope.tenant.timeZone;
    const reminders: InstalmentReminderEntity[] = [];
    a.instalments.forEach((p, n) => {
      if (toFen(p.amount) <= 0n) return;
      const i = Object.assign(new InstalmentEntity(), {
        tenantId: scope.tenant.id,
        agreementId: a.id,
        caseId: c.id,
        seq: n + 1,
        dueOn: p.dueOn,
        amount: p.amount,
      });
      scope.em.persist(i);
      for (const kind of ['BEFORE', 'AFTER'] as const) {
        const dueAt = fromWallClock(addDays(p.dueOn, REMINDER_DAYS[kind]), REMINDER_AT_MS, tz);
        // A reminder whose moment has passed (an agreement entered late) would only be noise now.
        if (dueAt.getTime() <= Date.now()) continue;
        const r = Object.assign(new InstalmentReminderEntity(), {
          tenantId: scope.tenant.id,
          instalmentId: i.id,
          kind,
          dueAt,
        });
        scope.em.persist(r);
        reminders.push(r);
      }
    });
    if (reminders.length)
      scope.afterCommit(async () => {
        await this.scheduler.enqueue(
          reminders.map((r) => ({ tenantId: r.tenantId, reminderId: r.id, dueAt: r.dueAt })),
        );
      });
  }

  /**
   * A payment against one instalment (several may add up to it). Paid in full, its reminders
   * still pending are cancelled; the timeline says whether it came late.
   */
  async pay(scope: TenantScope, input: RecordPayment): Promise<Result<InstalmentEntity, E>> {
    if (!MONEY_RE.test(input.amount) || toFen(input.amount) <= 0n)
      return fail(userError(['input', 'amount'], E.INVALID, 'input.yuan'));
    const paidAt = input.paidAt ?? new Date();
    if (paidAt.getTime() > Date.now() + 5 * 60_000)
      return fail(userError(['input', 'paidAt'], E.INVALID, 'instalment.paidInFuture'));
    const found = await findById(scope.em, InstalmentEntity, scope.tenant.id, input.instalmentId);
    if (!found) return fail(userError(['input', 'instalmentId'], E.NOT_FOUND, 'notFound.instalment'));
    // The case row is the step's lock, as in every other case step.
    const c = await this.workflow.lock(scope, found.caseId);
    if (!c) return fail(userError(['input', 'instalmentId'], E.NOT_FOUND, 'notFound.instalment'));
    await scope.em.refresh(found);
    const i = found;
    if (i.status === 'PAID')
      return fail(userError(['input', 'instalmentId'], E.ALREADY_PAID, 'instalment.alreadyPaid'));
    const total = toFen(i.paidAmount) + toFen(input.amount);
    if (total > toFen(i.amount))
      return fail(
        userError(['input', 'amount'], E.INVALID, 'instalment.overpaid', {
          outstanding: fromFen(toFen(i.amount) - toFen(i.paidAmount)),
        }),
      );
    const full = total === toFen(i.amount);
    scope.em.persist(
      Object.assign(new InstalmentPaymentEntity(), {
        tenantId: scope.tenant.id,
        instalmentId: i.id,
        caseId: i.caseId,
        amount: fromFen(toFen(input.amount)),
        paidAt,
        recordedBy: scope.actor.subject,
      }),
    );
    Object.assign(i, {
      paidAmount: fromFen(total),
      status: full ? 'PAID' : 'PARTLY_PAID',
      paidAt: full ? paidAt : null,
    });
    if (full)
      await scope.em.nativeUpdate(
        InstalmentReminderEntity,
        { tenantId: scope.tenant.id, instalmentId: i.id, status: 'PENDING' },
        { status: 'CANCELLED' },
      );
    this.workflow.timeline.record(scope, c.id, {
      type: 'INSTALMENT_PAID',
      data: {
        instalmentId: i.id,
        agreementId: i.agreementId,
        seq: i.seq,
        amount: fromFen(toFen(input.amount)),
        paidAmount: i.paidAmount,
        full,
        late: full && isLate(i, scope.tenant.timeZone),
        paidAt: paidAt.toISOString(),
      },
    });
    await this.workflow.finishStep(scope);
    return ok(i);
  }
}
