import { getSchema } from '../../src/core/graphql/schema';
import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, REPORT_CASE, step, STEPS, type Center } from '../utils/cases';
import { eventually, sleep } from '../utils/eventually';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import {
  eventsOf,
  received,
  subscribeBoard,
  waitForSubscribers,
  type BoardEventView,
  type LiveSubscription,
} from '../utils/subscriptions';

type Board = LiveSubscription<{ boardEvents: BoardEventView }>;
const UPSERT_POLICY = 'mutation($i: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $i) { userErrors { code } } }';

/** Tenant A's board never shows tenant B's cases, however A subscribes. */
describe('subscription isolation', () => {
  let h: Harness;
  let a: TenantRecord;
  let b: TenantRecord;
  let aCenter: Center;
  let bCenter: Center;
  let aClerk: string;
  let bClerk: string;
  const open: Board[] = [];
  const board = (token: string, opts: Parameters<typeof subscribeBoard>[2] = {}): Board => {
    const s = subscribeBoard(h, token, opts);
    open.push(s);
    return s;
  };
  const report = async (token: string, center: Center, title: string, category = 'family') =>
    (
      await mutate(h, token, REPORT_CASE, {
        title,
        channel: 'WALK_IN',
        categoryId: center.category[category],
        reportedOrgUnitId: center.stationId,
      })
    ).case!;

  beforeAll(async () => {
    h = await startHarness();
    a = await h.createTenant('sub-a');
    b = await h.createTenant('sub-b');
    const aAdmin = await h.token({ tenants: [a.code], roles: ['tenant-admin'] });
    const bAdmin = await h.token({ tenants: [b.code], roles: ['tenant-admin'] });
    aCenter = await buildCenter(h, aAdmin);
    bCenter = await buildCenter(h, bAdmin);
    aClerk = await h.token({ tenants: [a.code], roles: ['intake-clerk', 'dispatcher', 'leader'] });
    bClerk = await h.token({ tenants: [b.code], roles: ['intake-clerk', 'dispatcher', 'leader'] });
    const r = await h.gql<{ upsertSlaPolicy: { userErrors: unknown[] } }>(bAdmin, UPSERT_POLICY, {
      i: {
        name: 'B 预警',
        categoryId: bCenter.category['consumer'],
        targets: [{ step: 'ACCEPT', duration: 'PT1S', mode: 'CALENDAR' }],
        yellow: { share: 0.5 },
        red: { share: 1 },
        escalations: [],
      },
    });
    expect(r.body.data!.upsertSlaPolicy.userErrors).toEqual([]);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.dispose()));
  });
  afterAll(() => h.close());

  it("A subscriber of tenant A never receives tenant B's events", async () => {
    // A's plain board, A's board filtered to B's unit, a two-tenant token choosing A, and B's own board (the control).
    const both = await h.token({ tenants: [a.code, b.code], groups: [`/${a.code}/leader`, `/${b.code}/leader`] });
    const subsA = [
      board(aClerk),
      board(aClerk, { filter: { orgUnitId: bCenter.stationId } }),
      board(both, { tenant: a.code }),
      board(both, { tenant: a.id }),
    ];
    const subB = board(bClerk);
    await waitForSubscribers(h, a.id, subsA.length, subsA);
    await waitForSubscribers(h, b.id, 1, [subB]);

    // Activity in B: steps through the API, and a warning raised outside any request.
    const bCase = await report(bClerk, bCenter, '乙方案件', 'consumer');
    await step(h, bClerk, STEPS.accept, { caseId: bCase.id });
    const bOther = await report(bClerk, bCenter, '乙方预警', 'consumer');
    const [cp] = await withTenant(h.rt.orm, b.id, (em) =>
      em.execute<{ id: string; due_at: Date }[]>(
        `select c.id, c.due_at from deadline_checkpoints c join deadlines d on d.tenant_id = c.tenant_id and d.id = c.deadline_id
       where d.case_id = ? and c.status = 'PENDING' order by c.due_at limit 1`,
        [bOther.id],
      ),
    );
    await sleep(Math.max(new Date(cp!.due_at).getTime() - Date.now() + 50, 0));
    expect(await h.rt.services.sla.checkpoints.fire(b.id, cp!.id)).toBe('fired');
    // B's subscriber got all of it: the events exist and went out on B's channel.
    const bGot = await received(subB, (d) => d.some((x) => x.boardEvents.type === 'WARNING_RAISED'));
    expect(new Set(bGot.map((x) => x.boardEvents.caseId))).toEqual(new Set([bCase.id, bOther.id]));
    expect(eventsOf(subB).map((e) => e.eventType)).toEqual(
      expect.arrayContaining(['REPORTED', 'ACCEPTED', 'WARNING_RAISED']),
    );

    // Then one A event: A's sockets are live and in order, so B's events would have come before it.
    const aCase = await report(aClerk, aCenter, '甲方案件');
    const live = [subsA[0]!, subsA[2]!, subsA[3]!];
    for (const s of live) await received(s, (d) => d.some((x) => x.boardEvents.caseId === aCase.id));
    await sleep(200);
    for (const s of live) {
      expect(s.errors).toEqual([]);
      expect(new Set(eventsOf(s).map((e) => e.caseId))).toEqual(new Set([aCase.id]));
    }
    // Filtering by B's unit gives A's subscriber nothing at all: the unit is not in A's tree and B's channel is not A's.
    expect(subsA[1]!.data).toEqual([]);
    expect(subsA[1]!.errors).toEqual([]);
    // (Case numbers are per tenant and may coincide across tenants; ids never do.)
    const bIds = new Set([bCase.id, bOther.id]);
    for (const s of subsA) for (const e of eventsOf(s)) expect(bIds.has(e.caseId)).toBe(false);
  });

  it('takes the tenant from the verified token only: the operation has no tenant argument, and several tenants need x-tenant-id', async () => {
    const field = (await getSchema()).getSubscriptionType()!.getFields()['boardEvents']!;
    expect(field.args.map((x) => x.name)).toEqual(['filter']);
    const filter = field.args[0]!.type.toString();
    const filterFields = Object.keys(
      ((await getSchema()).getType(filter) as unknown as { getFields(): Record<string, unknown> }).getFields(),
    );
    expect(filterFields.sort()).toEqual(['orgUnitId', 'warningLevels']);

    const both = await h.token({ tenants: [a.code, b.code], groups: [`/${a.code}/leader`, `/${b.code}/leader`] });
    const undecided = board(both);
    await undecided.ended;
    expect(undecided.errors.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['FORBIDDEN', expect.stringMatching(/x-tenant-id/)],
    ]);

    const notListed = board(aClerk, { tenant: b.id });
    await notListed.ended;
    expect(notListed.closed?.code).toBe(4403);
    expect(h.rt.services.board.subscribers(b.id)).toBe(0);
  });

  it('drops a message on a tenant channel that names another tenant', async () => {
    const s = board(aClerk);
    await waitForSubscribers(h, a.id);
    const forged = {
      tenantId: b.id,
      events: [
        {
          type: 'CASE_CHANGED',
          caseId: 'x',
          caseNumber: 'X-1',
          status: 'REPORTED',
          warningLevel: 'GREEN',
          orgUnitId: null,
          orgUnitPath: [],
          occurredAt: new Date().toISOString(),
          eventType: 'REPORTED',
        },
      ],
    };
    await h.rt.redis.publish(h.rt.services.board.channel(a.id), JSON.stringify(forged));
    await h.rt.redis.publish(h.rt.services.board.channel(a.id), 'not json');
    const aCase = await report(aClerk, aCenter, '甲方第二案');
    await received(s, (d) => d.some((x) => x.boardEvents.caseId === aCase.id));
    expect(eventsOf(s).map((e) => e.caseId)).toEqual([aCase.id]);
    expect(
      await eventually(
        async () => h.rt.services.board.subscribers(a.id),
        (n) => n === 1,
        1000,
      ),
    ).toBe(1);
  });
});
