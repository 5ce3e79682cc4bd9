import { Client } from 'pg';
import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, step, STEPS, type Center } from '../utils/cases';
import {
  atTenant,
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

const RESIDENT_TABLES = ['resident_reports', 'resident_mediation_requests', 'resident_ratings'];
type Errors = { code: string }[];

/** A resident of tenant A — with the very phone that reported in tenant B — and A's staff, aiming at B's rows. */
describe('resident isolation', () => {
  let h: Harness;
  let a: TenantRecord;
  let b: TenantRecord;
  let aCenter: Center;
  let bCenter: Center;
  let staffA: string;
  let residentA: string;
  let bNumber: string;
  let bRequest: string;
  let bMediator: string;
  const PHONE = '13655556666';

  beforeAll(async () => {
    h = await startHarness({ RESIDENT_CODES_PER_IP_PER_HOUR: '1000', RESIDENT_LOOKUPS_PER_SESSION: '100' });
    a = await h.createTenant('riso-a');
    b = await h.createTenant('riso-b');
    staffA = await h.token({
      tenants: [a.code],
      roles: ['tenant-admin', 'intake-clerk', 'dispatcher', 'mediator', 'liaison', 'grid-worker', 'leader', 'auditor'],
    });
    const staffB = await h.token({ tenants: [b.code], roles: ['tenant-admin', 'intake-clerk', 'dispatcher'] });
    aCenter = await buildCenter(h, staffA);
    bCenter = await buildCenter(h, staffB);
    const m = await h.gql<{ createStaffMember: { staffMember: { id: string } } }>(
      staffB,
      'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } } }',
      {
        i: {
          name: 'B 调解员',
          orgUnitId: bCenter.centerId,
          mediatorProfile: { specialtyIds: [bCenter.category['labor-wages']], maxConcurrentCases: 5 },
        },
      },
    );
    bMediator = m.body.data!.createStaffMember.staffMember.id;
    const residentB = await signIn(h, b.code, PHONE);
    const r = await h.gql<{ residentReportCase: { caseNumber: string; case: { id: string } } }>(residentB, REPORT, {
      i: {
        orgUnitId: bCenter.centerId,
        categoryId: bCenter.category['labor-wages'],
        whatHappened: 'B 的纠纷',
        contactName: 'B 居民',
      },
    });
    bNumber = r.body.data!.residentReportCase.caseNumber;
    const bCase = r.body.data!.residentReportCase.case.id;
    await step(h, staffB, STEPS.accept, { caseId: bCase });
    await step(h, staffB, STEPS.dispatch, { caseId: bCase, orgUnitId: bCenter.centerId });
    const offered = await h.gql<{ residentMediators: { nextFreeSlots: { startsAt: string }[] }[] }>(
      residentB,
      MEDIATORS,
      {
        n: bNumber,
      },
    );
    await h.gql(residentB, REQUEST_MEDIATION, {
      i: {
        caseNumber: bNumber,
        mediatorId: bMediator,
        startsAt: offered.body.data!.residentMediators[0]!.nextFreeSlots[0]!.startsAt,
        way: 'AT_CENTER',
      },
    });
    const pending = await h.gql<{ pendingResidentMediationRequests: { edges: { node: { id: string } }[] } }>(
      staffB,
      '{ pendingResidentMediationRequests(first: 5) { edges { node { id } } } }',
    );
    bRequest = pending.body.data!.pendingResidentMediationRequests.edges[0]!.node.id;
    residentA = await signIn(h, a.code, PHONE);
  });
  afterAll(() => h.close());

  it("shows a resident of A nothing of B's, even for the same phone", async () => {
    const unit = await h.gql<{ residentUnit: null }>(
      null,
      'query($u: ID!) { residentUnit(orgUnitId: $u) { name } }',
      { u: bCenter.centerId },
      atTenant(a.code),
    );
    expect(unit.body.data!.residentUnit).toBeNull();
    expect((await h.gql<{ residentCases: unknown[] }>(residentA, MY_CASES)).body.data!.residentCases).toEqual([]);
    expect(
      (await h.gql<{ residentCase: null }>(residentA, MY_CASE, { n: bNumber })).body.data!.residentCase,
    ).toBeNull();
    expect(
      (await h.gql<{ residentMediators: unknown[] }>(residentA, MEDIATORS, { n: bNumber })).body.data!
        .residentMediators,
    ).toEqual([]);
    const codes = async (q: string, i: Record<string, unknown>) =>
      Object.values(
        (await h.gql<Record<string, { userErrors: Errors }>>(residentA, q, { i })).body.data!,
      )[0]!.userErrors.map((e) => e.code);
    expect(await codes(REPORT, { orgUnitId: bCenter.centerId, whatHappened: '试探', contactName: 'A' })).toEqual([
      'ORG_UNIT_NOT_FOUND',
    ]);
    expect(
      await codes(REPORT, {
        orgUnitId: aCenter.centerId,
        categoryId: bCenter.category['labor-wages'],
        whatHappened: '试探',
        contactName: 'A',
      }),
    ).toEqual(['CATEGORY_NOT_FOUND']);
    expect(
      await codes(REQUEST_MEDIATION, {
        caseNumber: bNumber,
        mediatorId: bMediator,
        startsAt: new Date().toISOString(),
        way: 'ONLINE',
      }),
    ).toEqual(['CASE_NOT_FOUND']);
    expect(await codes(RESPOND, { requestId: bRequest, accept: true })).toEqual(['REQUEST_NOT_FOUND']);
    expect(await codes(RATE, { caseNumber: bNumber, rating: 1 })).toEqual(['CASE_NOT_FOUND']);
  });

  it("does not take B's sign-in code in A", async () => {
    const phone = '13655557777';
    await h.gql(null, REQUEST_CODE, { i: { phone } }, atTenant(b.code));
    const code = (await inbox(h, phone))[0]!.params['code']!;
    const v = await h.gql<{ residentVerify: { token: null; userErrors: Errors } }>(
      null,
      VERIFY,
      { i: { phone, code } },
      atTenant(a.code),
    );
    expect(v.body.data!.residentVerify).toMatchObject({ token: null, userErrors: [{ code: 'CODE_EXPIRED' }] });
  });

  it("gives A's staff none of B's booking requests", async () => {
    const pending = await h.gql<{ pendingResidentMediationRequests: { edges: unknown[] } }>(
      staffA,
      '{ pendingResidentMediationRequests(first: 5) { edges { node { id } } } }',
    );
    expect(pending.body.data!.pendingResidentMediationRequests.edges).toEqual([]);
    const confirm = await h.gql<{ confirmResidentMediationRequest: { userErrors: Errors } }>(
      staffA,
      'mutation($i: ConfirmResidentMediationRequestInput!) { confirmResidentMediationRequest(input: $i) { request { id } userErrors { code } } }',
      { i: { requestId: bRequest } },
    );
    expect(confirm.body.data!.confirmResidentMediationRequest).toEqual({
      request: null,
      userErrors: [{ code: 'REQUEST_NOT_FOUND' }],
    });
    const later = new Date(Date.now() + 86_400_000);
    const propose = await h.gql<{ proposeResidentMediationSlot: { userErrors: Errors } }>(
      staffA,
      'mutation($i: ProposeResidentMediationSlotInput!) { proposeResidentMediationSlot(input: $i) { request { id } userErrors { code } } }',
      {
        i: {
          requestId: bRequest,
          startsAt: later.toISOString(),
          endsAt: new Date(later.getTime() + 3_600_000).toISOString(),
        },
      },
    );
    expect(propose.body.data!.proposeResidentMediationSlot).toEqual({
      request: null,
      userErrors: [{ code: 'REQUEST_NOT_FOUND' }],
    });
  });

  it('keeps every resident table behind RLS for the app role', async () => {
    const db = new Client({ connectionString: process.env['ONEDOOR_TEST_DATABASE_URL'] });
    await db.connect();
    try {
      for (const t of RESIDENT_TABLES)
        expect([t, (await db.query(`select count(*)::int as n from ${t}`)).rows[0].n]).toEqual([t, 0]);
      await db.query('begin');
      await db.query("select set_config('app.tenant_id', $1, true)", [a.id]);
      expect(
        (await db.query('select count(*)::int as n from resident_mediation_requests where tenant_id = $1', [b.id]))
          .rows[0].n,
      ).toBe(0);
      expect(
        (await db.query("update resident_mediation_requests set status = 'CONFIRMED' where id = $1", [bRequest]))
          .rowCount,
      ).toBe(0);
      await db.query('rollback');
    } finally {
      await db.end();
    }
  });
});
