import { startHarness, type Harness } from '../utils/harness';
import {
  buildCenter,
  mutate,
  RECORD_OUTCOME,
  REPORT_CASE,
  SCHEDULE_MEDIATION,
  step,
  STEPS,
  type Center,
  type UserErrorView,
} from '../utils/cases';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import { addDays, localDateOf } from '../../src/core/calendar/local-date';
import { createLogger } from '../../src/core/observability/logger';
import { startWorkers, type WorkerSet } from '../../workers/runtime';
import { eventually } from '../utils/eventually';

const PAY = /* GraphQL */ `
  mutation($i: RecordInstalmentPaymentInput!) { recordInstalmentPayment(input: $i) {
    instalment { id seq status paidAmount outstanding late paidAt } userErrors { field code message } } }`;
type Paid = {
  instalment: { id: string; status: string; paidAmount: string; outstanding: string; late: boolean } | null;
  userErrors: UserErrorView[];
};
type Plan = { id: string; seq: number; dueOn: string; status: string; amount: string; late: boolean }[];

/** Issue 17 item 12: an agreement's instalments tracked, reminders before and after each due date, money recovered in the figures. */
describe('agreements paid in instalments', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let desk: string;
  let workers: WorkerSet;
  let caseId: string;
  let plan: Plan;
  let other: TenantRecord;
  const HOUR = 3_600_000;
  const today = () => localDateOf(new Date(), 'Asia/Shanghai');

  const sqlIn = <T>(q: string, params: unknown[] = []) =>
    withTenant(h.rt.orm, t.id, (em) => em.execute<T[]>(q, params));
  const told = async (type: string) =>
    (
      await sqlIn<{ recipient_staff_id: string }>(
        'select recipient_staff_id from notifications where case_id = ? and type = ? order by created_at',
        [caseId, type],
      )
    ).map((r) => r.recipient_staff_id);
  const reminders = (instalmentId: string) =>
    sqlIn<{ id: string; kind: string; status: string }>(
      'select id, kind, status from instalment_reminders where instalment_id = ? order by kind',
      [instalmentId],
    );
  /** The reminder's moment comes now (its 09:00 is days away); the sweep then feeds it to the workers. */
  const dueNow = async (reminderId: string) => {
    await sqlIn('update instalment_reminders set due_at = now() where id = ?', [reminderId]);
    await h.rt.services.instalments.scheduler.sweep();
  };
  const readPlan = async () =>
    (
      await h.gql<{ case: { agreements: { instalmentPlan: Plan }[] } }>(
        desk,
        'query($id: ID!) { case(id: $id) { agreements { instalmentPlan { id seq dueOn status amount late } } } }',
        { id: caseId },
      )
    ).body.data!.case.agreements[0]!.instalmentPlan;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('inst');
    // Before the workers start: their seeding job would race the harness's own seeding.
    other = await h.createTenant('inst-other');
    const admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    desk = await h.token({ tenants: [t.code], roles: ['intake-clerk', 'dispatcher', 'mediator', 'leader'] });
    center = await buildCenter(h, admin, [{ key: 'mediator', name: '劳动争议调解员 蔡', mediator: true }]);
    workers = startWorkers(h.rt.services, h.rt.redis, h.rt.config.REDIS_PREFIX, createLogger('silent'), 5, 2);
    const c = (
      await mutate(h, desk, REPORT_CASE, {
        title: '服装厂拖欠工人工资',
        channel: 'WALK_IN',
        categoryId: center.category['labor-wages'],
      })
    ).case!;
    caseId = c.id;
    await step(h, desk, STEPS.accept, { caseId });
    await step(h, desk, STEPS.dispatch, { caseId, orgUnitId: center.centerId });
    await step(h, desk, STEPS.assign, { caseId, staffIds: [center.staff['mediator']] });
    const started = new Date(Date.now() - HOUR);
    const s = await mutate<{ session: { id: string } | null; userErrors: UserErrorView[] }>(
      h,
      desk,
      SCHEDULE_MEDIATION,
      {
        caseId,
        startsAt: started.toISOString(),
        endsAt: new Date(started.getTime() + HOUR / 2).toISOString(),
        online: true,
        method: 'ONLINE',
        chosenBy: 'CLERK',
        mediatorIds: [center.staff['mediator']],
      },
    );
    expect(s.userErrors).toEqual([]);
    const outcome = await mutate<{ userErrors: UserErrorView[] }>(h, desk, RECORD_OUTCOME, {
      sessionId: s.session!.id,
      outcome: 'AGREED',
      lateReason: '调解笔录补录',
      agreement: {
        terms: '厂方分三期支付拖欠工资共计九千元',
        amount: '9000.00',
        instalments: [
          { dueOn: addDays(today(), -2), amount: '3000.00' },
          { dueOn: addDays(today(), 10), amount: '3000.00' },
          { dueOn: addDays(today(), 40), amount: '3000.00' },
        ],
      },
    });
    expect(outcome.userErrors).toEqual([]);
    plan = await readPlan();
  });
  afterAll(async () => {
    await workers.close();
    await h.close();
  });

  it('tracks each instalment of a signed agreement, the first already late, with reminders only still ahead', async () => {
    expect(plan.map((p) => [p.seq, p.dueOn, p.status, p.amount, p.late])).toEqual([
      [1, addDays(today(), -2), 'DUE', '3000.00', true],
      [2, addDays(today(), 10), 'DUE', '3000.00', false],
      [3, addDays(today(), 40), 'DUE', '3000.00', false],
    ]);
    expect(await reminders(plan[0]!.id)).toEqual([]);
    expect((await reminders(plan[1]!.id)).map((r) => [r.kind, r.status])).toEqual([
      ['AFTER', 'PENDING'],
      ['BEFORE', 'PENDING'],
    ]);
  });

  it('reminds the case’s handler before a due date and after it, once each, through the workers', async () => {
    const [after, before] = await reminders(plan[2]!.id);
    await dueNow(before!.id);
    await eventually(
      () => told('INSTALMENT_DUE_SOON'),
      (r) => r.length > 0,
      10_000,
      100,
    );
    await dueNow(after!.id);
    await eventually(
      () => told('INSTALMENT_OVERDUE'),
      (r) => r.length > 0,
      10_000,
      100,
    );
    // Fed again (a sweep after Redis lost nothing): the claim finds nothing, nobody hears twice.
    await h.rt.services.instalments.scheduler.sweep();
    await h.rt.services.instalmentReminders.fire(t.id, before!.id);
    expect(await told('INSTALMENT_DUE_SOON')).toEqual([center.staff['mediator']]);
    expect(await told('INSTALMENT_OVERDUE')).toEqual([center.staff['mediator']]);
    const timeline = await h.gql<{ case: { timeline: { edges: { node: { type: string; summary: string } }[] } } }>(
      desk,
      'query($id: ID!) { case(id: $id) { timeline(first: 50) { edges { node { type summary } } } } }',
      { id: caseId },
    );
    const overdue = timeline.body.data!.case.timeline.edges.find((e) => e.node.type === 'INSTALMENT_OVERDUE');
    expect(overdue?.node.summary).toContain('第3期履行款');
  });

  it('records payments, refuses more than is owed, and stops the reminders of an instalment paid in full', async () => {
    const part = await mutate<Paid>(h, desk, PAY, { instalmentId: plan[0]!.id, amount: '1000' });
    expect(part.userErrors).toEqual([]);
    expect(part.instalment).toMatchObject({ status: 'PARTLY_PAID', paidAmount: '1000.00', outstanding: '2000.00' });
    const tooMuch = await mutate<Paid>(h, desk, PAY, { instalmentId: plan[0]!.id, amount: '2500.00' });
    expect(tooMuch.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'amount'], 'INVALID']]);
    const rest = await mutate<Paid>(h, desk, PAY, { instalmentId: plan[0]!.id, amount: '2000.00' });
    expect(rest.instalment).toMatchObject({ status: 'PAID', outstanding: '0.00', late: true });
    const again = await mutate<Paid>(h, desk, PAY, { instalmentId: plan[0]!.id, amount: '1.00' });
    expect(again.userErrors.map((e) => e.code)).toEqual(['ALREADY_PAID']);
    const bad = await mutate<Paid>(h, desk, PAY, { instalmentId: plan[1]!.id, amount: '0.00' });
    expect(bad.userErrors.map((e) => e.code)).toEqual(['INVALID']);

    const onTime = await mutate<Paid>(h, desk, PAY, { instalmentId: plan[1]!.id, amount: '3000.00' });
    expect(onTime.instalment).toMatchObject({ status: 'PAID', late: false });
    expect((await reminders(plan[1]!.id)).map((r) => r.status)).toEqual(['CANCELLED', 'CANCELLED']);
    const [after] = await reminders(plan[1]!.id);
    await dueNow(after!.id);
    expect(await h.rt.services.instalmentReminders.fire(t.id, after!.id)).toBe('nothing');
    expect(await told('INSTALMENT_OVERDUE')).toHaveLength(1);
  });

  it('lets another tenant neither pay nor see these instalments', async () => {
    const stranger = await h.token({ tenants: [other.code], roles: ['mediator', 'leader'] });
    const r = await mutate<Paid>(h, stranger, PAY, { instalmentId: plan[2]!.id, amount: '3000.00' });
    expect(r.instalment).toBeNull();
    expect(r.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const figures = await h.gql<{ caseMetrics: { recovery: { payments: number } } }>(
      stranger,
      'query($r: DateRangeInput!) { caseMetrics(range: $r) { recovery { payments } } }',
      { r: { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() } },
    );
    expect(figures.body.data!.caseMetrics.recovery.payments).toBe(0);
    expect((await readPlan())[2]!.status).toBe('DUE');
  });

  it('counts the money recovered, wages apart, and the instalments kept late', async () => {
    const r = await h.gql<{ caseMetrics: { recovery: Record<string, unknown> } }>(
      desk,
      'query($r: DateRangeInput!) { caseMetrics(range: $r) { recovery { amountPaid wagesRecovered payments instalmentsDue instalmentsLate } } }',
      {
        r: {
          from: new Date(Date.now() - 3 * 86_400_000).toISOString(),
          to: new Date(Date.now() + 60_000).toISOString(),
        },
      },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.caseMetrics.recovery).toEqual({
      amountPaid: '6000.00',
      wagesRecovered: '6000.00',
      payments: 3,
      instalmentsDue: 1,
      instalmentsLate: 1,
    });
  });
});
