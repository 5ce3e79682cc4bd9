import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, RECORD_OUTCOME, step, STEPS, type Center } from '../utils/cases';
import {
  atTenant,
  errorCode,
  inbox,
  MEDIATORS,
  MY_CASE,
  MY_CASES,
  RATE,
  REPORT,
  REQUEST_CODE,
  REQUEST_MEDIATION,
  RESPOND,
  signIn,
  VERIFY,
} from '../utils/resident';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import { withTenant } from '../../src/core/tenancy/tenant-tx';

interface RCase {
  id: string;
  number: string;
  status: string;
  statusText: string;
  nextStep: string | null;
  departmentName: string | null;
  canRequestMediation: boolean;
  canRate: boolean;
  rating: number | null;
  sessions: { mediatorNames: string[]; method: string; status: string }[];
  instalments: { dueOn: string; amount: string }[];
  mediationRequests: { id: string; status: string; statusText: string; mediatorName: string }[];
}
type Errors = { field: string[] | null; code: string; message: string }[];

const STAFF_CASE = /* GraphQL */ `query($id: ID!) { case(id: $id) { number channel status residentPhoneVerified residentRating
  orgUnit { id } reportedOrgUnit { id } parties { role name phone masked }
  mediationSessions { chosenBy status mediators { name } } followUps { id } } }`;
const PENDING = /* GraphQL */ `query($c: ID) { pendingResidentMediationRequests(caseId: $c, first: 20) { totalCount edges { node { id caseId status way mediatorName startsAt } } } }`;
const CONFIRM = /* GraphQL */ `mutation($i: ConfirmResidentMediationRequestInput!) { confirmResidentMediationRequest(input: $i) {
  request { id status } userErrors { field code message } } }`;
const PROPOSE = /* GraphQL */ `mutation($i: ProposeResidentMediationSlotInput!) { proposeResidentMediationSlot(input: $i) {
  request { id status proposedStartsAt } userErrors { field code message } } }`;
const SATISFACTION = /* GraphQL */ `query($r: DateRangeInput!) { caseMetrics(range: $r) { reported satisfaction { average count fromVisits fromResidents } } }`;

describe('residents reach the center from their phones (issue 19)', () => {
  let h: Harness;
  let t: TenantRecord;
  let other: TenantRecord;
  let center: Center;
  let admin: string;
  let clerk: string;
  let dispatcher: string;
  let mediator: string;
  let leader: string;
  let wangId: string;
  const PHONE = '13812345678';

  const residentGql = <T>(token: string, q: string, v?: Record<string, unknown>) => h.gql<T>(token, q, v);
  const mine = async (token: string, number: string) =>
    (await residentGql<{ residentCase: RCase | null }>(token, MY_CASE, { n: number })).body.data!.residentCase;

  beforeAll(async () => {
    h = await startHarness({
      RESIDENT_CODES_PER_PHONE_PER_HOUR: '3',
      RESIDENT_CODES_PER_IP_PER_HOUR: '1000',
      RESIDENT_LOOKUPS_PER_SESSION: '12',
    });
    t = await h.createTenant('rz');
    other = await h.createTenant('ro');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'], subject: 'clerk-r' });
    dispatcher = await h.token({ tenants: [t.code], roles: ['dispatcher'], subject: 'dispatcher-r' });
    mediator = await h.token({ tenants: [t.code], roles: ['mediator'], subject: 'wang-r' });
    leader = await h.token({ tenants: [t.code], roles: ['leader'], subject: 'leader-r' });
    center = await buildCenter(h, admin);
    const made = await h.gql<{ createStaffMember: { staffMember: { id: string } } }>(
      admin,
      'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } userErrors { message } } }',
      {
        i: {
          name: '王调解',
          keycloakSubject: 'wang-r',
          orgUnitId: center.centerId,
          mediatorProfile: {
            specialtyIds: [center.category['labor-wages']],
            maxConcurrentCases: 5,
            goldMedal: true,
            studioName: '老王调解工作室',
            languages: ['普通话', '湖州话'],
          },
        },
      },
    );
    wangId = made.body.data!.createStaffMember.staffMember.id;
  });
  afterAll(() => h.close());

  it('takes a report by QR code, follows it through booking and closing, and counts the rating', async () => {
    // The QR code's page: the unit, before any sign-in.
    const unit = await h.gql<{ residentUnit: { name: string; categories: { id: string; name: string }[] } }>(
      null,
      'query($u: ID!) { residentUnit(orgUnitId: $u) { name tenantName categories { id name } } }',
      { u: center.centerId },
      atTenant(t.code),
    );
    expect(unit.body.data!.residentUnit.name).toBe('织里镇社会治理中心');
    expect(unit.body.data!.residentUnit.categories.length).toBeGreaterThan(0);

    // Code → verify; the code works once.
    const sent = await h.gql<{ residentRequestCode: { sentTo: string } }>(
      null,
      REQUEST_CODE,
      { i: { phone: PHONE } },
      atTenant(t.code),
    );
    expect(sent.body.data!.residentRequestCode.sentTo).toBe('138****5678');
    const code = (await inbox(h, PHONE))[0]!.params['code']!;
    expect(code).toMatch(/^\d{6}$/);
    const verified = await h.gql<{ residentVerify: { token: string } }>(
      null,
      VERIFY,
      { i: { phone: PHONE, code } },
      atTenant(t.code),
    );
    const resident = verified.body.data!.residentVerify.token;
    expect(resident).toBeTruthy();
    const reused = await h.gql<{ residentVerify: { token: null; userErrors: Errors } }>(
      null,
      VERIFY,
      { i: { phone: PHONE, code } },
      atTenant(t.code),
    );
    expect(reused.body.data!.residentVerify).toMatchObject({ token: null, userErrors: [{ code: 'CODE_EXPIRED' }] });

    // Report: the receipt carries the case number.
    const reported = await residentGql<{ residentReportCase: { caseNumber: string; case: RCase; userErrors: Errors } }>(
      resident,
      REPORT,
      {
        i: {
          orgUnitId: center.centerId,
          categoryId: center.category['labor-wages'],
          whatHappened: '在服装厂打工三个月，老板拖欠工资八千元不给。',
          location: '织里镇大河路',
          happenedAt: '2026-11-20T02:00:00Z',
          otherPartyName: '某服装厂',
          contactName: '张某',
        },
      },
    );
    const receipt = reported.body.data!.residentReportCase;
    expect(receipt.userErrors).toEqual([]);
    expect(receipt.caseNumber).toMatch(new RegExp(`^${t.caseNumberPrefix}-\\d{4}-\\d{6}$`));
    expect(receipt.case).toMatchObject({ status: 'REPORTED', statusText: '已提交，待受理', nextStep: '等待中心受理' });

    // Staff see it at the unit's intake: channel QR_CODE, the phone verified, the phone masked as for any case.
    const staffView = async (token = dispatcher) =>
      (await h.gql<{ case: Record<string, unknown> }>(token, STAFF_CASE, { id: receipt.case.id })).body.data!.case;
    expect(await staffView()).toMatchObject({
      channel: 'QR_CODE',
      status: 'REPORTED',
      residentPhoneVerified: true,
      reportedOrgUnit: { id: center.centerId },
      parties: expect.arrayContaining([
        expect.objectContaining({ role: 'APPLICANT', name: '张某', phone: '138****5678', masked: true }),
      ]),
    });
    const listed = await h.gql<{ cases: { edges: { node: { number: string } }[] } }>(
      clerk,
      'query($u: ID!) { cases(first: 20, filter: { orgUnitId: $u, channels: [QR_CODE] }) { edges { node { number } } } }',
      { u: center.centerId },
    );
    expect(listed.body.data!.cases.edges.map((e) => e.node.number)).toContain(receipt.caseNumber);
    // The timeline names the resident as the resident: never the pseudonymous subject, never the phone.
    const timeline = await h.gql<{
      case: { timeline: { edges: { node: { type: string; actorName: string | null; summary: string } }[] } };
    }>(
      dispatcher,
      'query($id: ID!) { case(id: $id) { timeline(first: 5) { edges { node { type actorName summary } } } } }',
      {
        id: receipt.case.id,
      },
    );
    const reportedEvent = timeline.body.data!.case.timeline.edges.find((e) => e.node.type === 'REPORTED')!.node;
    expect(reportedEvent.actorName).toBe('群众本人');
    expect(reportedEvent.summary).toMatch(/^群众本人/);
    expect(JSON.stringify(timeline.body.data)).not.toMatch(/resident:|13812345678/);

    // Accepted and dispatched: the resident sees it in plain words, with the department.
    await step(h, clerk, STEPS.accept, { caseId: receipt.case.id });
    await step(h, dispatcher, STEPS.dispatch, {
      caseId: receipt.case.id,
      orgUnitId: center.centerId,
      departmentId: center.dept['lawyers'],
    });
    let seen = (await mine(resident, receipt.caseNumber))!;
    expect(seen).toMatchObject({ statusText: '已分派承办', canRequestMediation: true });
    expect(seen.departmentName).toBeTruthy();

    // Booking: the mediators offered for the category, with their free slots; the resident chooses.
    const offered = await residentGql<{
      residentMediators: {
        id: string;
        name: string;
        goldMedal: boolean;
        studioName: string;
        languages: string[];
        specialties: string[];
        ways: string[];
        nextFreeSlots: { startsAt: string }[];
      }[];
    }>(resident, MEDIATORS, { n: receipt.caseNumber });
    const wang = offered.body.data!.residentMediators.find((m) => m.id === wangId)!;
    expect(wang).toMatchObject({
      name: '王调解',
      goldMedal: true,
      studioName: '老王调解工作室',
      languages: ['普通话', '湖州话'],
      ways: ['AT_CENTER', 'ONLINE', 'AT_VILLAGE'],
    });
    expect(wang.specialties.length).toBe(1);
    expect(wang.nextFreeSlots.length).toBeGreaterThan(1);
    const asked = await residentGql<{ residentRequestMediation: { case: RCase; userErrors: Errors } }>(
      resident,
      REQUEST_MEDIATION,
      {
        i: {
          caseNumber: receipt.caseNumber,
          mediatorId: wangId,
          startsAt: wang.nextFreeSlots[0]!.startsAt,
          way: 'AT_CENTER',
        },
      },
    );
    expect(asked.body.data!.residentRequestMediation.userErrors).toEqual([]);
    seen = asked.body.data!.residentRequestMediation.case;
    expect(seen.canRequestMediation).toBe(false);
    expect(seen.mediationRequests).toEqual([
      expect.objectContaining({ status: 'REQUESTED', statusText: '待中心确认', mediatorName: '王调解' }),
    ]);

    // The chosen mediator learns of it in their inbox.
    const inboxOfWang = await h.gql<{ notifications: { edges: { node: { type: string; title: string } }[] } }>(
      mediator,
      '{ notifications(first: 20) { edges { node { type title } } } }',
    );
    expect(inboxOfWang.body.data!.notifications.edges.map((e) => e.node)).toContainEqual({
      type: 'RESIDENT_BOOKING_REQUESTED',
      title: `${receipt.caseNumber} 群众预约调解，待确认`,
    });

    // Staff propose another hour; the resident declines it and asks again; staff confirm.
    type Pending = {
      pendingResidentMediationRequests: { totalCount: number; edges: { node: { id: string; way: string } }[] };
    };
    const pending = await h.gql<Pending>(dispatcher, PENDING, {
      c: receipt.case.id,
    });
    expect(pending.body.data!.pendingResidentMediationRequests.totalCount).toBe(1);
    const req = pending.body.data!.pendingResidentMediationRequests.edges[0]!.node;
    expect(req).toMatchObject({ way: 'AT_CENTER' });
    const later = new Date(new Date(wang.nextFreeSlots[1]!.startsAt).getTime());
    const proposed = await mutate<{ request: { status: string }; userErrors: Errors }>(h, dispatcher, PROPOSE, {
      requestId: req.id,
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + 3_600_000).toISOString(),
      message: '王调解上午有其他安排',
    });
    expect(proposed).toMatchObject({ request: { status: 'PROPOSED' }, userErrors: [] });
    expect((await inbox(h, PHONE)).some((m) => m.template === 'BOOKING_UPDATE')).toBe(true);
    const declined = await residentGql<{ residentRespondToProposal: { case: RCase; userErrors: Errors } }>(
      resident,
      RESPOND,
      { i: { requestId: req.id, accept: false } },
    );
    expect(declined.body.data!.residentRespondToProposal.case.canRequestMediation).toBe(true);
    const again = await residentGql<{ residentRequestMediation: { userErrors: Errors } }>(resident, REQUEST_MEDIATION, {
      i: {
        caseNumber: receipt.caseNumber,
        mediatorId: wangId,
        startsAt: wang.nextFreeSlots[2]!.startsAt,
        way: 'ONLINE',
      },
    });
    expect(again.body.data!.residentRequestMediation.userErrors).toEqual([]);
    const [req2] = (
      await h.gql<Pending>(dispatcher, PENDING, { c: receipt.case.id })
    ).body.data!.pendingResidentMediationRequests.edges.map((e) => e.node);
    const confirmed = await mutate<{ request: { status: string }; userErrors: Errors }>(h, dispatcher, CONFIRM, {
      requestId: req2!.id,
    });
    expect(confirmed).toMatchObject({ request: { status: 'CONFIRMED' }, userErrors: [] });
    const staffSide = await staffView();
    expect(staffSide['mediationSessions']).toEqual([
      { chosenBy: 'PARTIES', status: 'SCHEDULED', mediators: [{ name: '王调解' }] },
    ]);
    seen = (await mine(resident, receipt.caseNumber))!;
    expect(seen.sessions).toEqual([
      expect.objectContaining({ method: 'ONLINE', status: 'SCHEDULED', mediatorNames: ['王调解'] }),
    ]);
    expect(seen).toMatchObject({ statusText: '调解中', nextStep: '按预约时间参加调解' });

    // Agreement with instalments, resolved: the resident sees the instalments; no rating before the visit.
    const sessionId = (
      await h.gql<{ case: { mediationSessions: { id: string }[] } }>(
        dispatcher,
        'query($id: ID!) { case(id: $id) { mediationSessions { id } } }',
        { id: receipt.case.id },
      )
    ).body.data!.case.mediationSessions[0]!.id;
    // The booked slot lies ahead; the session takes place: its outcome is recorded once it started,
    // and here a day later (with the reason that takes).
    await withTenant(h.rt.orm, t.id, (em) =>
      em.execute(
        `update mediation_sessions set starts_at = now() - interval '26 hours', ends_at = now() - interval '25 hours'
          where id = ?`,
        [sessionId],
      ),
    );
    const outcome = await mutate<{ userErrors: Errors }>(h, mediator, RECORD_OUTCOME, {
      sessionId,
      lateReason: '调解当日线上进行，次日补录',
      outcome: 'AGREED',
      agreement: {
        terms: '服装厂分两期支付工资八千元',
        amount: '8000.00',
        instalments: [
          { dueOn: '2026-12-15', amount: '4000.00' },
          { dueOn: '2027-01-15', amount: '4000.00' },
        ],
      },
    });
    expect(outcome.userErrors).toEqual([]);
    await step(h, mediator, STEPS.resolve, { caseId: receipt.case.id, resolution: '调解成功', resolvedOnSite: false });
    seen = (await mine(resident, receipt.caseNumber))!;
    expect(seen).toMatchObject({ statusText: '回访中', canRate: false });
    expect(seen.instalments).toEqual([
      { dueOn: '2026-12-15', amount: '4000.00' },
      { dueOn: '2027-01-15', amount: '4000.00' },
    ]);
    const early = await residentGql<{ residentRate: { userErrors: Errors } }>(resident, RATE, {
      i: { caseNumber: receipt.caseNumber, rating: 5 },
    });
    expect(early.body.data!.residentRate.userErrors[0]!.code).toBe('NOT_YET_RATEABLE');

    // The visit (satisfaction 3), closing, then the resident's own rating (5).
    const visit = ((await staffView())['followUps'] as { id: string }[])[0]!;
    await step(h, mediator, STEPS.completeFollowUp, { followUpId: visit.id, result: 'KEPT', satisfaction: 3 });
    await step(h, leader, STEPS.close, { caseId: receipt.case.id });
    const rated = await residentGql<{ residentRate: { case: RCase; userErrors: Errors } }>(resident, RATE, {
      i: { caseNumber: receipt.caseNumber, rating: 5, comment: '调解员很耐心' },
    });
    expect(rated.body.data!.residentRate).toMatchObject({
      case: { statusText: '已办结', rating: 5, canRate: false },
      userErrors: [],
    });
    const twice = await residentGql<{ residentRate: { userErrors: Errors } }>(resident, RATE, {
      i: { caseNumber: receipt.caseNumber, rating: 1 },
    });
    expect(twice.body.data!.residentRate.userErrors[0]!.code).toBe('ALREADY_RATED');
    expect((await staffView())['residentRating']).toBe(5);

    // The rating counts in the satisfaction figure alongside the visit's: (3 + 5) / 2.
    const range = {
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const metrics = await h.gql<{ caseMetrics: { satisfaction: Record<string, unknown> } }>(leader, SATISFACTION, {
      r: range,
    });
    expect(metrics.body.data!.caseMetrics.satisfaction).toEqual({
      average: 4,
      count: 2,
      fromVisits: 1,
      fromResidents: 1,
    });

    // Every resident action is in the audit trail, under a pseudonym rather than the phone.
    const audit = await h.gql<{ auditEvents: { edges: { node: { action: string; actorSubject: string } }[] } }>(
      admin,
      '{ auditEvents(first: 100) { edges { node { action actorSubject success } } } }',
    );
    const actions = audit.body.data!.auditEvents.edges.map((e) => e.node);
    for (const a of [
      'resident.code-requested',
      'resident.sign-in',
      'resident.case-reported',
      'resident.mediation-requested',
      'resident.case-rated',
    ])
      expect(actions.map((x) => x.action)).toContain(a);
    expect(JSON.stringify(audit.body)).not.toContain(PHONE);
  });

  it('keeps a resident to their own cases in their own tenant, and out of staff operations', async () => {
    const a = await signIn(h, t.code, '13900000001');
    const b = await signIn(h, t.code, '13900000002');
    const reported = await residentGql<{ residentReportCase: { caseNumber: string } }>(a, REPORT, {
      i: { orgUnitId: center.centerId, whatHappened: '邻居装修噪音扰民', contactName: '李某' },
    });
    const number = reported.body.data!.residentReportCase.caseNumber;
    expect(number).toBeTruthy();

    // Another phone: nothing listed, nothing by number.
    expect((await residentGql<{ residentCases: unknown[] }>(b, MY_CASES)).body.data!.residentCases).toEqual([]);
    expect(await mine(b, number)).toBeNull();
    expect(await mine(a, number)).toMatchObject({ number });

    // The same phone in another tenant: a session of that tenant sees nothing of this one.
    const elsewhere = await signIn(h, other.code, '13900000001');
    expect(await mine(elsewhere, number)).toBeNull();
    expect((await residentGql<{ residentCases: unknown[] }>(elsewhere, MY_CASES)).body.data!.residentCases).toEqual([]);
    const hop = await h.gql(elsewhere, MY_CASES, undefined, { 'x-tenant-id': t.code });
    expect(errorCode(hop)).toBe('FORBIDDEN');

    // Staff queries and mutations are refused to a resident token, alone or mixed with resident fields.
    for (const q of [
      '{ me { username } }',
      '{ cases(first: 5) { edges { node { id } } } }',
      `query($n: String!) { caseByNumber(number: $n) { id } }`,
      '{ residentCases { id } cases(first: 1) { edges { node { id } } } }',
      'query { ...F } fragment F on Query { orgUnits(first: 1) { edges { node { id } } } }',
      'mutation { acceptCase(input: { caseId: "0190e7b4-0000-7000-8000-000000000000" }) { userErrors { code } } }',
    ]) {
      const r = await h.gql(a, q, { n: number });
      expect({ q, code: errorCode(r), data: r.body.data ?? null }).toMatchObject({ q, code: 'FORBIDDEN', data: null });
    }
    // Nor do resident tokens open the staff downloads.
    const qr = await fetch(`${h.url}/qr/${t.code}/${center.centerId}.svg`, {
      headers: { authorization: `Bearer ${a}` },
    });
    expect(qr.status).toBe(401);

    // Staff tokens cannot call resident operations; a caller without a token gets only the resident door.
    for (const q of [MY_CASES, 'mutation { residentRequestCode(input: { phone: "13900000009" }) { sentTo } }']) {
      expect(errorCode(await h.gql(admin, q))).toBe('FORBIDDEN');
    }
    const anonymous = await h.gql(null, '{ cases(first: 1) { edges { node { id } } } }', undefined, atTenant(t.code));
    expect({ status: anonymous.status, code: errorCode(anonymous) }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(errorCode(await h.gql(null, MY_CASES, undefined, atTenant(t.code)))).toBe('UNAUTHENTICATED');

    // A token signed with another key, or a staff token presented as a resident's, is refused.
    const parts = a.split('.');
    const forged = `${parts[0]}.${parts[1]}.${Buffer.from('x'.repeat(32)).toString('base64url')}`;
    expect(errorCode(await h.gql(forged, MY_CASES))).toBe('UNAUTHENTICATED');
  });

  it('limits reports per phone and the size of what is written', async () => {
    const reporter = await signIn(h, t.code, '13900000006');
    const report = (whatHappened: string) =>
      h.gql<{ residentReportCase: { caseNumber: string | null; userErrors: Errors } }>(reporter, REPORT, {
        i: { orgUnitId: center.centerId, whatHappened, contactName: '赵某' },
      });
    const tooLong = await report('长'.repeat(2001));
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    const blank = await report('   ');
    expect(blank.body.data!.residentReportCase.userErrors[0]).toMatchObject({
      field: ['input', 'whatHappened'],
      code: 'INVALID',
    });
    // Five a day per phone (the blank one above was refused before it counted).
    for (let i = 1; i <= 5; i++)
      expect((await report(`第${i}次反映`)).body.data!.residentReportCase.caseNumber).toBeTruthy();
    const sixth = await report('第6次反映');
    expect(errorCode(sixth)).toBe('RATE_LIMITED');
    expect(sixth.body.errors![0]!.message).toMatch(/^提交次数过多，请\d+(分钟|小时)后再试，或拨打中心热线。$/);
  });

  it('answers a loop over case numbers with nothing, then with a rate limit', async () => {
    const guesser = await signIn(h, t.code, '13900000003');
    const year = new Date().getFullYear();
    const answers: unknown[] = [];
    let limited: string | undefined;
    for (let i = 1; i <= 20 && !limited; i++) {
      const r = await h.gql<{ residentCase: unknown }>(guesser, MY_CASE, {
        n: `${t.caseNumberPrefix}-${year}-${String(i).padStart(6, '0')}`,
      });
      if (errorCode(r) === 'RATE_LIMITED') limited = r.body.errors![0]!.message;
      else answers.push(r.body.data!.residentCase);
    }
    expect(answers.length).toBe(12);
    expect(answers.every((x) => x === null)).toBe(true);
    expect(limited).toMatch(/^查询过于频繁，请\d+分钟后再试。$/);
  });

  it('refuses the code request past the window with a clear Chinese message', async () => {
    const phone = '13900000004';
    const ask = () =>
      h.gql<{ residentRequestCode: { sentTo: string | null } }>(null, REQUEST_CODE, { i: { phone } }, atTenant(t.code));
    for (let i = 0; i < 3; i++) expect((await ask()).body.data!.residentRequestCode.sentTo).toBe('139****0004');
    const fourth = await ask();
    expect(fourth.status).toBe(429);
    expect(errorCode(fourth)).toBe('RATE_LIMITED');
    expect(fourth.body.errors![0]!.message).toMatch(/^获取验证码过于频繁，请\d+(分钟|小时)后再试。$/);
    expect((await inbox(h, phone)).length).toBe(3);
  });

  it('locks a number after five wrong codes, and audits each refusal', async () => {
    const phone = '13900000005';
    await h.gql(null, REQUEST_CODE, { i: { phone } }, atTenant(t.code));
    const code = (await inbox(h, phone))[0]!.params['code']!;
    const wrong = code === '000000' ? '111111' : '000000';
    const tryCode = async (c: string) =>
      (
        await h.gql<{ residentVerify: { token: string | null; userErrors: Errors } }>(
          null,
          VERIFY,
          { i: { phone, code: c } },
          atTenant(t.code),
        )
      ).body.data!.residentVerify;
    for (let left = 4; left >= 1; left--)
      expect((await tryCode(wrong)).userErrors[0]).toMatchObject({
        code: 'CODE_INVALID',
        message: `验证码不正确，还可尝试${left}次。`,
      });
    expect((await tryCode(wrong)).userErrors[0]).toMatchObject({ code: 'PHONE_LOCKED' });
    // Locked: the right code is refused too, and no new code is sent.
    expect(await tryCode(code)).toMatchObject({ token: null, userErrors: [{ code: 'PHONE_LOCKED' }] });
    const resend = await h.gql<{ residentRequestCode: { userErrors: Errors } }>(
      null,
      REQUEST_CODE,
      { i: { phone } },
      atTenant(t.code),
    );
    expect(resend.body.data!.residentRequestCode.userErrors[0]).toMatchObject({
      code: 'PHONE_LOCKED',
      message: expect.stringMatching(/^验证码错误次数过多，该号码已锁定，请\d+分钟后再试。$/),
    });
    const audit = await h.gql<{ auditEvents: { edges: { node: { success: boolean; after: { reason: string } } }[] } }>(
      admin,
      '{ auditEvents(first: 100, filter: { action: "resident.sign-in" }) { edges { node { success after } } } }',
    );
    const refusals = audit.body.data!.auditEvents.edges.map((e) => e.node).filter((n) => !n.success);
    expect(refusals.map((n) => n.after.reason)).toEqual(expect.arrayContaining(['WRONG', 'LOCKED']));
    expect(refusals.length).toBeGreaterThanOrEqual(6);
  });

  it('serves each unit its printable QR code, SVG and PNG, to staff of that tenant', async () => {
    const url = await h.gql<{ orgUnit: { residentUrl: string } }>(
      admin,
      'query($id: ID!) { orgUnit(id: $id) { residentUrl } }',
      { id: center.centerId },
    );
    expect(url.body.data!.orgUnit.residentUrl).toMatch(new RegExp(`/r/${t.code}/${center.centerId}$`));
    const get = (path: string, token = admin) =>
      fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const svg = await get(`/qr/${t.code}/${center.centerId}.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const text = await svg.text();
    expect(text).toContain('织里镇社会治理中心');
    const png = await get(`/qr/${t.code}/${center.centerId}.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    // Another tenant's staff: not theirs.
    const stranger = await h.token({ tenants: [other.code], roles: ['tenant-admin'] });
    expect((await get(`/qr/${t.code}/${center.centerId}.svg`, stranger)).status).toBe(403);
    expect((await get(`/qr/${other.code}/${center.centerId}.svg`, stranger)).status).toBe(404);
  });
});
