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
import type { TenantScope } from '../../src/core/tenancy/scope';
import { emReader, withTenant } from '../../src/core/tenancy/tenant-tx';
import { eventually } from '../utils/eventually';
import { addDays, fromWallClock, localDateOf } from '../../src/core/calendar/local-date';
import { isoWeekday } from '../../src/core/calendar/zoned-time';

/** Issue 17: center work as the reports describe it — the holes an end-to-end trial found. */
describe('center work (issue 17)', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let admin: string;
  let clerk: string;
  let dispatcher: string;
  let mediator: string;

  const HOUR = 3_600_000;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('cw');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'], subject: 'cw-clerk' });
    dispatcher = await h.token({ tenants: [t.code], roles: ['dispatcher'], subject: 'cw-dispatcher' });
    mediator = await h.token({ tenants: [t.code], roles: ['mediator'], subject: 'cw-mediator' });
    center = await buildCenter(h, admin, [
      { key: 'sister', name: '平安大姐 李阿姨', mediator: true, subject: 'cw-mediator' },
      { key: 'lawyer', name: '王律师', dept: 'lawyers', mediator: true },
    ]);
  });
  afterAll(() => h.close());

  const sqlIn = <T>(tenantId: string, q: string, params: unknown[] = []) =>
    withTenant(h.rt.orm, tenantId, (em) => em.execute<T[]>(q, params));

  const caseInHandling = async (title: string) => {
    const c = (await mutate(h, clerk, REPORT_CASE, { title, channel: 'WALK_IN' })).case!;
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: center.centerId });
    return c;
  };
  const book = async (caseId: string, startsAt: Date, staffKey = 'sister') => {
    const s = await mutate<{ session: { id: string } | null; userErrors: UserErrorView[] }>(
      h,
      dispatcher,
      SCHEDULE_MEDIATION,
      {
        caseId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
        online: true,
        method: 'ONLINE',
        chosenBy: 'CLERK',
        mediatorIds: [center.staff[staffKey]],
      },
    );
    expect(s.userErrors).toEqual([]);
    return s.session!.id;
  };
  type OutcomePayload = {
    session: { id: string; status: string; outcome: string } | null;
    userErrors: UserErrorView[];
  };

  describe('1. outcomes before the session', () => {
    it('refuses an outcome for a session that has not started, and three such attempts suggest nothing', async () => {
      await h.gql(admin, 'mutation { updateCaseSettings(input: { failedMediationLimit: 3 }) { userErrors { code } } }');
      const c = await caseInHandling('明日调解的邻里纠纷');
      for (let i = 0; i < 3; i++) {
        const sessionId = await book(c.id, new Date(Date.now() + (24 + i * 2) * HOUR));
        const r = await mutate<OutcomePayload>(h, mediator, RECORD_OUTCOME, { sessionId, outcome: 'FAILED' });
        expect(r.session).toBeNull();
        expect(r.userErrors.map((e) => e.code)).toEqual(['SESSION_NOT_STARTED']);
      }
      const after = await h.gql<{ case: { escalationSuggested: boolean } }>(
        admin,
        'query($id: ID!) { case(id: $id) { escalationSuggested } }',
        { id: c.id },
      );
      expect(after.body.data!.case.escalationSuggested).toBe(false);
    });

    it('takes the outcome of a session under way today without a reason', async () => {
      const c = await caseInHandling('今日调解的物业纠纷');
      const sessionId = await book(c.id, new Date(Date.now() - 1000), 'lawyer');
      const r = await mutate<OutcomePayload>(h, mediator, RECORD_OUTCOME, { sessionId, outcome: 'FAILED' });
      expect(r.userErrors).toEqual([]);
      expect(r.session).toMatchObject({ status: 'HELD', outcome: 'FAILED' });
    });

    it('asks why an outcome is entered after the session’s day, then records the reason on the timeline and in the audit trail', async () => {
      const c = await caseInHandling('三天前调解的租赁纠纷');
      const sessionId = await book(c.id, new Date(Date.now() - 72 * HOUR));
      const refused = await mutate<OutcomePayload>(h, mediator, RECORD_OUTCOME, { sessionId, outcome: 'AGREED' });
      expect(refused.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'lateReason'], code: 'REASON_REQUIRED' }),
      ]);
      const done = await mutate<OutcomePayload>(h, mediator, RECORD_OUTCOME, {
        sessionId,
        outcome: 'AGREED',
        lateReason: '调解员外出，纸质笔录今日补录',
      });
      expect(done.userErrors).toEqual([]);
      const file = await h.gql<{
        case: { timeline: { edges: { node: { type: string; data: Record<string, unknown> } }[] } };
        auditEvents: { edges: { node: { action: string; actorSubject: string; after: Record<string, unknown> } }[] };
      }>(
        admin,
        `query($id: ID!, $s: ID!) {
          case(id: $id) { timeline(first: 50) { edges { node { type data } } } }
          auditEvents(first: 5, filter: { targetId: $s }) { edges { node { action actorSubject after } } } }`,
        { id: c.id, s: sessionId },
      );
      const outcome = file.body.data!.case.timeline.edges.find((e) => e.node.type === 'MEDIATION_OUTCOME');
      expect(outcome?.node.data).toMatchObject({ lateReason: '调解员外出，纸质笔录今日补录' });
      expect(file.body.data!.auditEvents.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({
          action: 'mediation.outcome.late-entry',
          actorSubject: 'cw-mediator',
          after: expect.objectContaining({ reason: '调解员外出，纸质笔录今日补录', outcome: 'AGREED' }),
        }),
      ]);
    });
  });

  describe('2. two centers on one dispute', () => {
    let county: TenantRecord;
    let town: TenantRecord;
    let townStaff: string;
    let countyStaff: string;
    let townDesk: string;
    let countyClerk: string;
    let townCenter: Center;

    beforeAll(async () => {
      county = await h.createTenant('cw-county', { level: 'DISTRICT' });
      town = await h.createTenant('cw-town', { parentId: county.id, level: 'TOWN' });
      const townAdmin = await h.token({ tenants: [town.code], roles: ['tenant-admin'] });
      townStaff = await h.token({ tenants: [town.code], roles: ['intake-clerk', 'dispatcher', 'mediator', 'leader'] });
      countyStaff = await h.token({
        tenants: [county.code],
        roles: ['intake-clerk', 'dispatcher', 'mediator', 'leader'],
      });
      townCenter = await buildCenter(h, townAdmin);
      const r = await h.gql<{ createStaffMember: { staffMember: { id: string } } }>(
        townAdmin,
        'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } } }',
        { i: { name: '镇调度员', roles: ['dispatcher'], orgUnitId: townCenter.centerId } },
      );
      townDesk = r.body.data!.createStaffMember.staffMember.id;
      const countyAdmin = await h.token({ tenants: [county.code], roles: ['tenant-admin'] });
      const k = await h.gql<{ createStaffMember: { staffMember: { id: string } } }>(
        countyAdmin,
        'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } } }',
        { i: { name: '区受理员', roles: ['intake-clerk'] } },
      );
      countyClerk = k.body.data!.createStaffMember.staffMember.id;
    });

    /** A town case escalated to the county; returns the town's case id and the county's case id. */
    const escalated = async (title: string) => {
      const c = (await mutate(h, townStaff, REPORT_CASE, { title, channel: 'WALK_IN' })).case!;
      await step(h, townStaff, STEPS.accept, { caseId: c.id });
      await step(h, townStaff, STEPS.dispatch, { caseId: c.id, orgUnitId: townCenter.centerId });
      const up = await step(h, townStaff, STEPS.escalate, { caseId: c.id, reason: '镇级调处不成，提交区级' });
      expect(up.status).toBe('ESCALATED');
      const [parent] = await eventually(
        () => sqlIn<{ id: string }>(county.id, 'select id from cases where origin_case_id = ?', [c.id]),
        (rows) => rows.length === 1,
        5000,
      );
      return { townCaseId: c.id, countyCaseId: parent!.id };
    };
    const townCase = async (id: string) =>
      (
        await h.gql<{
          case: { status: string; resolution: string | null; timeline: { edges: { node: { type: string } }[] } };
        }>(
          townStaff,
          'query($id: ID!) { case(id: $id) { status resolution timeline(first: 50) { edges { node { type } } } } }',
          { id },
        )
      ).body.data!.case;

    it('refuses to settle or give up locally a case the county still handles', async () => {
      const { townCaseId } = await escalated('两村山林界址纠纷');
      const resolve = await mutate(h, townStaff, STEPS.resolve, { caseId: townCaseId, resolution: '镇里自行调解' });
      expect(resolve.userErrors.map((e) => e.code)).toEqual(['PARENT_CASE_OPEN']);
      const unresolved = await mutate(h, townStaff, STEPS.unresolved, { caseId: townCaseId, reason: '镇里放弃' });
      expect(unresolved.userErrors.map((e) => e.code)).toEqual(['PARENT_CASE_OPEN']);
      expect((await townCase(townCaseId)).status).toBe('ESCALATED');
    });

    it('settles the town’s case when the county settles it, and tells the town', async () => {
      const { townCaseId, countyCaseId } = await escalated('宅基地地界纠纷');
      // The county's intake desk hears of the arrival (issue 17, item 5).
      const arrived = await sqlIn<{ recipient_staff_id: string }>(
        county.id,
        "select recipient_staff_id from notifications where case_id = ? and type = 'CASE_ARRIVED_FROM_CHILD'",
        [countyCaseId],
      );
      expect(arrived).toEqual([{ recipient_staff_id: countyClerk }]);
      await step(h, countyStaff, STEPS.accept, { caseId: countyCaseId });
      const [dept] = await sqlIn<{ id: string }>(county.id, "select id from departments where code = 'justice'");
      await step(h, countyStaff, STEPS.dispatch, { caseId: countyCaseId, departmentId: dept!.id });
      await step(h, countyStaff, STEPS.resolve, { caseId: countyCaseId, resolution: '区司法局组织勘界，双方认可' });
      const settled = await eventually(
        () => townCase(townCaseId),
        (c) => c.status !== 'ESCALATED',
        5000,
      );
      expect(settled.status).toBe('FOLLOW_UP');
      expect(settled.resolution).toBe('区司法局组织勘界，双方认可');
      expect(settled.timeline.edges.map((e) => e.node.type)).toContain('SETTLED_BY_PARENT');
      const told = await sqlIn<{ recipient_staff_id: string; type: string }>(
        town.id,
        "select recipient_staff_id, type from notifications where case_id = ? and type = 'CASE_PARENT_DECIDED'",
        [townCaseId],
      );
      expect(told).toEqual([{ recipient_staff_id: townDesk, type: 'CASE_PARENT_DECIDED' }]);
      // Settled is settled: the town cannot take it back nor settle it again.
      const again = await mutate(h, townStaff, STEPS.takeBack, { caseId: townCaseId, reason: '再接回' });
      expect(again.userErrors.map((e) => e.code)).toEqual(['CASE_NOT_ESCALATED']);
    });

    it('catches up from the rows when the follow-up after the county’s commit never ran', async () => {
      const { townCaseId, countyCaseId } = await escalated('土地承包经营权纠纷');
      await step(h, countyStaff, STEPS.accept, { caseId: countyCaseId });
      const [dept] = await sqlIn<{ id: string }>(county.id, "select id from departments where code = 'justice'");
      await step(h, countyStaff, STEPS.dispatch, { caseId: countyCaseId, departmentId: dept!.id });
      // The county's resolution commits, and the process dies before its after-commit work.
      await withTenant(h.rt.orm, county.id, async (em) => {
        const scope: TenantScope = {
          tenant: county,
          em,
          read: emReader(em),
          actor: { subject: 'test', requestId: 'crash', ip: null },
          afterCommit: () => undefined,
        };
        const r = await h.rt.services.handling.resolve(scope, { caseId: countyCaseId, resolution: '区级调处成功' });
        expect(r.ok).toBe(true);
      });
      expect((await townCase(townCaseId)).status).toBe('ESCALATED');
      expect(await h.rt.services.escalations.sweepSettledByParent()).toBeGreaterThanOrEqual(1);
      expect(await h.rt.services.escalations.sweepSettledByParent()).toBe(0);
      expect(await townCase(townCaseId)).toMatchObject({ status: 'FOLLOW_UP', resolution: '区级调处成功' });
    });
  });

  describe('7. merge copies a person twice', () => {
    it('keeps one record per person when merging, by ID number, else phone and name, filled from both', async () => {
      const wang = { role: 'APPLICANT', kind: 'PERSON', name: '王建华' };
      const a = (
        await mutate(h, clerk, REPORT_CASE, {
          title: '服装厂拖欠工资',
          channel: 'WALK_IN',
          parties: [
            { ...wang, idNumber: '330502199003071232', phone: '13812345678' },
            { role: 'RESPONDENT', kind: 'ORGANISATION', name: '织里某服装厂', creditCode: '91330502MA2B3C4D5E' },
          ],
        })
      ).case!;
      const b = (
        await mutate(h, clerk, REPORT_CASE, {
          title: '工资被拖欠三个月',
          channel: 'HOTLINE',
          parties: [
            { ...wang, phone: '138 1234 5678', address: '织里镇大河路1号' },
            { role: 'RESPONDENT', kind: 'ORGANISATION', name: '织里某服装厂' },
            // a namesake: another 王建华, by his own ID number
            { ...wang, idNumber: '330502198501011238' },
          ],
        })
      ).case!;
      await step(h, dispatcher, STEPS.merge, { survivorId: a.id, duplicateIds: [b.id], reason: '同一欠薪纠纷' });
      const after = await h.gql<{
        case: {
          parties: {
            name: string;
            kind: string;
            idNumber: string | null;
            phone: string | null;
            address: string | null;
          }[];
        };
      }>(clerk, 'query($id: ID!) { case(id: $id) { parties { name kind idNumber phone address } } }', { id: a.id });
      expect(after.body.data!.case.parties).toEqual([
        {
          name: '王建华',
          kind: 'PERSON',
          idNumber: '330502199003071232',
          phone: '13812345678',
          address: '织里镇大河路1号',
        },
        { name: '织里某服装厂', kind: 'ORGANISATION', idNumber: null, phone: null, address: null },
        { name: '王建华', kind: 'PERSON', idNumber: '330502198501011238', phone: null, address: null },
      ]);
    });
  });

  describe('4. bookings fit rosters and hours', () => {
    let bt: TenantRecord;
    let bAdmin: string;
    let bDispatcher: string;
    let bLeader: string;
    let bCenter: Center;
    let subCenter: string;
    let judge: string;
    let caseId: string;
    /** Local wall-clock time on the next given ISO weekday at least two days ahead. */
    const next = (weekday: number, hour: number, minute = 0) => {
      let day = addDays(localDateOf(new Date(), bt.timeZone), 2);
      while (isoWeekday(day) !== weekday) day = addDays(day, 1);
      return fromWallClock(day, (hour * 60 + minute) * 60_000, bt.timeZone);
    };
    const book = (token: string, startsAt: Date, extra: Record<string, unknown>) =>
      mutate<{ session: { id: string } | null; userErrors: UserErrorView[] }>(h, token, SCHEDULE_MEDIATION, {
        caseId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
        orgUnitId: subCenter,
        place: '调解室',
        method: 'FACE_TO_FACE',
        chosenBy: 'CLERK',
        ...extra,
      });

    beforeAll(async () => {
      bt = await h.createTenant('cw-book');
      bAdmin = await h.token({ tenants: [bt.code], roles: ['tenant-admin'] });
      bDispatcher = await h.token({ tenants: [bt.code], roles: ['dispatcher', 'intake-clerk'] });
      bLeader = await h.token({ tenants: [bt.code], roles: ['leader'], subject: 'cw-book-leader' });
      bCenter = await buildCenter(h, bAdmin, [
        { key: 'sister', name: '平安大姐 李阿姨', mediator: true },
        { key: 'judge', name: '法官 周某', dept: 'court', mediator: true },
      ]);
      judge = bCenter.staff['judge']!;
      const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '17:30' }));
      const unit = await h.gql<{ createOrgUnit: { orgUnit: { id: string } } }>(
        bAdmin,
        'mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { orgUnit { id } } }',
        { i: { kind: 'SUB_CENTER', name: '织南分中心', parentId: bCenter.centerId, openingHours: weekdays } },
      );
      subCenter = unit.body.data!.createOrgUnit.orgUnit.id;
      // The court sits at the sub-center by roster: Monday mornings, the judge on duty.
      const res = await h.gql<{ stationDepartment: { residency: { id: string } } }>(
        bAdmin,
        'mutation($i: StationDepartmentInput!) { stationDepartment(input: $i) { residency { id } } }',
        { i: { departmentId: bCenter.dept['court'], orgUnitId: subCenter, mode: 'ROTATING' } },
      );
      const monday = next(1, 9);
      const roster = await h.gql<{ setRotationShifts: { userErrors: unknown[] } }>(
        bAdmin,
        'mutation($i: SetRotationShiftsInput!) { setRotationShifts(input: $i) { userErrors { code message } } }',
        {
          i: {
            residencyId: res.body.data!.stationDepartment.residency.id,
            from: new Date(monday.getTime() - 86_400_000).toISOString(),
            to: new Date(monday.getTime() + 7 * 86_400_000).toISOString(),
            shifts: [
              {
                startsAt: monday.toISOString(),
                endsAt: new Date(monday.getTime() + 3 * HOUR).toISOString(),
                staffIds: [judge],
              },
            ],
          },
        },
      );
      expect(roster.body.data!.setRotationShifts.userErrors).toEqual([]);
      const c = (await mutate(h, bDispatcher, REPORT_CASE, { title: '借款纠纷诉前调解', channel: 'COURT_DIVERSION' }))
        .case!;
      await step(h, bDispatcher, STEPS.accept, { caseId: c.id });
      await step(h, bDispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: bCenter.centerId });
      caseId = c.id;
    });

    it('refuses a rotating court mediator on a day the court has no shift, and takes him on his shift', async () => {
      const tuesday = await book(bDispatcher, next(2, 10), { mediatorIds: [judge] });
      expect(tuesday.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'mediatorIds', '0'], code: 'NOT_ON_ROSTER' }),
      ]);
      const joint = await book(bDispatcher, next(2, 14), {
        mediatorIds: [bCenter.staff['sister']],
        departmentIds: [bCenter.dept['court']],
      });
      expect(joint.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'departmentIds', '0'], code: 'NOT_ON_ROSTER' }),
      ]);
      const monday = await book(bDispatcher, next(1, 10), {
        mediatorIds: [judge],
        departmentIds: [bCenter.dept['court']],
      });
      expect(monday.userErrors).toEqual([]);
    });

    it('refuses a session at a closed center: Sunday 03:00, after hours, on a day the calendar closes it', async () => {
      const sister = [bCenter.staff['sister']];
      expect((await book(bDispatcher, next(7, 3), { mediatorIds: sister })).userErrors.map((e) => e.code)).toEqual([
        'PLACE_CLOSED',
      ]);
      expect((await book(bDispatcher, next(3, 17), { mediatorIds: sister })).userErrors.map((e) => e.code)).toEqual([
        'PLACE_CLOSED',
      ]);
      const thursday = next(4, 9);
      await mutate<{ userErrors: unknown[] }>(
        h,
        bAdmin,
        'mutation($i: UpdateWorkingCalendarInput!) { updateWorkingCalendar(input: $i) { userErrors { code } } }',
        { closedDates: [localDateOf(thursday, bt.timeZone)] },
      );
      expect((await book(bDispatcher, thursday, { mediatorIds: sister })).userErrors.map((e) => e.code)).toEqual([
        'PLACE_CLOSED',
      ]);
      // Online, the place's hours do not matter.
      const online = await book(bDispatcher, next(7, 20), { mediatorIds: sister, online: true, method: 'ONLINE' });
      expect(online.userErrors).toEqual([]);
    });

    it('lets a leader book outside hours and rosters with a reason, audited; nobody else', async () => {
      const saturday = next(6, 10);
      const refused = await book(bDispatcher, saturday, {
        mediatorIds: [judge],
        overrideReason: '群体性纠纷，法官周末到场',
      });
      expect(refused.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'overrideReason'], 'INVALID']]);
      const done = await book(bLeader, saturday, { mediatorIds: [judge], overrideReason: '群体性纠纷，法官周末到场' });
      expect(done.userErrors).toEqual([]);
      const audit = await h.gql<{
        auditEvents: { edges: { node: { action: string; actorSubject: string; after: Record<string, unknown> } }[] };
      }>(
        bAdmin,
        'query($s: ID!) { auditEvents(first: 5, filter: { targetId: $s }) { edges { node { action actorSubject after } } } }',
        { s: done.session!.id },
      );
      expect(audit.body.data!.auditEvents.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({
          action: 'mediation.schedule.override',
          actorSubject: 'cw-book-leader',
          after: expect.objectContaining({
            reason: '群体性纠纷，法官周末到场',
            waived: expect.arrayContaining([
              expect.objectContaining({ code: 'PLACE_CLOSED' }),
              expect.objectContaining({ code: 'NOT_ON_ROSTER' }),
            ]),
          }),
        }),
      ]);
    });
  });

  describe('11. capacity and ownership', () => {
    let ct: TenantRecord;
    let cAdmin: string;
    let cDispatcher: string;
    let cLeader: string;
    let visitor: string;
    let stranger: string;
    let cc: Center;
    const SETTINGS =
      'mutation($i: UpdateCaseSettingsInput!) { updateCaseSettings(input: $i) { userErrors { field code } } }';

    beforeAll(async () => {
      ct = await h.createTenant('cw-cap');
      cAdmin = await h.token({ tenants: [ct.code], roles: ['tenant-admin'] });
      cDispatcher = await h.token({ tenants: [ct.code], roles: ['dispatcher', 'intake-clerk'] });
      cLeader = await h.token({ tenants: [ct.code], roles: ['leader'], subject: 'cw-cap-leader' });
      visitor = await h.token({ tenants: [ct.code], roles: ['grid-worker'], subject: 'cw-cap-visitor' });
      stranger = await h.token({ tenants: [ct.code], roles: ['grid-worker', 'mediator'], subject: 'cw-cap-other' });
      cc = await buildCenter(h, cAdmin, [
        { key: 'busy', name: '调解员 忙', mediator: true, limit: 1 },
        { key: 'off', name: '调解员 休', mediator: true, limit: 0 },
        { key: 'visitor', name: '网格员 访', subject: 'cw-cap-visitor' },
        { key: 'other', name: '网格员 别', subject: 'cw-cap-other' },
      ]);
    });

    const handled = async (title: string) => {
      const c = (await mutate(h, cDispatcher, REPORT_CASE, { title, channel: 'WALK_IN' })).case!;
      await step(h, cDispatcher, STEPS.accept, { caseId: c.id });
      await step(h, cDispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: cc.centerId });
      return c.id;
    };

    it('keeps a mediator within their limit of open cases; a leader may go over it with a reason, audited', async () => {
      const first = await handled('第一件');
      await step(h, cDispatcher, STEPS.assign, { caseId: first, staffIds: [cc.staff['busy']] });
      const second = await handled('第二件');
      const full = await mutate(h, cDispatcher, STEPS.assign, { caseId: second, staffIds: [cc.staff['busy']] });
      expect(full.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'staffIds', '0'], 'CAPACITY_REACHED']]);
      const off = await mutate(h, cDispatcher, STEPS.assign, { caseId: second, staffIds: [cc.staff['off']] });
      expect(off.userErrors.map((e) => e.code)).toEqual(['CAPACITY_REACHED']);
      // Re-assigning the first case with someone else added does not count it against its own handler.
      await step(h, cDispatcher, STEPS.assign, { caseId: first, staffIds: [cc.staff['busy'], cc.staff['visitor']] });
      const notLeader = await mutate(h, cDispatcher, STEPS.assign, {
        caseId: second,
        staffIds: [cc.staff['busy']],
        overrideReason: '熟悉当事人',
      });
      expect(notLeader.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'overrideReason'], 'INVALID']]);
      await step(h, cLeader, STEPS.assign, {
        caseId: second,
        staffIds: [cc.staff['busy']],
        overrideReason: '熟悉当事人',
      });
      const audit = await h.gql<{
        auditEvents: { edges: { node: { action: string; after: Record<string, unknown> } }[] };
      }>(
        cAdmin,
        'query($c: ID!) { auditEvents(first: 5, filter: { targetId: $c }) { edges { node { action after } } } }',
        { c: second },
      );
      expect(audit.body.data!.auditEvents.edges.map((e) => e.node)).toEqual([
        { action: 'case.assign.override', after: expect.objectContaining({ reason: '熟悉当事人' }) },
      ]);
    });

    it('lets only the visitor or a leader complete a visit, and not before its window opens', async () => {
      await mutate(h, cAdmin, SETTINGS, { followUpWindowDays: 2 });
      const id = await handled('回访测试');
      await step(h, cDispatcher, STEPS.assign, { caseId: id, staffIds: [cc.staff['other']] });
      await step(h, cLeader, STEPS.resolve, {
        caseId: id,
        resolution: '当场化解',
        followUpAssigneeId: cc.staff['visitor'],
      });
      const visit = (
        await h.gql<{ case: { followUps: { id: string }[] } }>(
          cAdmin,
          'query($id: ID!) { case(id: $id) { followUps { id } } }',
          {
            id,
          },
        )
      ).body.data!.case.followUps[0]!;
      // The visitor is told the visit is theirs (issue 17, item 5).
      const told = await sqlIn<{ recipient_staff_id: string }>(
        ct.id,
        "select recipient_staff_id from notifications where case_id = ? and type = 'FOLLOW_UP_ASSIGNED'",
        [id],
      );
      expect(told).toEqual([{ recipient_staff_id: cc.staff['visitor'] }]);
      const complete = (token: string) =>
        mutate(h, token, STEPS.completeFollowUp, { followUpId: visit.id, result: 'KEPT', satisfaction: 5 });
      expect((await complete(stranger)).userErrors.map((e) => e.code)).toEqual(['FOLLOW_UP_NOT_YOURS']);
      // Due in seven days, the visit opens two days before.
      expect((await complete(visitor)).userErrors.map((e) => e.code)).toEqual(['FOLLOW_UP_NOT_OPEN']);
      expect((await complete(cLeader)).userErrors.map((e) => e.code)).toEqual(['FOLLOW_UP_NOT_OPEN']);
      await mutate(h, cAdmin, SETTINGS, { followUpWindowDays: 7 });
      const done = await complete(visitor);
      expect(done.userErrors).toEqual([]);
    });
  });

  describe('10. failed attempts escalate', () => {
    const failTwice = async (caseId: string, hoursAgo: number) => {
      for (const h0 of [hoursAgo, hoursAgo + 3]) {
        const sessionId = await book(caseId, new Date(Date.now() - h0 * HOUR));
        const r = await mutate<OutcomePayload>(h, mediator, RECORD_OUTCOME, {
          sessionId,
          outcome: 'FAILED',
          lateReason: '补录',
        });
        expect(r.userErrors).toEqual([]);
      }
    };
    const atStation = async (title: string) => {
      const c = (await mutate(h, clerk, REPORT_CASE, { title, channel: 'WALK_IN' })).case!;
      await step(h, clerk, STEPS.accept, { caseId: c.id });
      await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: center.stationId });
      return c.id;
    };
    const view = async (id: string) =>
      (
        await h.gql<{
          case: {
            status: string;
            orgUnit: { id: string };
            timeline: { edges: { node: { type: string; data: Record<string, unknown> } }[] };
          };
        }>(
          admin,
          'query($id: ID!) { case(id: $id) { status orgUnit { id } timeline(first: 50) { edges { node { type data } } } } }',
          {
            id,
          },
        )
      ).body.data!.case;
    const SETTINGS =
      'mutation($i: UpdateCaseSettingsInput!) { updateCaseSettings(input: $i) { userErrors { field code } } }';

    it('raises the case a level at once when the tenant says so', async () => {
      await mutate(h, admin, SETTINGS, { failedMediationLimit: 2, failedMediationAction: 'ESCALATE' });
      const id = await atStation('两次调解未果的相邻纠纷');
      await failTwice(id, 30);
      const c = await view(id);
      expect(c).toMatchObject({ status: 'DISPATCHED', orgUnit: { id: center.centerId } });
      const types = c.timeline.edges.map((e) => e.node.type);
      expect(types.slice(-2)).toEqual(['ESCALATION_SUGGESTED', 'ESCALATED']);
      expect(c.timeline.edges.at(-1)!.node.data).toMatchObject({ reason: expect.stringContaining('2次未果') });
    });

    it('tells the unit’s leaders to decide when the tenant says so', async () => {
      await mutate(h, admin, SETTINGS, { failedMediationLimit: 2, failedMediationAction: 'NOTIFY_LEADER' });
      const r = await h.gql<{ createStaffMember: { staffMember: { id: string } } }>(
        admin,
        'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } } }',
        { i: { name: '站长', roles: ['leader'], orgUnitId: center.stationId } },
      );
      const lead = r.body.data!.createStaffMember.staffMember.id;
      const id = await atStation('两次调解未果的物业纠纷');
      await failTwice(id, 40);
      const c = await view(id);
      expect(c.status).toBe('IN_PROGRESS');
      expect(c.timeline.edges.at(-1)!.node).toMatchObject({
        type: 'ESCALATION_SUGGESTED',
        data: { action: 'NOTIFY_LEADER' },
      });
      const told = await sqlIn<{ recipient_staff_id: string }>(
        t.id,
        "select recipient_staff_id from notifications where case_id = ? and type = 'MEDIATION_FAILURE_LIMIT'",
        [id],
      );
      expect(told).toEqual([{ recipient_staff_id: lead }]);
    });
  });

  describe('5. events notify their people', () => {
    it('tells the assignee, the session’s mediators, the dispatchers of a return and the visitor', async () => {
      const desk = await h.gql<{ createStaffMember: { staffMember: { id: string } } }>(
        admin,
        'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } } }',
        { i: { name: '调度员 孙', roles: ['dispatcher'], orgUnitId: center.centerId } },
      );
      const dispatcherId = desk.body.data!.createStaffMember.staffMember.id;
      const c = (await mutate(h, clerk, REPORT_CASE, { title: '通知测试', channel: 'WALK_IN' })).case!;
      await step(h, clerk, STEPS.accept, { caseId: c.id });
      await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: center.stationId });
      await step(h, dispatcher, STEPS.assign, { caseId: c.id, staffIds: [center.staff['lawyer']] });
      await book(c.id, new Date(Date.now() + 50 * HOUR), 'sister');
      await step(h, dispatcher, STEPS.return, { caseId: c.id, reason: '非本站职责' });
      const rows = await sqlIn<{ type: string; recipient_staff_id: string }>(
        t.id,
        'select type, recipient_staff_id from notifications where case_id = ? order by created_at, type',
        [c.id],
      );
      const of = (type: string) => rows.filter((r) => r.type === type).map((r) => r.recipient_staff_id);
      expect(of('CASE_ASSIGNED')).toEqual([center.staff['lawyer']]);
      expect(of('SESSION_BOOKED')).toEqual([center.staff['sister']]);
      expect(of('CASE_RETURNED')).toEqual([dispatcherId]);
    });
  });
});
