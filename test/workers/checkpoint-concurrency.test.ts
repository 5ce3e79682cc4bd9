import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, REPORT_CASE, STEPS, type Center } from '../utils/cases';
import { sleep } from '../utils/eventually';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const UPSERT_POLICY = 'mutation($i: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $i) { userErrors { code } } }';

/**
 * A checkpoint firing while staff take the step it watches: both touch the case and its
 * checkpoints, and must take them in one order. The worker used to claim the checkpoint first and
 * then wait for the case that acceptCase held while it settled the same checkpoints: PostgreSQL
 * broke the deadlock by failing one side (an internal error at the window, seen in the console).
 */
describe('checkpoints firing during a case step', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let clerk: string;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('cp-race');
    const admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    center = await buildCenter(h, admin);
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk', 'dispatcher'] });
    // Both warnings of acceptance fall due at once, as in a policy with a very short deadline.
    const r = await h.gql<{ upsertSlaPolicy: { userErrors: unknown[] } }>(admin, UPSERT_POLICY, {
      i: {
        name: '即时受理',
        categoryId: center.category['consumer'],
        targets: [{ step: 'ACCEPT', duration: 'PT1S', mode: 'CALENDAR' }],
        yellow: { share: 0.5 },
        red: { share: 1 },
        escalations: [],
      },
    });
    expect(r.body.data!.upsertSlaPolicy.userErrors).toEqual([]);
  });
  afterAll(() => h.close());

  it('accepts every case and fires each checkpoint at most once, whichever comes first', async () => {
    for (let round = 0; round < 8; round++) {
      const reported = await mutate(h, clerk, REPORT_CASE, {
        title: `消费纠纷 ${round}`,
        channel: 'WALK_IN',
        categoryId: center.category['consumer'],
        reportedOrgUnitId: center.stationId,
      });
      const caseId = reported.case!.id;
      const checkpoints = await withTenant(h.rt.orm, t.id, (em) =>
        em.execute<{ id: string }[]>(
          `select c.id from deadline_checkpoints c join deadlines d on d.tenant_id = c.tenant_id and d.id = c.deadline_id
           where d.case_id = ? and c.status = 'PENDING'`,
          [caseId],
        ),
      );
      expect(checkpoints.length).toBeGreaterThan(0);
      await sleep(1_100);
      // The step and every due checkpoint at the same moment, several times over.
      const [accepted, ...fired] = await Promise.all([
        mutate(h, clerk, STEPS.accept, { caseId }),
        ...checkpoints.map((cp) => h.rt.services.sla.checkpoints.fire(t.id, cp.id)),
        ...checkpoints.map((cp) => h.rt.services.sla.checkpoints.fire(t.id, cp.id)),
      ]);
      expect(accepted.userErrors).toEqual([]);
      expect(accepted.case).toMatchObject({ status: 'ACCEPTED' });
      // Each checkpoint fired at most once (the acceptance may have settled it first).
      expect(fired.filter((f) => f === 'fired').length).toBeLessThanOrEqual(checkpoints.length);
      const warnings = await withTenant(h.rt.orm, t.id, (em) =>
        em.execute<{ n: string }[]>(
          `select count(*) as n from case_events where case_id = ? and type = 'WARNING_RAISED'`,
          [caseId],
        ),
      );
      expect(Number(warnings[0]!.n)).toBe(fired.filter((f) => f === 'fired').length);
    }
  }, 90_000);
});
