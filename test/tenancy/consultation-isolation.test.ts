import { startHarness, type Harness } from '../utils/harness';
import { mutate, type UserErrorView } from '../utils/cases';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import { RECORD_CONSULTATION, TURN_INTO_CASE } from '../utils/consultations';

/** Consultations across tenants: every query and mutation, and the table's own wall (RLS). */
describe('consultation isolation', () => {
  let h: Harness;
  let a: TenantRecord;
  let b: TenantRecord;
  let tokenA: string;
  let bId: string;

  beforeAll(async () => {
    h = await startHarness();
    a = await h.createTenant('cons-iso-a');
    b = await h.createTenant('cons-iso-b');
    tokenA = await h.token({ tenants: [a.code], roles: ['tenant-admin', 'leader', 'intake-clerk', 'auditor'] });
    const tokenB = await h.token({ tenants: [b.code], roles: ['intake-clerk'] });
    const k = await mutate<{ consultation: { id: string } }>(h, tokenB, RECORD_CONSULTATION, {
      topic: 'PSYCHOLOGICAL',
      outcome: 'ANSWERED',
      minutes: 30,
      visitorName: '乙镇来访人',
    });
    bId = k.consultation.id;
  });
  afterAll(() => h.close());

  const snapshotB = () =>
    withTenant(h.rt.orm, b.id, (em) =>
      em.execute('select id, outcome, case_id, minutes from consultations order by id'),
    );

  it('shows A nothing of B’s consultations and lets A change nothing of them', async () => {
    const before = await snapshotB();
    const reads = await h.gql<{
      consultation: unknown;
      consultations: { totalCount: number };
      caseMetrics: { consultations: { total: number } };
    }>(
      tokenA,
      `query($id: ID!, $r: DateRangeInput!) { consultation(id: $id) { id } consultations(first: 100) { totalCount }
        caseMetrics(range: $r) { consultations { total } } }`,
      {
        id: bId,
        r: { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() },
      },
    );
    expect(reads.body.data).toEqual({
      consultation: null,
      consultations: { totalCount: 0 },
      caseMetrics: { consultations: { total: 0 } },
    });
    const turn = await mutate<{ case: unknown; userErrors: UserErrorView[] }>(h, tokenA, TURN_INTO_CASE, {
      consultationId: bId,
      title: '越界转案',
    });
    expect(turn.case).toBeNull();
    expect(turn.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect(await snapshotB()).toEqual(before);
  });

  it('does not let A record a consultation at B’s department or unit', async () => {
    const [dept] = await withTenant(h.rt.orm, b.id, (em) =>
      em.execute<{ id: string }[]>('select id from departments order by id limit 1'),
    );
    expect(dept).toBeDefined();
    const before = await snapshotB();
    const r = await mutate<{ consultation: unknown; userErrors: UserErrorView[] }>(h, tokenA, RECORD_CONSULTATION, {
      topic: 'LEGAL',
      outcome: 'ANSWERED',
      minutes: 10,
      departmentId: dept!.id,
    });
    expect(r.consultation).toBeNull();
    expect(r.userErrors.map((e) => e.field?.join('.'))).toEqual(['input.departmentId']);
    expect(await snapshotB()).toEqual(before);
    const mine = await withTenant(h.rt.orm, a.id, (em) =>
      em.execute<{ n: number }[]>('select count(*)::int as n from consultations'),
    );
    expect(mine[0]!.n).toBe(0);
  });

  it('refuses A’s rows in B’s table at the database itself, whatever the ORM does', async () => {
    const seen = await withTenant(h.rt.orm, a.id, (em) =>
      em.execute('select count(*)::int as n from consultations where id = ?', [bId]),
    );
    expect(seen).toEqual([{ n: 0 }]);
    const updated = await withTenant(h.rt.orm, a.id, (em) =>
      em.execute("update consultations set outcome = 'REFERRED' where id = ?", [bId], 'run'),
    );
    expect((updated as { affectedRows?: number }).affectedRows ?? 0).toBe(0);
    await expect(
      withTenant(h.rt.orm, a.id, (em) =>
        em.execute(
          "insert into consultations (tenant_id, id, topic, outcome, minutes, recorded_by, occurred_at) values (?, gen_random_uuid(), 'LEGAL', 'ANSWERED', 5, 'x', now())",
          [b.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    expect((await snapshotB()).length).toBe(1);
  });
});
