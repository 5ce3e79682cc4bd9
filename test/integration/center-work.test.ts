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
});
