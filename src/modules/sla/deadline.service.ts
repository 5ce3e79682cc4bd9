import { riskWarningFloor } from '../case/risk';
import { currentTraceparent } from '../../core/observability/tracing';
import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import type { WorkingCalendar } from '../../core/calendar/working-calendar';
import type { CaseEntity, CaseEventEntity, WarningLevel } from '../case/case.entity';
import { isOpen } from '../case/case.states';
import { CheckpointEntity, DeadlineEntity, type SlaPolicyEntity } from './sla.entity';
import type { SlaStep } from './sla.policy';
import type { SlaPolicyService } from './sla-policy.service';
import type { SlaCalendarService } from './sla-calendar.service';
import type { CheckpointScheduler } from './checkpoint-scheduler';
import { dueFor, escalationTimes, pointsFor } from './deadline-math';

type Change = { start?: SlaStep[]; meet?: SlaStep[]; cancel?: SlaStep[] | 'ALL' };

/**
 * Which case events start, meet or cancel which clocks (docs/sla.md). A re-dispatch or an
 * escalation restarts first contact at the new unit; reopening starts resolution afresh.
 */
const REACTIONS: Record<string, Change> = {
  REPORTED: { start: ['ACCEPT'] },
  ACCEPTED: { meet: ['ACCEPT'], start: ['DISPATCH', 'RESOLVE'] },
  REJECTED: { meet: ['ACCEPT'], cancel: 'ALL' },
  DISPATCHED: { meet: ['DISPATCH'], cancel: ['FIRST_CONTACT'], start: ['FIRST_CONTACT'] },
  REDISPATCHED: { meet: ['DISPATCH'], cancel: ['FIRST_CONTACT'], start: ['FIRST_CONTACT'] },
  ESCALATED: { cancel: ['FIRST_CONTACT'], start: ['FIRST_CONTACT'] },
  RETURNED: { cancel: ['FIRST_CONTACT'], start: ['DISPATCH'] },
  HANDLING_STARTED: { meet: ['FIRST_CONTACT'] },
  RESOLVED: { meet: ['FIRST_CONTACT', 'RESOLVE'] },
  REFERRED: { meet: ['FIRST_CONTACT', 'RESOLVE'] },
  UNRESOLVED: { cancel: ['FIRST_CONTACT', 'RESOLVE'] },
  FOLLOW_UP_SCHEDULED: { start: ['FOLLOW_UP'] },
  FOLLOW_UP_COMPLETED: { meet: ['FOLLOW_UP'] },
  CLOSED: { cancel: 'ALL' },
  MERGED_INTO: { cancel: 'ALL' },
};

const ORDER: Record<WarningLevel, number> = { NONE: 0, GREEN: 1, YELLOW: 2, RED: 3 };

export class DeadlineService {
  constructor(
    private readonly policies: SlaPolicyService,
    private readonly calendars: SlaCalendarService,
    private readonly scheduler: CheckpointScheduler,
  ) {}

  listFor(em: Em, tenantId: string, caseIds: readonly string[]): Promise<DeadlineEntity[]> {
    return em.find(
      DeadlineEntity,
      { tenantId, caseId: { $in: [...caseIds] } },
      { orderBy: { startedAt: 'asc', id: 'asc' } },
    );
  }

  /**
   * Applies a step's events to the case's clocks, in the step's own transaction. The open clocks
   * are read once and followed in memory through the step: each further read would flush the whole
   * unit of work first (a new clock is pending), and a flush costs in proportion to everything the
   * unit of work holds, so a transaction of many reports paid for it quadratically.
   */
  async react(scope: TenantScope, c: CaseEntity, events: CaseEventEntity[]): Promise<void> {
    const now = new Date();
    const planned: CheckpointEntity[] = [];
    let policy: SlaPolicyEntity | null | undefined;
    let cal: WorkingCalendar | undefined;
    // A case reported in this very step has no clocks yet: nothing to read.
    let open = events.some((e) => e.type === 'REPORTED') ? [] : await this.open(scope, c.id);
    for (const e of events) {
      const change =
        e.type === 'REOPENED'
          ? c.status === 'REPORTED'
            ? { cancel: 'ALL' as const, start: ['ACCEPT' as const] }
            : { cancel: 'ALL' as const, start: ['RESOLVE' as const] }
          : REACTIONS[e.type];
      if (!change) continue;
      // As the clocks stood when the event came: one both met and cancelled by it is closed twice.
      const before = open;
      if (change.meet)
        for (const d of before.filter((x) => change.meet!.includes(x.step)))
          await this.close(scope, d, 'MET', e.occurredAt, planned);
      if (change.cancel)
        for (const d of before.filter((x) => change.cancel === 'ALL' || change.cancel!.includes(x.step)))
          await this.close(scope, d, 'CANCELLED', e.occurredAt, planned);
      open = open.filter((d) => d.status === 'OPEN');
      for (const step of change.start ?? []) {
        if (open.some((d) => d.step === step)) continue;
        policy ??= await this.policies.match(scope, c.categoryId, c.riskLevel);
        cal ??= await this.calendars.calendar(scope);
        if (policy?.targets[step]) open.push(this.start(scope, c, step, policy, cal, e.occurredAt, planned));
      }
    }
    await this.pauseOrResume(scope, c, open, now, planned);
    await this.write(scope, planned);
    this.setWarning(c, open, now);
  }

  /** GREEN on track, YELLOW or RED from the open clocks; HIGH and MAJOR risk start at YELLOW; closed cases NONE. */
  async refreshWarning(scope: TenantScope, c: CaseEntity, now = new Date()): Promise<void> {
    this.setWarning(c, isOpen(c.status) ? await this.open(scope, c.id) : [], now);
  }

  private setWarning(c: CaseEntity, open: DeadlineEntity[], now: Date): void {
    let level: WarningLevel = 'NONE';
    if (isOpen(c.status)) {
      level = riskWarningFloor(c.riskLevel);
      for (const d of open) {
        if (d.pausedAt) continue;
        const l: WarningLevel = now >= d.redAt ? 'RED' : now >= d.yellowAt ? 'YELLOW' : 'GREEN';
        if (ORDER[l] > ORDER[level]) level = l;
      }
    }
    // Setting an equal value still marks the case changed, and a changed case makes every later
    // read of cases in the unit of work flush it first.
    if (c.warningLevel !== level) c.warningLevel = level;
  }

  /** Moves a clock to a new due time, its warning points and escalation levels with it. */
  async move(scope: TenantScope, d: DeadlineEntity, dueAt: Date): Promise<void> {
    const policy = d.policyId ? await this.policies.find(scope, d.policyId) : null;
    const cal = await this.calendars.calendar(scope);
    const pts = policy
      ? pointsFor(cal, d.startedAt, dueAt, d.mode, policy.yellow, policy.red)
      : { dueAt, yellowAt: dueAt, redAt: dueAt };
    Object.assign(d, pts);
    await this.cancelCheckpoints(scope, d.id, []);
    const planned: CheckpointEntity[] = [];
    this.plan(scope, d, policy, planned);
    await this.write(scope, planned);
  }

  open(scope: TenantScope, caseId: string): Promise<DeadlineEntity[]> {
    return scope.em.find(DeadlineEntity, { tenantId: scope.tenant.id, caseId, status: 'OPEN' });
  }

  private start(
    scope: TenantScope,
    c: CaseEntity,
    step: SlaStep,
    policy: SlaPolicyEntity,
    cal: WorkingCalendar,
    at: Date,
    planned: CheckpointEntity[],
  ): DeadlineEntity {
    const target = policy.targets[step]!;
    const dueAt = dueFor(cal, at, target);
    const d = Object.assign(new DeadlineEntity(), {
      tenantId: scope.tenant.id,
      caseId: c.id,
      step,
      policyId: policy.id,
      target: target.duration,
      mode: target.mode,
      startedAt: at,
      ...pointsFor(cal, at, dueAt, target.mode, policy.yellow, policy.red),
    });
    scope.em.persist(d);
    this.plan(scope, d, policy, planned);
    return d;
  }

  /**
   * Checkpoint rows for a clock, added to `planned` (written by `write`), and their jobs once the
   * transaction has committed.
   */
  private plan(
    scope: TenantScope,
    d: DeadlineEntity,
    policy: SlaPolicyEntity | null,
    planned: CheckpointEntity[],
  ): void {
    const traceparent = currentTraceparent();
    const rows = [
      Object.assign(new CheckpointEntity(), {
        tenantId: d.tenantId,
        deadlineId: d.id,
        kind: 'YELLOW' as const,
        dueAt: d.yellowAt,
      }),
      Object.assign(new CheckpointEntity(), {
        tenantId: d.tenantId,
        deadlineId: d.id,
        kind: 'RED' as const,
        dueAt: d.redAt,
      }),
      ...escalationTimes(d.dueAt, policy?.escalations ?? []).map((dueAt, level) =>
        Object.assign(new CheckpointEntity(), {
          tenantId: d.tenantId,
          deadlineId: d.id,
          kind: 'ESCALATION' as const,
          level,
          dueAt,
        }),
      ),
    ];
    for (const r of rows) r.traceparent = traceparent;
    planned.push(...rows);
    scope.afterCommit(async () => {
      await this.scheduler.enqueue(rows.map((r) => ({ tenantId: r.tenantId, checkpointId: r.id, dueAt: r.dueAt })));
    });
  }

  /**
   * Checkpoints are written once and afterwards changed only by conditional SQL (cancelled here,
   * claimed by the job), so they are inserted directly, never held by the unit of work: with five
   * or so per clock they were most of what every flush of a long transaction compared.
   */
  private async write(scope: TenantScope, planned: CheckpointEntity[]): Promise<void> {
    if (planned.length) await scope.em.insertMany(planned);
  }

  private async close(
    scope: TenantScope,
    d: DeadlineEntity,
    status: 'MET' | 'CANCELLED',
    at: Date,
    planned: CheckpointEntity[],
  ): Promise<void> {
    d.status = status;
    if (status === 'MET') d.metAt = at;
    await this.cancelCheckpoints(scope, d.id, planned);
  }

  /** The clock's pending checkpoints, written ones and those planned in this step alike. */
  private async cancelCheckpoints(scope: TenantScope, deadlineId: string, planned: CheckpointEntity[]): Promise<void> {
    for (const p of planned) if (p.deadlineId === deadlineId && p.status === 'PENDING') p.status = 'CANCELLED';
    await scope.em.nativeUpdate(
      CheckpointEntity,
      { tenantId: scope.tenant.id, deadlineId, status: 'PENDING' },
      { status: 'CANCELLED' },
    );
  }

  /**
   * Waiting states named by the policy (e.g. ESCALATED, waiting for the parent tenant) stop the
   * clocks; leaving them moves every point on by the time spent waiting — in working time for a
   * working-time clock, so a wait over a weekend does not eat the office hours left.
   */
  private async pauseOrResume(
    scope: TenantScope,
    c: CaseEntity,
    open: DeadlineEntity[],
    now: Date,
    planned: CheckpointEntity[],
  ): Promise<void> {
    for (const d of open) {
      const policy = d.policyId ? await this.policies.find(scope, d.policyId) : null;
      const waiting = !!policy?.pauseStatuses.includes(c.status);
      if (waiting && !d.pausedAt) {
        d.pausedAt = now;
        await this.cancelCheckpoints(scope, d.id, planned);
      } else if (!waiting && d.pausedAt) {
        const cal = await this.calendars.calendar(scope);
        const shift = (t: Date) =>
          d.mode === 'WORKING'
            ? cal.addWorkingTime(now, Math.max(0, cal.workingTimeBetween(d.pausedAt!, t)))
            : new Date(t.getTime() + (now.getTime() - d.pausedAt!.getTime()));
        d.pausedMs += now.getTime() - d.pausedAt.getTime();
        Object.assign(d, { dueAt: shift(d.dueAt), yellowAt: shift(d.yellowAt), redAt: shift(d.redAt), pausedAt: null });
        this.plan(scope, d, policy, planned);
      }
    }
  }
}
