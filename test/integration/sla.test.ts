import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, createStaff, mutate, REPORT_CASE, step, STEPS, type Center } from '../utils/cases';
import { eventually } from '../utils/eventually';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const UPSERT =
  'mutation($i: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $i) { slaPolicy { id name riskLevel targets { step duration mode } } userErrors { field code message } } }';
const DEADLINES =
  'query($id: ID!) { case(id: $id) { warningLevel deadlines { id step status startedAt dueAt yellowAt redAt extensions breached } } }';

interface DeadlineView {
  id: string;
  step: string;
  status: string;
  startedAt: string;
  dueAt: string;
  yellowAt: string;
  redAt: string;
  extensions: number;
  breached: boolean;
}

describe('SLA policies and deadlines', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let admin: string;
  let staff: string;
  let leader: string;

  const deadlines = async (id: string) =>
    (await h.gql<{ case: { warningLevel: string; deadlines: DeadlineView[] } }>(staff, DEADLINES, { id })).body.data!
      .case;
  const checkpoints = (deadlineId: string) =>
    withTenant(h.rt.orm, t.id, (em) =>
      em.execute<{ kind: string; status: string; due_at: Date }[]>(
        'select kind, status, due_at from deadline_checkpoints where deadline_id = ? order by status, due_at',
        [deadlineId],
      ),
    );

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('slapol');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    staff = await h.token({ tenants: [t.code], roles: ['intake-clerk', 'dispatcher', 'mediator'] });
    leader = await h.token({ tenants: [t.code], roles: ['leader'] });
    center = await buildCenter(h, admin);
  });
  afterAll(() => h.close());

  it('gives a new tenant editable default policies: same-day acceptance and dispatch, resolution by risk, follow-up after a week', async () => {
    const r = await h.gql<{
      slaPolicies: {
        edges: {
          node: { name: string; riskLevel: string | null; targets: { step: string; duration: string; mode: string }[] };
        }[];
      };
    }>(admin, '{ slaPolicies(first: 20) { edges { node { name riskLevel targets { step duration mode } } } } }');
    const byRisk = Object.fromEntries(
      r.body.data!.slaPolicies.edges.map((e) => [e.node.riskLevel ?? 'ANY', e.node.targets]),
    );
    expect(Object.keys(byRisk).sort()).toEqual(['ANY', 'HIGH', 'MAJOR']);
    expect(byRisk['ANY']).toEqual([
      { step: 'ACCEPT', duration: 'P0D', mode: 'SAME_DAY' },
      { step: 'DISPATCH', duration: 'P0D', mode: 'SAME_DAY' },
      { step: 'FIRST_CONTACT', duration: 'P1D', mode: 'WORKING' },
      { step: 'RESOLVE', duration: 'P15D', mode: 'WORKING' },
      { step: 'FOLLOW_UP', duration: 'P7D', mode: 'CALENDAR' },
    ]);
    expect(byRisk['MAJOR']!.find((x) => x.step === 'RESOLVE')!.duration).toBe('P5D');
  });

  it('refuses bad policies field by field', async () => {
    const r = await mutate<{ userErrors: { field: string[]; code: string }[] }>(h, admin, UPSERT, {
      name: 'x',
      targets: [
        { step: 'RESOLVE', duration: 'P1M', mode: 'WORKING' },
        { step: 'ACCEPT', duration: 'soon', mode: 'CALENDAR' },
      ],
      yellow: { share: 1.5 },
      red: { share: 0.5, before: 'PT1H' },
      escalations: [{ offset: 'later', actions: [{ type: 'NOTIFY' }] }],
      pauseStatuses: ['IN_PROGRESS'],
    });
    expect(r.userErrors.map((e) => e.field.join('.')).sort()).toEqual([
      'input.escalations.0.actions.0.roles',
      'input.escalations.0.offset',
      'input.pauseStatuses',
      'input.red',
      'input.targets.ACCEPT.duration',
      'input.targets.RESOLVE.duration',
      'input.yellow.share',
    ]);
    const dup = await mutate<{ userErrors: { code: string }[] }>(h, admin, UPSERT, {
      name: '重复',
      targets: [],
      yellow: { share: 0.5 },
      red: { share: 0.8 },
    });
    expect(dup.userErrors.map((e) => e.code)).toEqual(['SCOPE_TAKEN']);
  });

  it('starts, meets and restarts clocks as the case moves, and uses the most specific policy', async () => {
    await mutate(h, admin, UPSERT, {
      name: '劳动争议高风险',
      categoryId: center.category['labor'],
      riskLevel: 'HIGH',
      targets: [
        { step: 'RESOLVE', duration: 'P3D', mode: 'WORKING' },
        { step: 'ACCEPT', duration: 'PT2H', mode: 'CALENDAR' },
      ],
      yellow: { share: 0.5 },
      red: { share: 0.8 },
    });
    const c = (
      await mutate(h, staff, REPORT_CASE, {
        title: '欠薪',
        channel: 'WALK_IN',
        categoryId: center.category['labor-wages'],
        riskLevel: 'HIGH',
      })
    ).case!;
    let v = await deadlines(c.id);
    expect(v.warningLevel).toBe('YELLOW'); // HIGH risk starts at YELLOW
    expect(v.deadlines.map((d) => [d.step, d.status])).toEqual([['ACCEPT', 'OPEN']]);
    expect(new Date(v.deadlines[0]!.dueAt).getTime() - new Date(v.deadlines[0]!.startedAt).getTime()).toBe(
      2 * 3_600_000,
    );
    await step(h, staff, STEPS.accept, { caseId: c.id });
    await step(h, staff, STEPS.dispatch, { caseId: c.id, orgUnitId: center.stationId });
    v = await deadlines(c.id);
    // The category policy has no DISPATCH or FIRST_CONTACT target: only its own steps run.
    expect(v.deadlines.map((d) => [d.step, d.status])).toEqual([
      ['ACCEPT', 'MET'],
      ['RESOLVE', 'OPEN'],
    ]);
    expect(v.deadlines[0]!.breached).toBe(false);
  });

  it('moves the due time and every checkpoint when a leader approves an extension, and gives a reopened case fresh deadlines', async () => {
    const c = (
      await mutate(h, staff, REPORT_CASE, {
        title: '租金',
        channel: 'WALK_IN',
        categoryId: center.category['lease-rent'],
      })
    ).case!;
    await step(h, staff, STEPS.accept, { caseId: c.id });
    const resolve = (await deadlines(c.id)).deadlines.find((d) => d.step === 'RESOLVE')!;
    const before = await checkpoints(resolve.id);
    expect(before.map((p) => p.status)).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING', 'PENDING']);
    const newDue = new Date(new Date(resolve.dueAt).getTime() + 5 * 86_400_000);
    const req = await mutate<{ extensionRequest: { id: string; status: string } }>(
      h,
      staff,
      'mutation($i: RequestDeadlineExtensionInput!) { requestDeadlineExtension(input: $i) { extensionRequest { id status } userErrors { code } } }',
      { deadlineId: resolve.id, newDueAt: newDue.toISOString(), reason: '需等待工伤鉴定结果' },
    );
    expect(req.extensionRequest.status).toBe('PENDING');
    const refused = await h.gql(
      staff,
      'mutation($i: DecideDeadlineExtensionInput!) { decideDeadlineExtension(input: $i) { extensionRequest { id } } }',
      { i: { requestId: req.extensionRequest.id, approve: true } },
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await mutate(
      h,
      leader,
      'mutation($i: DecideDeadlineExtensionInput!) { decideDeadlineExtension(input: $i) { extensionRequest { status } userErrors { code } } }',
      { requestId: req.extensionRequest.id, approve: true, note: '同意' },
    );
    const moved = (await deadlines(c.id)).deadlines.find((d) => d.id === resolve.id)!;
    expect(new Date(moved.dueAt)).toEqual(newDue);
    expect(moved.extensions).toBe(1);
    expect(new Date(moved.yellowAt).getTime()).toBeGreaterThan(new Date(resolve.yellowAt).getTime());
    const after = await checkpoints(resolve.id);
    expect(
      after
        .filter((p) => p.status === 'CANCELLED')
        .map((p) => new Date(p.due_at).getTime())
        .sort(),
    ).toEqual(before.map((p) => new Date(p.due_at).getTime()).sort());
    const fresh = after.filter((p) => p.status === 'PENDING');
    expect(fresh).toHaveLength(5);
    expect(fresh.filter((p) => p.kind === 'ESCALATION').map((p) => new Date(p.due_at).getTime())[0]).toBe(
      newDue.getTime(),
    );

    await step(h, staff, STEPS.dispatch, { caseId: c.id, orgUnitId: center.centerId });
    await step(h, staff, STEPS.resolve, { caseId: c.id, resolution: '已调解' });
    await step(h, leader, STEPS.reopen, { caseId: c.id, reason: '当事人反映未履行' });
    const all = (await deadlines(c.id)).deadlines.filter((d) => d.step === 'RESOLVE');
    expect(all.map((d) => d.status)).toEqual(['MET', 'OPEN']);
    expect(new Date(all[1]!.startedAt).getTime()).toBeGreaterThan(new Date(all[0]!.startedAt).getTime());
    expect((await deadlines(c.id)).deadlines.find((d) => d.step === 'FOLLOW_UP')!.status).toBe('CANCELLED');
  });

  it('stops the clocks while a case waits for the parent tenant, and runs them on, moved by the wait, when the town takes it back', async () => {
    const town = await h.createTenant('slapol-town', { parentId: t.id, level: 'TOWN' });
    const townAdmin = await h.token({
      tenants: [town.code],
      roles: ['tenant-admin', 'intake-clerk', 'dispatcher', 'mediator', 'leader'],
    });
    const c2 = await buildCenter(h, townAdmin);
    // Calendar time, so the shift is exactly the wall-clock wait whatever the hour the test runs at.
    const p = await h.gql<{ upsertSlaPolicy: { userErrors: unknown[] } }>(townAdmin, UPSERT, {
      i: {
        name: '租赁纠纷（日历时间）',
        categoryId: c2.category['lease'],
        targets: [{ step: 'RESOLVE', duration: 'P3D', mode: 'CALENDAR' }],
        yellow: { share: 0.5 },
        red: { share: 0.8 },
        escalations: [{ offset: 'PT0S', actions: [{ type: 'NOTIFY', roles: ['HANDLER'] }] }],
        pauseStatuses: ['ESCALATED'],
      },
    });
    expect(p.body.data!.upsertSlaPolicy.userErrors).toEqual([]);
    const c = (
      await mutate(h, townAdmin, REPORT_CASE, {
        title: '需上交区级',
        channel: 'WALK_IN',
        categoryId: c2.category['lease'],
      })
    ).case!;
    await step(h, townAdmin, STEPS.accept, { caseId: c.id });
    await step(h, townAdmin, STEPS.dispatch, { caseId: c.id, orgUnitId: c2.centerId });
    const q =
      'query($id: ID!) { case(id: $id) { status warningLevel parentCase { number status } deadlines { id step status paused dueAt yellowAt redAt } } }';
    type View = {
      status: string;
      warningLevel: string;
      parentCase: { number: string; status: string } | null;
      deadlines: {
        id: string;
        step: string;
        status: string;
        paused: boolean;
        dueAt: string;
        yellowAt: string;
        redAt: string;
      }[];
    };
    const view = async () => (await h.gql<{ case: View }>(townAdmin, q, { id: c.id })).body.data!.case;
    const before = (await view()).deadlines.find((d) => d.step === 'RESOLVE' && d.status === 'OPEN')!;
    await step(h, townAdmin, STEPS.escalate, { caseId: c.id, reason: '镇级无法化解' });
    const waiting = await view();
    expect(waiting.status).toBe('ESCALATED');
    const resolve = waiting.deadlines.find((d) => d.step === 'RESOLVE' && d.status === 'OPEN')!;
    expect(resolve).toMatchObject({ id: before.id, paused: true, dueAt: before.dueAt });
    const pendingCheckpoints = () =>
      withTenant(h.rt.orm, town.id, (em) =>
        em.execute<{ due_at: Date }[]>(
          "select c.due_at from deadline_checkpoints c where c.deadline_id = ? and c.status = 'PENDING' order by c.due_at",
          [before.id],
        ),
      );
    expect(await pendingCheckpoints()).toEqual([]);
    expect(waiting.warningLevel).toBe('GREEN');

    // While the county has the case, the town cannot take it back.
    const parent = await eventually(
      async () => (await view()).parentCase,
      (x) => !!x,
      5000,
    );
    const early = await mutate<{ userErrors: { field: string[]; code: string }[] }>(h, townAdmin, STEPS.takeBack, {
      caseId: c.id,
      reason: '区级未受理',
    });
    expect(early.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'caseId'], 'PARENT_CASE_OPEN']]);
    // The county declines it; the town takes it back and its clock runs on from where it stopped.
    const parentId = (
      await h.gql<{ caseByNumber: { id: string } }>(admin, 'query($n: String!) { caseByNumber(number: $n) { id } }', {
        n: parent!.number,
      })
    ).body.data!.caseByNumber.id;
    await step(h, admin, STEPS.reject, { caseId: parentId, reason: '属镇级事权，请镇里继续办理' });
    await new Promise((r) => setTimeout(r, 300));
    const back = await mutate<{ case: { status: string } }>(h, townAdmin, STEPS.takeBack, {
      caseId: c.id,
      reason: '区级不予受理，镇里继续办理',
    });
    expect(back.case.status).toBe('IN_PROGRESS');
    const running = (await view()).deadlines.find((d) => d.id === before.id)!;
    expect(running).toMatchObject({ status: 'OPEN', paused: false });
    const [{ paused_ms }] = (await withTenant(h.rt.orm, town.id, (em) =>
      em.execute<{ paused_ms: number }[]>('select paused_ms from deadlines where id = ?', [before.id]),
    )) as [{ paused_ms: number }];
    expect(Number(paused_ms)).toBeGreaterThanOrEqual(300);
    for (const k of ['dueAt', 'yellowAt', 'redAt'] as const)
      expect(new Date(running[k]).getTime() - new Date(before[k]).getTime()).toBe(Number(paused_ms));
    // Every warning and escalation point is planned again on the moved times.
    expect((await pendingCheckpoints()).map((x) => new Date(x.due_at).toISOString())).toEqual(
      [running.yellowAt, running.redAt, running.dueAt].map((x) => new Date(x).toISOString()),
    );
    const file = await withTenant(h.rt.orm, town.id, (em) =>
      em.execute<{ type: string }[]>('select type from case_events where case_id = ? order by occurred_at, id', [c.id]),
    );
    expect(file.map((e) => e.type).slice(-1)).toEqual(['TAKEN_BACK']);
    const twice = await mutate<{ userErrors: { code: string }[] }>(h, townAdmin, STEPS.takeBack, {
      caseId: c.id,
      reason: '再次接回',
    });
    expect(twice.userErrors.map((e) => e.code)).toEqual(['CASE_NOT_ESCALATED']);

    // Escalated again, the county's declined case is back in front of its intake, and the town waits again.
    await step(h, townAdmin, STEPS.escalate, { caseId: c.id, reason: '补充材料后再次提级' });
    const reported = await eventually(
      async () => (await view()).parentCase?.status,
      (s) => s === 'REPORTED',
      5000,
    );
    expect(reported).toBe('REPORTED');
    expect((await view()).deadlines.find((d) => d.id === before.id)!.paused).toBe(true);
    const parentFile = await withTenant(h.rt.orm, t.id, (em) =>
      em.execute<{ type: string; data: Record<string, unknown> }[]>(
        'select type, data from case_events where case_id = ? order by occurred_at, id',
        [parentId],
      ),
    );
    expect(parentFile.map((e) => e.type)).toEqual(['REPORTED', 'REJECTED', 'REOPENED']);
    expect(parentFile[2]!.data).toMatchObject({
      from: 'REJECTED',
      to: 'REPORTED',
      reason: '补充材料后再次提级',
      resubmittedByChild: true,
    });
  });

  it('lets a leader supervise a case: the desk of the unit is notified, its leader copied; the reply reaches the sender, and lateness is recorded', async () => {
    const person = (name: string, roles: string[], orgUnitId: string, subject?: string) =>
      createStaff(h, admin, name, roles, orgUnitId, subject);
    const desk = await person('服务队受理员', ['intake-clerk'], center.stationId);
    const lead = await person('服务队队长', ['leader'], center.stationId);
    const chief = await person('中心主任', ['leader'], center.centerId, 'sup-chief');
    const chiefToken = await h.token({ subject: 'sup-chief', tenants: [t.code], roles: ['leader'] });
    const c = (
      await mutate(h, staff, REPORT_CASE, {
        title: '督办测试',
        channel: 'WALK_IN',
        reportedOrgUnitId: center.stationId,
      })
    ).case!;
    const bad = await mutate<{ userErrors: { field: string[]; code: string }[] }>(
      h,
      chiefToken,
      'mutation($i: SuperviseCaseInput!) { superviseCase(input: $i) { userErrors { field code } } }',
      { caseId: c.id, message: '请反馈', replyBy: new Date(Date.now() - 1000).toISOString() },
    );
    expect(bad.userErrors).toEqual([{ field: ['input', 'replyBy'], code: 'INVALID' }]);
    const sup = await mutate<{ supervisionNotice: { id: string; late: boolean } }>(
      h,
      chiefToken,
      'mutation($i: SuperviseCaseInput!) { superviseCase(input: $i) { supervisionNotice { id late } userErrors { code } } }',
      { caseId: c.id, message: '请于明日前反馈办理进展', replyBy: new Date(Date.now() + 86_400_000).toISOString() },
    );
    expect(sup.supervisionNotice.late).toBe(false);
    const sent = () =>
      withTenant(h.rt.orm, t.id, (em) =>
        em.execute<{ recipient_staff_id: string; type: string }[]>(
          'select recipient_staff_id, type from notifications where case_id = ? order by type, recipient_staff_id',
          [c.id],
        ),
      );
    expect(await sent()).toEqual(
      [
        { recipient_staff_id: desk, type: 'SUPERVISION_ISSUED' },
        { recipient_staff_id: lead, type: 'SUPERVISION_ISSUED' },
      ].sort((a, b) => a.recipient_staff_id.localeCompare(b.recipient_staff_id)),
    );
    const reply = await mutate<{ supervisionNotice: { late: boolean; reply: string } }>(
      h,
      staff,
      'mutation($i: ReplySupervisionInput!) { replySupervision(input: $i) { supervisionNotice { late reply } userErrors { code } } }',
      { noticeId: sup.supervisionNotice.id, reply: '已联系双方，约定周三调解' },
    );
    expect(reply.supervisionNotice).toEqual({ late: false, reply: '已联系双方，约定周三调解' });
    expect((await sent()).filter((n) => n.type === 'SUPERVISION_REPLIED')).toEqual([
      { recipient_staff_id: chief, type: 'SUPERVISION_REPLIED' },
    ]);
    const again = await mutate<{ userErrors: { code: string }[] }>(
      h,
      staff,
      'mutation($i: ReplySupervisionInput!) { replySupervision(input: $i) { userErrors { code } } }',
      { noticeId: sup.supervisionNotice.id, reply: '再次回复' },
    );
    expect(again.userErrors).toEqual([{ code: 'INVALID' }]);
    const file = await withTenant(h.rt.orm, t.id, (em) =>
      em.execute<{ type: string; data: Record<string, unknown> }[]>(
        'select type, data from case_events where case_id = ? order by occurred_at, id',
        [c.id],
      ),
    );
    expect(file.map((x) => x.type)).toEqual(['REPORTED', 'SUPERVISION_ISSUED', 'SUPERVISION_REPLIED']);
    expect(file[1]!.data).toMatchObject({
      source: 'MANUAL',
      orgUnitId: center.stationId,
      notified: [desk],
      copied: [lead],
    });
    expect(file[2]!.data).toMatchObject({ late: false });

    // A reply after the reply-by time is late, on the timeline and in the figures.
    await withTenant(h.rt.orm, t.id, (em) =>
      em.execute(
        "update supervision_notices set reply = null, replied_at = null, reply_by = now() - interval '1 hour' where id = ?",
        [sup.supervisionNotice.id],
      ),
    );
    const late = await mutate<{ supervisionNotice: { late: boolean } }>(
      h,
      staff,
      'mutation($i: ReplySupervisionInput!) { replySupervision(input: $i) { supervisionNotice { late } userErrors { code } } }',
      { noticeId: sup.supervisionNotice.id, reply: '补充说明' },
    );
    expect(late.supervisionNotice.late).toBe(true);
    const range = {
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 3_600_000).toISOString(),
    };
    const fig = await h.gql<{
      caseMetrics: {
        supervision: { issued: number; repliedLate: number; byUnit: { orgUnit: { id: string }; issued: number }[] };
      };
    }>(
      chiefToken,
      'query($r: DateRangeInput!, $u: ID) { caseMetrics(range: $r, orgUnitId: $u) { supervision { issued repliedLate byUnit { orgUnit { id } issued } } } }',
      { r: range, u: center.stationId },
    );
    expect(fig.body.data!.caseMetrics.supervision).toEqual({
      issued: 1,
      repliedLate: 1,
      byUnit: [{ orgUnit: { id: center.stationId }, issued: 1 }],
    });
  });

  it('keeps the working calendar per tenant, validated, and counts new deadlines in it', async () => {
    const q =
      'mutation($i: UpdateWorkingCalendarInput!) { updateWorkingCalendar(input: $i) { workingCalendar { timeZone closedDates workingDates holidaysKnownUntil workingHours { weekday periods { start end } } } userErrors { field code } } }';
    const bad = await mutate<{ userErrors: { code: string }[] }>(h, admin, q, { closedDates: ['2026-13-40'] });
    expect(bad.userErrors.map((e) => e.code)).toEqual(['INVALID']);
    const ok = await mutate<{
      workingCalendar: { closedDates: string[]; holidaysKnownUntil: number; timeZone: string };
    }>(h, admin, q, {
      closedDates: ['2026-12-31'],
      workingHours: [{ weekday: 1, periods: [{ start: '09:00', end: '17:00' }] }],
    });
    expect(ok.workingCalendar).toMatchObject({ closedDates: ['2026-12-31'], timeZone: 'Asia/Shanghai' });
    expect(ok.workingCalendar.holidaysKnownUntil).toBeGreaterThanOrEqual(2026);
  });
});
