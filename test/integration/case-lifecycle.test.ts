import { startHarness, type Harness } from '../utils/harness';
import {
  buildCenter,
  mutate,
  RECORD_OUTCOME,
  REPORT_CASE,
  SCHEDULE_MEDIATION,
  step,
  STEPS,
  type CaseView,
  type Center,
} from '../utils/cases';
import { localParts } from '../../src/core/calendar/zoned-time';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const TIMELINE = /* GraphQL */ `query($id: ID!) { case(id: $id) { status resolvedOnSite
  timeline(first: 100) { edges { node { type actorSubject data } } }
  assignees { isLead staff { name } } agreements { amount instalments { dueOn amount } confirmationStatus }
  followUps { id dueAt status result satisfaction assignee { name } } escalations { toOrgUnit { name } reason }
  mediationSessions { outcome mediators { name } departments { code } } } }`;

interface CaseFile {
  status: string;
  timeline: { edges: { node: { type: string; actorSubject: string; data: Record<string, unknown> } }[] };
  followUps: {
    id: string;
    dueAt: string;
    status: string;
    result: string | null;
    satisfaction: number | null;
    assignee: { name: string } | null;
  }[];
  [k: string]: unknown;
}

describe('case lifecycle', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let admin: string;
  let clerk: string;
  let dispatcher: string;
  let patrol: string;
  let mediator: string;
  let leader: string;
  let feed: string;

  const file = async (id: string) => (await h.gql<{ case: CaseFile }>(admin, TIMELINE, { id })).body.data!.case;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('zl');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'], subject: 'clerk-1' });
    dispatcher = await h.token({ tenants: [t.code], roles: ['dispatcher'], subject: 'dispatcher-1' });
    patrol = await h.token({ tenants: [t.code], roles: ['grid-worker'], subject: 'patrol-1' });
    mediator = await h.token({ tenants: [t.code], roles: ['mediator'], subject: 'lawyer-1' });
    leader = await h.token({ tenants: [t.code], roles: ['leader'], subject: 'leader-1' });
    feed = await h.token({ tenants: [t.code], roles: ['intake-system'], subject: 'service-account-qr' });
    center = await buildCenter(h, admin, [
      { key: 'patrol', name: '民生服务队 沈队员', mediator: true, subject: 'patrol-1' },
      { key: 'lawyer', name: '王律师', dept: 'lawyers', mediator: true, subject: 'lawyer-1' },
      { key: 'sister', name: '平安大姐 李阿姨', mediator: true },
    ]);
  });
  afterAll(() => h.close());

  it('runs the Zhili wage case: patrol on site fails, escalated to the center, joint mediation, agreement, follow-up a week later, closed', async () => {
    const reported = await mutate(h, patrol, REPORT_CASE, {
      title: '服装厂辞退员工工资及经济补偿纠纷',
      description: '员工被辞退后，工资及补偿未结清',
      channel: 'PATROL',
      categoryId: center.category['labor-wages'],
      reportedOrgUnitId: center.stationId,
      amountInvolved: '12000.00',
      location: '织里镇大河路',
      parties: [
        { role: 'APPLICANT', kind: 'PERSON', name: '张某', idNumber: '330502199003071232', phone: '13812345678' },
        { role: 'RESPONDENT', kind: 'ORGANISATION', name: '某服装厂', creditCode: '91330502MA2B3C4D5E' },
      ],
    });
    expect(reported.userErrors).toEqual([]);
    const c = reported.case!;
    expect(c.number).toMatch(new RegExp(`^${t.caseNumberPrefix}-\\d{4}-\\d{6}$`));
    expect(c).toMatchObject({
      status: 'REPORTED',
      riskLevel: 'MEDIUM',
      amountInvolved: '12000.00',
      orgUnit: { id: center.stationId },
    });

    await step(h, clerk, STEPS.accept, { caseId: c.id });
    await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: center.stationId });
    const taken = await step(h, dispatcher, STEPS.assign, { caseId: c.id, staffIds: [center.staff['patrol']] });
    expect(taken.status).toBe('IN_PROGRESS');

    // The patrol team could not settle it on site: the case goes up to the center.
    const up = await step(h, patrol, STEPS.escalate, { caseId: c.id, reason: '现场化解未果，推送中心提级处置' });
    expect(up).toMatchObject({ status: 'DISPATCHED', orgUnit: { id: center.centerId } });

    const start = new Date(Date.now() - 60_000);
    const booked = await mutate<{ session: { id: string; mediators: { name: string }[] }; userErrors: unknown[] }>(
      h,
      dispatcher,
      SCHEDULE_MEDIATION,
      {
        caseId: c.id,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
        orgUnitId: center.centerId,
        place: '调解室一',
        method: 'FACE_TO_FACE',
        chosenBy: 'PARTIES',
        mediatorIds: [center.staff['lawyer'], center.staff['sister']],
        departmentIds: [center.dept['lawyers']],
      },
    );
    expect(booked.userErrors).toEqual([]);
    const outcome = await mutate<{ session: { status: string; outcome: string }; userErrors: unknown[] }>(
      h,
      mediator,
      RECORD_OUTCOME,
      {
        sessionId: booked.session.id,
        outcome: 'AGREED',
        note: '双方达成协议',
        lateReason: '调解当日未及时录入',
        agreement: {
          terms: '服装厂分两期支付工资及经济补偿共计12000元',
          amount: '12000.00',
          instalments: [
            { dueOn: '2026-12-01', amount: '6000.00' },
            { dueOn: '2027-01-01', amount: '6000.00' },
          ],
        },
      },
    );
    expect(outcome.userErrors).toEqual([]);
    expect(outcome.session).toMatchObject({ status: 'HELD', outcome: 'AGREED' });

    const resolved = await step(h, mediator, STEPS.resolve, {
      caseId: c.id,
      resolution: '调解成功，分期支付',
      resolvedOnSite: false,
      legalBasis: '《劳动合同法》第四十七条',
    });
    expect(resolved).toMatchObject({ status: 'FOLLOW_UP', resolvedOnSite: false });
    let f = await file(c.id);
    const visit = f.followUps[0]!;
    expect(visit.status).toBe('SCHEDULED');
    const due = new Date(visit.dueAt).getTime() - new Date(resolved.resolvedAt as string).getTime();
    expect(due).toBe(7 * 86_400_000);
    expect(visit.assignee?.name).toBe('民生服务队 沈队员');

    await step(h, patrol, STEPS.completeFollowUp, {
      followUpId: visit.id,
      result: 'KEPT',
      satisfaction: 5,
      notes: '第一期已支付',
    });
    const closed = await step(h, leader, STEPS.close, { caseId: c.id });
    expect(closed.status).toBe('CLOSED');
    expect(closed.warningLevel).toBe('NONE');

    f = await file(c.id);
    expect(f.timeline.edges.map((e) => e.node.type)).toEqual([
      'REPORTED',
      'ACCEPTED',
      'DISPATCHED',
      'ASSIGNED',
      'HANDLING_STARTED',
      'ESCALATED',
      'MEDIATION_SCHEDULED',
      'HANDLING_STARTED',
      'MEDIATION_OUTCOME',
      'AGREEMENT_SIGNED',
      'RESOLVED',
      'FOLLOW_UP_SCHEDULED',
      'FOLLOW_UP_STARTED',
      'FOLLOW_UP_COMPLETED',
      'CLOSED',
    ]);
    const byType = Object.fromEntries(f.timeline.edges.map((e) => [e.node.type, e.node]));
    expect(byType['ESCALATED']).toMatchObject({
      actorSubject: 'patrol-1',
      data: { fromOrgUnitId: center.stationId, toOrgUnitId: center.centerId },
    });
    expect(byType['MEDIATION_SCHEDULED']!.data).toMatchObject({ joint: true, chosenBy: 'PARTIES' });
    expect(f).toMatchObject({
      agreements: [
        {
          amount: '12000.00',
          instalments: [
            { dueOn: '2026-12-01', amount: '6000.00' },
            { dueOn: '2027-01-01', amount: '6000.00' },
          ],
          confirmationStatus: 'NONE',
        },
      ],
      escalations: [{ toOrgUnit: { name: '织里镇社会治理中心' } }],
      mediationSessions: [{ outcome: 'AGREED', departments: [{ code: 'lawyers' }] }],
    });
  });

  it('runs the Naxi QR report: a third party reports, dispatched the same day by rule, resolved within 3 days', async () => {
    const rule = await h.gql<{ upsertRoutingRule: { routingRule: { id: string }; userErrors: unknown[] } }>(
      admin,
      'mutation($i: UpsertRoutingRuleInput!) { upsertRoutingRule(input: $i) { routingRule { id } userErrors { code } } }',
      {
        i: {
          name: '租赁纠纷交民生服务队',
          priority: 10,
          categoryId: center.category['lease'],
          targetOrgUnitId: center.stationId,
          targetDepartmentId: center.dept['housing'],
        },
      },
    );
    expect(rule.body.data!.upsertRoutingRule.userErrors).toEqual([]);
    const r = await mutate(h, feed, REPORT_CASE, {
      title: '商铺续租纠纷（保安扫码上报）',
      channel: 'QR_CODE',
      categoryId: center.category['lease-shop-renewal'],
      externalRef: 'JFM-20261123-0001',
      idempotencyKey: 'qr-JFM-20261123-0001',
      reportedOrgUnitId: center.gridId,
      parties: [
        { role: 'THIRD_PARTY', kind: 'PERSON', name: '保安刘某', phone: '13900001111' },
        { role: 'APPLICANT', kind: 'PERSON', name: '商户陈某' },
      ],
    });
    expect(r.userErrors).toEqual([]);
    const c = r.case!;
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    const routed = await step(h, dispatcher, STEPS.dispatch, { caseId: c.id });
    expect(routed).toMatchObject({
      status: 'DISPATCHED',
      orgUnit: { id: center.stationId },
      department: { code: 'housing' },
    });
    const tz = t.timeZone;
    expect(localParts(new Date(routed.dispatchedAt as string), tz).date).toBe(
      localParts(new Date(c.reportedAt as string), tz).date,
    );
    await step(h, dispatcher, STEPS.assign, { caseId: c.id, staffIds: [center.staff['patrol']] });
    const done = await step(h, patrol, STEPS.resolve, {
      caseId: c.id,
      resolution: '协商续租，房东补偿装修损失',
      resolvedOnSite: true,
    });
    expect(done.resolvedOnSite).toBe(true);
    expect(new Date(done.resolvedAt as string).getTime() - new Date(c.reportedAt as string).getTime()).toBeLessThan(
      3 * 86_400_000,
    );
    const f = await file(c.id);
    expect(f.timeline.edges[2]!.node).toMatchObject({
      type: 'DISPATCHED',
      data: { ruleId: rule.body.data!.upsertRoutingRule.routingRule.id },
    });
  });

  it('returns a case to the dispatcher with a reason, who dispatches it again', async () => {
    const c = (
      await mutate(h, clerk, REPORT_CASE, {
        title: '噪音扰民',
        channel: 'WALK_IN',
        categoryId: center.category['neighbourhood-noise'],
      })
    ).case!;
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, departmentId: center.dept['housing'] });
    const back = await step(h, mediator, STEPS.return, { caseId: c.id, reason: '不属于本部门职责' });
    expect(back.status).toBe('ACCEPTED');
    const again = await step(h, dispatcher, STEPS.dispatch, {
      caseId: c.id,
      departmentId: center.dept['law-enforcement'],
    });
    expect(again).toMatchObject({ status: 'DISPATCHED', department: { code: 'law-enforcement' } });
    const types = (await file(c.id)).timeline.edges.map((e) => e.node.type);
    expect(types).toEqual(['REPORTED', 'ACCEPTED', 'DISPATCHED', 'RETURNED', 'REDISPATCHED']);
  });

  it('suggests escalation after the tenant-set number of failed sessions at one level', async () => {
    await h.gql(admin, 'mutation { updateCaseSettings(input: { failedMediationLimit: 2 }) { userErrors { code } } }');
    const c = (
      await mutate(h, clerk, REPORT_CASE, {
        title: '加工质量纠纷',
        channel: 'WALK_IN',
        categoryId: center.category['contract-processing-quality'],
      })
    ).case!;
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: center.centerId });
    for (let i = 0; i < 2; i++) {
      const at = new Date(Date.now() - (2 + i * 3) * 3_600_000);
      const s = await mutate<{ session: { id: string }; userErrors: unknown[] }>(h, dispatcher, SCHEDULE_MEDIATION, {
        caseId: c.id,
        startsAt: at.toISOString(),
        endsAt: new Date(at.getTime() + 3_600_000).toISOString(),
        online: true,
        method: 'ONLINE',
        chosenBy: 'CLERK',
        mediatorIds: [center.staff['sister']],
      });
      expect(s.userErrors).toEqual([]);
      await mutate(h, mediator, RECORD_OUTCOME, {
        sessionId: s.session.id,
        outcome: 'FAILED',
        lateReason: '调解当日未及时录入',
      });
      const last = (
        await h.gql<{ case: CaseView }>(
          admin,
          'query($id: ID!) { case(id: $id) { id number status riskLevel escalationSuggested } }',
          { id: c.id },
        )
      ).body.data!.case;
      expect(last.escalationSuggested).toBe(i === 1);
    }
    const f = await file(c.id);
    expect(f.timeline.edges.filter((e) => e.node.type === 'ESCALATION_SUGGESTED')).toHaveLength(1);
    // Escalating clears the flag and starts the count again at the next level — here the top, with no parent tenant.
    const top = await mutate(h, mediator, STEPS.escalate, { caseId: c.id, reason: '多次调解未果' });
    expect(top.userErrors.map((e) => e.code)).toEqual(['NO_HIGHER_LEVEL']);
  });

  it('refuses a mediator booked in another session at the same time, naming the clash', async () => {
    const c = (await mutate(h, clerk, REPORT_CASE, { title: '家庭纠纷', channel: 'HOTLINE' })).case!;
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: center.centerId });
    const at = new Date(Date.now() + 48 * 3_600_000);
    const book = (startOffsetMin: number) =>
      mutate<{ session: { id: string } | null; userErrors: { code: string; message: string }[] }>(
        h,
        dispatcher,
        SCHEDULE_MEDIATION,
        {
          caseId: c.id,
          startsAt: new Date(at.getTime() + startOffsetMin * 60_000).toISOString(),
          endsAt: new Date(at.getTime() + (startOffsetMin + 60) * 60_000).toISOString(),
          place: '调解室二',
          method: 'FACE_TO_FACE',
          chosenBy: 'CLERK',
          mediatorIds: [center.staff['lawyer']],
        },
      );
    expect((await book(0)).userErrors).toEqual([]);
    const clash = await book(30);
    expect(clash.userErrors.map((e) => e.code)).toEqual(['SESSION_CLASH']);
    expect(clash.userErrors[0]!.message).toContain(c.number);
    expect((await book(60)).userErrors).toEqual([]);
  });

  it("counts a mediator's open cases against their limit in the mediator search", async () => {
    const r = await h.gql<{ createStaffMember: { staffMember: { id: string } } }>(
      admin,
      'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } } }',
      {
        i: {
          name: '一案调解员',
          orgUnitId: center.centerId,
          mediatorProfile: { specialtyIds: [center.category['family']], maxConcurrentCases: 1 },
        },
      },
    );
    const one = r.body.data!.createStaffMember.staffMember.id;
    const listed = async () =>
      (
        await h.gql<{ mediators: { edges: { node: { id: string } }[] } }>(
          clerk,
          'query($c: ID) { mediators(first: 50, filter: { categoryId: $c }) { edges { node { id } } } }',
          { c: center.category['family'] },
        )
      ).body.data!.mediators.edges.map((e) => e.node.id);
    expect(await listed()).toContain(one);
    const c = (
      await mutate(h, clerk, REPORT_CASE, {
        title: '婚姻家庭纠纷',
        channel: 'WALK_IN',
        categoryId: center.category['family'],
      })
    ).case!;
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    await step(h, dispatcher, STEPS.assign, { caseId: c.id, staffIds: [one] });
    expect(await listed()).not.toContain(one);
    await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: center.centerId });
    await step(h, mediator, STEPS.unresolved, { caseId: c.id, reason: '当事人拒绝调解' });
    await step(h, leader, STEPS.close, { caseId: c.id });
    expect(await listed()).toContain(one);
  });

  it('links to the court: judicial confirmation of an agreement, and a referral with its outcome', async () => {
    const c = (
      await mutate(h, clerk, REPORT_CASE, {
        title: '借贷担保纠纷',
        channel: 'COURT_DIVERSION',
        categoryId: center.category['finance'],
        amountInvolved: '200000',
      })
    ).case!;
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: center.centerId });
    const at = new Date(Date.now() - 3 * 3_600_000);
    const s = await mutate<{ session: { id: string } }>(h, dispatcher, SCHEDULE_MEDIATION, {
      caseId: c.id,
      startsAt: at.toISOString(),
      endsAt: new Date(at.getTime() + 3_600_000).toISOString(),
      online: true,
      method: 'ONLINE',
      chosenBy: 'CLERK',
      mediatorIds: [center.staff['lawyer']],
    });
    await mutate(h, mediator, RECORD_OUTCOME, {
      sessionId: s.session.id,
      outcome: 'PARTLY_AGREED',
      lateReason: '调解当日未及时录入',
      agreement: {
        terms: '分十二期还款',
        amount: '120000.00',
        instalments: [{ dueOn: '2027-01-10', amount: '10000.00' }],
      },
    });
    const agreementId = (
      await h.gql<{ case: { agreements: { id: string }[] } }>(
        admin,
        'query($id: ID!) { case(id: $id) { agreements { id } } }',
        { id: c.id },
      )
    ).body.data!.case.agreements[0]!.id;
    const JC =
      'mutation($i: RecordJudicialConfirmationInput!) { recordJudicialConfirmation(input: $i) { agreement { confirmationStatus confirmationCourt confirmationCaseNumber confirmationDecidedAt } userErrors { code } } }';
    const jc = (i: Record<string, unknown>) =>
      mutate<{ agreement: Record<string, unknown> | null; userErrors: { code: string }[] }>(h, mediator, JC, {
        agreementId,
        court: '吴兴区人民法院',
        ...i,
      });
    expect((await jc({ status: 'REQUESTED' })).agreement).toMatchObject({
      confirmationStatus: 'REQUESTED',
      confirmationDecidedAt: null,
    });
    expect((await jc({ status: 'CONFIRMED', courtCaseNumber: '(2026)浙0502民特123号' })).agreement).toMatchObject({
      confirmationStatus: 'CONFIRMED',
      confirmationCaseNumber: '(2026)浙0502民特123号',
    });
    expect((await jc({ status: 'REFUSED' })).userErrors.map((e) => e.code)).toEqual(['INVALID']);

    const rest = await step(h, mediator, STEPS.refer, {
      caseId: c.id,
      target: 'COURT',
      targetName: '吴兴区人民法院',
      reason: '剩余部分诉讼解决',
      legalBasis: '诉调对接',
    });
    expect(rest.status).toBe('REFERRED');
    const referralId = (
      await h.gql<{ case: { referrals: { id: string }[] } }>(
        admin,
        'query($id: ID!) { case(id: $id) { referrals { id } } }',
        { id: c.id },
      )
    ).body.data!.case.referrals[0]!.id;
    const out = await mutate<{ referral: { outcome: string; referenceNumber: string } | null; userErrors: unknown[] }>(
      h,
      mediator,
      'mutation($i: RecordReferralOutcomeInput!) { recordReferralOutcome(input: $i) { referral { outcome referenceNumber } userErrors { code } } }',
      { referralId, outcome: '法院立案受理', referenceNumber: '(2026)浙0502民初456号' },
    );
    expect(out.referral).toEqual({ outcome: '法院立案受理', referenceNumber: '(2026)浙0502民初456号' });
    const types = (await file(c.id)).timeline.edges.map((e) => e.node.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'JUDICIAL_CONFIRMATION_REQUESTED',
        'JUDICIAL_CONFIRMATION_CONFIRMED',
        'REFERRED',
        'REFERRAL_OUTCOME',
      ]),
    );
  });

  it('refuses a mediator rostered at another unit at that time', async () => {
    const res = await h.gql<{ stationDepartment: { residency: { id: string } } }>(
      admin,
      'mutation($i: StationDepartmentInput!) { stationDepartment(input: $i) { residency { id } } }',
      { i: { departmentId: center.dept['lawyers'], orgUnitId: center.stationId, mode: 'ROTATING' } },
    );
    const residencyId = res.body.data!.stationDepartment.residency.id;
    const from = new Date(Date.now() + 300 * 3_600_000);
    const to = new Date(from.getTime() + 8 * 3_600_000);
    const roster = await h.gql<{ setRotationShifts: { userErrors: unknown[] } }>(
      admin,
      'mutation($i: SetRotationShiftsInput!) { setRotationShifts(input: $i) { userErrors { code message } } }',
      {
        i: {
          residencyId,
          from: from.toISOString(),
          to: to.toISOString(),
          shifts: [{ startsAt: from.toISOString(), endsAt: to.toISOString(), staffIds: [center.staff['lawyer']] }],
        },
      },
    );
    expect(roster.body.data!.setRotationShifts.userErrors).toEqual([]);
    const c = (await mutate(h, clerk, REPORT_CASE, { title: '合同纠纷', channel: 'WALK_IN' })).case!;
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: center.centerId });
    const book = (orgUnitId: string) =>
      mutate<{ userErrors: { code: string }[] }>(h, dispatcher, SCHEDULE_MEDIATION, {
        caseId: c.id,
        startsAt: new Date(from.getTime() + 3_600_000).toISOString(),
        endsAt: new Date(from.getTime() + 2 * 3_600_000).toISOString(),
        orgUnitId,
        method: 'FACE_TO_FACE',
        chosenBy: 'CLERK',
        mediatorIds: [center.staff['lawyer']],
      });
    expect((await book(center.centerId)).userErrors.map((e) => e.code)).toEqual(['ROSTER_CLASH']);
    expect((await book(center.stationId)).userErrors).toEqual([]);
  });

  describe('illegal moves', () => {
    const codes = async (token: string, query: string, i: Record<string, unknown>) =>
      (await mutate(h, token, query, i)).userErrors.map((e) => e.code);
    const status = async (id: string) =>
      (
        await h.gql<{ case: { status: string; timeline: { totalCount: number } } }>(
          admin,
          'query($id: ID!) { case(id: $id) { status timeline { totalCount } } }',
          { id },
        )
      ).body.data!.case;

    it('refuses every move a state does not allow, with its code, and changes nothing', async () => {
      const fresh = async () =>
        (await mutate(h, clerk, REPORT_CASE, { title: '状态机测试', channel: 'WALK_IN' })).case!.id;
      const reported = await fresh();
      const before = await status(reported);
      const onReported: [string, Record<string, unknown>, string][] = [
        [STEPS.dispatch, { caseId: reported, orgUnitId: center.centerId }, 'CASE_NOT_ACCEPTED'],
        [STEPS.return, { caseId: reported, reason: 'x' }, 'CASE_NOT_DISPATCHED'],
        [STEPS.resolve, { caseId: reported, resolution: 'x' }, 'CASE_NOT_IN_HANDLING'],
        [STEPS.escalate, { caseId: reported, reason: 'x' }, 'CASE_NOT_IN_HANDLING'],
        [STEPS.unresolved, { caseId: reported, reason: 'x' }, 'CASE_NOT_IN_HANDLING'],
        [STEPS.refer, { caseId: reported, target: 'COURT', targetName: '吴兴区人民法院' }, 'CASE_NOT_IN_HANDLING'],
        [
          STEPS.scheduleFollowUp,
          { caseId: reported, dueAt: new Date(Date.now() + 86_400_000).toISOString() },
          'CASE_NOT_CONCLUDED',
        ],
        [STEPS.close, { caseId: reported }, 'CASE_NOT_CLOSABLE'],
        [STEPS.reopen, { caseId: reported, reason: 'x' }, 'CASE_NOT_REOPENABLE'],
      ];
      for (const [q, i, code] of onReported)
        expect([q.match(/\{ (\w+)\(/)![1], await codes(admin, q, i)]).toEqual([q.match(/\{ (\w+)\(/)![1], [code]]);
      expect(await status(reported)).toEqual(before);

      await step(h, clerk, STEPS.accept, { caseId: reported });
      expect(await codes(clerk, STEPS.accept, { caseId: reported })).toEqual(['CASE_NOT_AWAITING_ACCEPTANCE']);
      expect(await codes(clerk, STEPS.reject, { caseId: reported, reason: 'x' })).toEqual([
        'CASE_NOT_AWAITING_ACCEPTANCE',
      ]);

      const rejected = await fresh();
      await step(h, clerk, STEPS.reject, { caseId: rejected, reason: '不属于受理范围' });
      expect(await codes(clerk, STEPS.accept, { caseId: rejected })).toEqual(['CASE_CLOSED']);
      expect(await codes(admin, STEPS.note, { caseId: rejected, text: '补充说明' })).toEqual([]);

      const survivor = await fresh();
      const dup = await fresh();
      await step(h, dispatcher, STEPS.merge, { survivorId: survivor, duplicateIds: [dup] });
      expect(await codes(clerk, STEPS.accept, { caseId: dup })).toEqual(['CASE_MERGED']);
      expect(await codes(admin, STEPS.reopen, { caseId: dup, reason: 'x' })).toEqual(['CASE_MERGED']);
      expect(await codes(dispatcher, STEPS.merge, { survivorId: survivor, duplicateIds: [survivor] })).toEqual([
        'SAME_CASE',
      ]);
    });

    it('refuses a step to a role that may not take it, as FORBIDDEN', async () => {
      const c = (await mutate(h, clerk, REPORT_CASE, { title: '权限测试', channel: 'WALK_IN' })).case!;
      const auditor = await h.token({ tenants: [t.code], roles: ['auditor'] });
      for (const [token, q, i] of [
        [mediator, STEPS.accept, { caseId: c.id }],
        [auditor, STEPS.note, { caseId: c.id, text: 'x' }],
        [patrol, STEPS.close, { caseId: c.id }],
        [feed, STEPS.accept, { caseId: c.id }],
      ] as const) {
        const r = await h.gql(token, q, { i });
        expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect((await status(c.id)).status).toBe('REPORTED');
    });

    it('needs a reason to reject, return, reopen or escalate', async () => {
      const c = (await mutate(h, clerk, REPORT_CASE, { title: '缺少理由', channel: 'WALK_IN' })).case!;
      const p = await mutate(h, clerk, STEPS.reject, { caseId: c.id, reason: '   ' });
      expect(p.userErrors).toEqual([{ field: ['input', 'reason'], code: 'INVALID', message: expect.any(String) }]);
    });
  });

  it('reopens a broken agreement at follow-up, and opens a recurrence when the dispute comes back', async () => {
    const run = async (result: 'BROKEN' | 'RECURRED') => {
      const c = (
        await mutate(h, clerk, REPORT_CASE, {
          title: `租金纠纷 ${result}`,
          channel: 'WALK_IN',
          categoryId: center.category['lease-rent'],
        })
      ).case!;
      await step(h, clerk, STEPS.accept, { caseId: c.id });
      await step(h, dispatcher, STEPS.dispatch, { caseId: c.id, orgUnitId: center.stationId });
      await step(h, dispatcher, STEPS.assign, { caseId: c.id, staffIds: [center.staff['patrol']] });
      await step(h, patrol, STEPS.resolve, { caseId: c.id, resolution: '约定月底前付清', resolvedOnSite: true });
      const visit = (await file(c.id)).followUps[0]!;
      const after = await step(h, patrol, STEPS.completeFollowUp, { followUpId: visit.id, result });
      return { c, after };
    };
    const broken = await run('BROKEN');
    expect(broken.after).toMatchObject({ status: 'IN_PROGRESS', resolvedAt: null });
    const recurred = await run('RECURRED');
    expect(recurred.after.status).toBe('CLOSED');
    const next = await h.gql<{
      cases: { edges: { node: { number: string; status: string; recurrenceOf: { id: string } | null } }[] };
    }>(admin, '{ cases(first: 1) { edges { node { number status recurrenceOf { id } } } } }');
    expect(next.body.data!.cases.edges[0]!.node).toMatchObject({
      status: 'REPORTED',
      recurrenceOf: { id: recurred.c.id },
    });
  });
});
