import { Client } from 'pg';
import { getSchema } from '../../src/core/graphql/schema';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import { startHarness, type Harness } from '../utils/harness';
import { CREATE_DEPARTMENT, CREATE_ORG_UNIT, UPSERT_CATEGORY } from '../utils/ops';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import { CASE_OPERATIONS, METRICS_OPERATIONS, NOTIFICATION_OPERATIONS, SLA_OPERATIONS } from '../utils/cases';
import { RESIDENT_OPERATIONS } from '../utils/resident';

/**
 * Tenant A's staff try every operation on tenant B's rows. When an operation is added to the
 * schema, the last test fails until it is added here.
 */
const COVERED = new Set([
  'me',
  'duplicateCandidates',
  'tenant',
  'tenants',
  'createTenant',
  'updateTenant',
  'suspendTenant',
  'orgUnits',
  'orgUnit',
  'createOrgUnit',
  'updateOrgUnit',
  'archiveOrgUnit',
  'departments',
  'department',
  'createDepartment',
  'updateDepartment',
  'categories',
  'category',
  'upsertCategory',
  'staff',
  'staffMember',
  'mediators',
  'createStaffMember',
  'updateStaffMember',
  'residencies',
  'onDuty',
  'stationDepartment',
  'updateResidency',
  'endResidency',
  'setRotationShifts',
  'auditEvents',
  // cases, routing, mediation, referrals and follow-ups: test/tenancy/case-isolation.test.ts
  ...CASE_OPERATIONS,
  // SLA policies, calendars, deadlines, supervision, queue dashboard: test/tenancy/sla-isolation.test.ts
  ...SLA_OPERATIONS,
  // sessions moved or called off: test/tenancy/case-isolation.test.ts (B's session is not found)
  'rescheduleMediation',
  'cancelMediation',
  // consultations at the window: test/tenancy/consultation-isolation.test.ts
  'consultations',
  'consultation',
  'recordConsultation',
  'turnConsultationIntoCase',
  // instalment payments: test/workers/instalments.test.ts ("lets another tenant neither pay nor see")
  'recordInstalmentPayment',
  'routingPreview',
  // figures, roll-up and warning board: test/integration/metrics.test.ts (aggregates only across tenants)
  ...METRICS_OPERATIONS,
  // notifications and webhooks: test/tenancy/notification-isolation.test.ts
  ...NOTIFICATION_OPERATIONS,
  // live board events over WebSocket: test/tenancy/subscription-isolation.test.ts
  'boardEvents',
  // labels from the message catalogue and the schema: no tenant data at all (test/integration/i18n.test.ts)
  'enumLabels',
  // a person's saved language, per tenant behind RLS: test/integration/locale-preference.test.ts
  'setMyLocale',
  // residents' own sessions and staff's answers to their bookings: test/tenancy/resident-isolation.test.ts
  ...RESIDENT_OPERATIONS,
  // platform-only, refused to tenant staff: test/integration/holidays.test.ts
  'platformHolidayYears',
  'holidayCoverage',
  'setPlatformHolidayYear',
]);

describe('tenant isolation', () => {
  let h: Harness;
  let a: TenantRecord;
  let b: TenantRecord;
  let tokenA: string;
  let bUnit: string;
  let bDept: string;
  let bCat: string;
  let bStaff: string;
  let bResidency: string;

  beforeAll(async () => {
    h = await startHarness();
    a = await h.createTenant('iso-a');
    b = await h.createTenant('iso-b');
    tokenA = await h.token({ tenants: [a.code], roles: ['tenant-admin', 'intake-clerk', 'leader', 'auditor'] });
    const tokenB = await h.token({ tenants: [b.code], roles: ['tenant-admin'] });
    const u = await h.gql<{ createOrgUnit: { orgUnit: { id: string } } }>(tokenB, CREATE_ORG_UNIT, {
      input: { kind: 'CENTER', name: 'B center' },
    });
    bUnit = u.body.data!.createOrgUnit.orgUnit.id;
    const d = await h.gql<{ createDepartment: { department: { id: string } } }>(tokenB, CREATE_DEPARTMENT, {
      input: { code: 'b-only', name: 'B only', kind: 'OTHER' },
    });
    bDept = d.body.data!.createDepartment.department.id;
    const c = await h.gql<{ upsertCategory: { category: { id: string } } }>(tokenB, UPSERT_CATEGORY, {
      i: { code: 'b-secret', name: 'B secret', defaultRiskLevel: 'LOW' },
    });
    bCat = c.body.data!.upsertCategory.category.id;
    const st = await h.gql<{ createStaffMember: { staffMember: { id: string } } }>(
      tokenB,
      'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } } }',
      {
        i: {
          name: 'B mediator',
          departmentId: bDept,
          orgUnitId: bUnit,
          mediatorProfile: { specialtyIds: [bCat], maxConcurrentCases: 5 },
        },
      },
    );
    bStaff = st.body.data!.createStaffMember.staffMember.id;
    const res = await h.gql<{ stationDepartment: { residency: { id: string } } }>(
      tokenB,
      'mutation($i: StationDepartmentInput!) { stationDepartment(input: $i) { residency { id } } }',
      { i: { departmentId: bDept, orgUnitId: bUnit, mode: 'ROTATING' } },
    );
    bResidency = res.body.data!.stationDepartment.residency.id;
    await h.gql(tokenA, CREATE_ORG_UNIT, { input: { kind: 'CENTER', name: 'A center' } });
  });
  afterAll(() => h.close());

  describe('through the API', () => {
    it('never returns B rows by id', async () => {
      const r = await h.gql<{ orgUnit: null; department: null }>(
        tokenA,
        'query($u: ID!, $d: ID!) { orgUnit(id: $u) { id } department(id: $d) { id } }',
        { u: bUnit, d: bDept },
      );
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data).toEqual({ orgUnit: null, department: null });
    });

    it('never shows, lists or changes B categories', async () => {
      const byId = await h.gql<{ category: null }>(tokenA, 'query($id: ID!) { category(id: $id) { id } }', {
        id: bCat,
      });
      expect(byId.body.data?.category).toBeNull();
      const list = await h.gql<{ categories: { edges: { node: { code: string } }[] } }>(
        tokenA,
        '{ categories(first: 100, filter: { includeArchived: true }) { edges { node { code } } } }',
      );
      expect(list.body.data!.categories.edges.map((e) => e.node.code)).not.toContain('b-secret');
      const upd = await h.gql<{ upsertCategory: { userErrors: { code: string }[] } }>(tokenA, UPSERT_CATEGORY, {
        i: { id: bCat, code: 'b-secret', name: 'x', defaultRiskLevel: 'MAJOR' },
      });
      expect(upd.body.data?.upsertCategory.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
      const child = await h.gql<{ upsertCategory: { userErrors: { code: string }[] } }>(tokenA, UPSERT_CATEGORY, {
        i: { code: 'a-under-b', name: 'x', defaultRiskLevel: 'LOW', parentId: bCat },
      });
      expect(child.body.data?.upsertCategory.userErrors.map((e) => e.code)).toEqual(['PARENT_NOT_FOUND']);
      // Same code in A creates A's own category; B's stays as it was.
      const own = await h.gql<{ upsertCategory: { category: { id: string } } }>(tokenA, UPSERT_CATEGORY, {
        i: { code: 'b-secret', name: 'A own', defaultRiskLevel: 'LOW' },
      });
      expect(own.body.data?.upsertCategory.category.id).not.toBe(bCat);
      const still = await withTenant(h.rt.orm, b.id, (em) =>
        em.execute<{ name: string }[]>('select name from categories where id = ?', [bCat]),
      );
      expect(still[0]?.name).toBe('B secret');
    });

    it('never shows, lists or changes B staff, residencies and rosters', async () => {
      const reads = await h.gql<{
        staffMember: null;
        onDuty: null;
        staff: { edges: unknown[] };
        mediators: { edges: unknown[] };
        residencies: { edges: unknown[] };
      }>(
        tokenA,
        `query($s: ID!, $u: ID!) { staffMember(id: $s) { id } onDuty(orgUnitId: $u) { at } staff(first: 100, filter: { includeInactive: true }) { edges { node { id } } }
          mediators(first: 100) { edges { node { id } } } residencies(first: 100, filter: { includeEnded: true }) { edges { node { id } } } }`,
        { s: bStaff, u: bUnit },
      );
      expect(reads.body.errors).toBeUndefined();
      expect(reads.body.data).toEqual({
        staffMember: null,
        onDuty: null,
        staff: { edges: [] },
        mediators: { edges: [] },
        residencies: { edges: [] },
      });
      const codes = async (q: string, i: Record<string, unknown>, key: string) =>
        (
          (await h.gql<Record<string, { userErrors: { code: string }[] }>>(tokenA, q, { i })).body.data?.[key]
            ?.userErrors ?? []
        ).map((e) => e.code);
      expect(
        await codes(
          'mutation($i: UpdateStaffMemberInput!) { updateStaffMember(input: $i) { userErrors { code } } }',
          { id: bStaff, active: false },
          'updateStaffMember',
        ),
      ).toEqual(['NOT_FOUND']);
      expect(
        await codes(
          'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { userErrors { code } } }',
          {
            name: 'x',
            departmentId: bDept,
            orgUnitId: bUnit,
            mediatorProfile: { specialtyIds: [bCat], maxConcurrentCases: 1 },
          },
          'createStaffMember',
        ),
      ).toEqual(['DEPARTMENT_NOT_FOUND', 'ORG_UNIT_NOT_FOUND', 'CATEGORY_NOT_FOUND']);
      expect(
        await codes(
          'mutation($i: StationDepartmentInput!) { stationDepartment(input: $i) { userErrors { code } } }',
          { departmentId: bDept, orgUnitId: bUnit, mode: 'RESIDENT' },
          'stationDepartment',
        ),
      ).toEqual(['DEPARTMENT_NOT_FOUND', 'ORG_UNIT_NOT_FOUND']);
      expect(
        await codes(
          'mutation($i: UpdateResidencyInput!) { updateResidency(input: $i) { userErrors { code } } }',
          { id: bResidency, mode: 'RESIDENT' },
          'updateResidency',
        ),
      ).toEqual(['NOT_FOUND']);
      expect(
        await codes(
          'mutation($i: EndResidencyInput!) { endResidency(input: $i) { userErrors { code } } }',
          { id: bResidency },
          'endResidency',
        ),
      ).toEqual(['NOT_FOUND']);
      const now = Date.now();
      expect(
        await codes(
          'mutation($i: SetRotationShiftsInput!) { setRotationShifts(input: $i) { userErrors { code } } }',
          {
            residencyId: bResidency,
            from: new Date(now).toISOString(),
            to: new Date(now + 86_400_000).toISOString(),
            shifts: [],
          },
          'setRotationShifts',
        ),
      ).toEqual(['NOT_FOUND']);
      const still = await withTenant(h.rt.orm, b.id, (em) =>
        em.execute<{ active: boolean; valid_to: null; mode: string }[]>(
          'select s.active, r.valid_to, r.mode from staff_members s, residencies r where s.id = ? and r.id = ?',
          [bStaff, bResidency],
        ),
      );
      expect(still[0]).toEqual({ active: true, valid_to: null, mode: 'ROTATING' });
    });

    it('never shows B audit events', async () => {
      const r = await h.gql<{ auditEvents: { edges: { node: { targetId: string } }[] } }>(
        tokenA,
        '{ auditEvents(first: 100) { edges { node { targetId } } } }',
      );
      const targets = r.body.data!.auditEvents.edges.map((e) => e.node.targetId);
      expect(targets.length).toBeGreaterThan(0);
      for (const id of [bUnit, bDept, bCat, bStaff, bResidency]) expect(targets).not.toContain(id);
      const byTarget = await h.gql<{ auditEvents: { edges: unknown[] } }>(
        tokenA,
        'query($t: ID) { auditEvents(first: 10, filter: { targetId: $t }) { edges { node { id } } } }',
        { t: bUnit },
      );
      expect(byTarget.body.data!.auditEvents.edges).toEqual([]);
    });

    it('never lists B rows', async () => {
      const r = await h.gql<{
        orgUnits: { edges: { node: { id: string; name: string } }[] };
        departments: { edges: { node: { id: string; code: string } }[] };
      }>(
        tokenA,
        '{ orgUnits(first: 100, filter: { includeArchived: true }) { edges { node { id name } } } departments(first: 100, filter: { includeArchived: true }) { edges { node { id code } } } }',
      );
      const units = r.body.data!.orgUnits.edges.map((e) => e.node);
      const depts = r.body.data!.departments.edges.map((e) => e.node);
      expect(units.map((u) => u.name)).toEqual(['A center']);
      expect(depts.map((d) => d.id)).not.toContain(bDept);
      expect(depts.map((d) => d.code)).not.toContain('b-only');
    });

    it('cannot change B rows, and says "not found" as it would for any unknown id', async () => {
      const upd = await h.gql<{ updateOrgUnit: { userErrors: { code: string }[] } }>(
        tokenA,
        'mutation($i: UpdateOrgUnitInput!) { updateOrgUnit(input: $i) { orgUnit { id } userErrors { code } } }',
        { i: { id: bUnit, name: 'hijacked' } },
      );
      expect(upd.body.data?.updateOrgUnit.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
      const arc = await h.gql<{ archiveOrgUnit: { userErrors: { code: string }[] } }>(
        tokenA,
        'mutation($i: ArchiveOrgUnitInput!) { archiveOrgUnit(input: $i) { orgUnit { id } userErrors { code } } }',
        { i: { id: bUnit } },
      );
      expect(arc.body.data?.archiveOrgUnit.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
      const dep = await h.gql<{ updateDepartment: { userErrors: { code: string }[] } }>(
        tokenA,
        'mutation($i: UpdateDepartmentInput!) { updateDepartment(input: $i) { department { id } userErrors { code } } }',
        { i: { id: bDept, name: 'hijacked', archived: true } },
      );
      expect(dep.body.data?.updateDepartment.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
      const child = await h.gql<{ createOrgUnit: { userErrors: { code: string }[] } }>(tokenA, CREATE_ORG_UNIT, {
        input: { kind: 'STATION', name: 'under B', parentId: bUnit },
      });
      expect(child.body.data?.createOrgUnit.userErrors.map((e) => e.code)).toEqual(['PARENT_NOT_FOUND']);
      const dupCode = await h.gql<{ createDepartment: { userErrors: unknown[] } }>(tokenA, CREATE_DEPARTMENT, {
        input: { code: 'b-only', name: 'A own', kind: 'OTHER' },
      });
      expect(dupCode.body.data?.createDepartment.userErrors).toEqual([]);

      const untouched = await withTenant(h.rt.orm, b.id, (em) =>
        em.execute<{ name: string; archived_at: null }[]>(
          'select (select name from org_units where id = ?) as unit, (select name from departments where id = ?) as dept, (select archived_at from departments where id = ?) as archived',
          [bUnit, bDept, bDept],
        ),
      );
      expect(untouched[0]).toEqual({ unit: 'B center', dept: 'B only', archived: null });
    });

    it('shows only its own tenant as current and in me', async () => {
      const r = await h.gql<{ tenant: { id: string }; me: { tenants: { code: string }[] } }>(
        tokenA,
        '{ tenant { id } me { tenants { code } } }',
      );
      expect(r.body.data?.tenant.id).toBe(a.id);
      expect(r.body.data?.me.tenants.map((t) => t.code)).toEqual([a.code]);
    });

    it('keeps platform operations from tenant staff', async () => {
      const ops: [string, Record<string, unknown>][] = [
        ['{ tenants(first: 5) { edges { node { code } } } }', {}],
        [
          'mutation($i: CreateTenantInput!) { createTenant(input: $i) { tenant { id } } }',
          { i: { code: 'evil-new', name: 'x', level: 'TOWN' } },
        ],
        [
          'mutation($i: UpdateTenantInput!) { updateTenant(input: $i) { tenant { id } } }',
          { i: { id: b.id, name: 'renamed' } },
        ],
        ['mutation($i: SuspendTenantInput!) { suspendTenant(input: $i) { tenant { id } } }', { i: { id: b.id } }],
      ];
      for (const [q, v] of ops) {
        const r = await h.gql(tokenA, q, v);
        expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const [still] = await h.rt.services.tenants.byIds([b.id]);
      expect(still).toMatchObject({ name: b.name, status: 'ACTIVE' });
    });
  });

  describe('in the database, as the app role', () => {
    let db: Client;
    beforeAll(async () => {
      db = new Client({ connectionString: process.env['ONEDOOR_TEST_DATABASE_URL'] });
      await db.connect();
    });
    afterAll(() => db.end());

    it('connects as a role that is not superuser, cannot bypass RLS and owns no table', async () => {
      const role = await db.query('select rolsuper, rolbypassrls from pg_roles where rolname = current_user');
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
      const owned = await db.query(
        "select count(*)::int as n from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = current_user and c.relkind in ('r', 'p')",
      );
      expect(owned.rows[0].n).toBe(0);
    });

    it('sees no tenant rows without app.tenant_id', async () => {
      for (const t of [
        'org_units',
        'departments',
        'categories',
        'staff_members',
        'mediator_specialties',
        'residencies',
        'rotation_shifts',
        'shift_assignments',
        'audit_events',
        'tenants',
      ]) {
        expect((await db.query(`select count(*)::int as n from ${t}`)).rows[0].n).toBe(0);
      }
    });

    it('refuses to insert a row for another tenant, and changes none of its rows', async () => {
      await db.query('begin');
      try {
        await db.query("select set_config('app.tenant_id', $1, true)", [a.id]);
        await expect(
          db.query(
            "insert into org_units (tenant_id, id, kind, name) values ($1, gen_random_uuid(), 'GRID', 'smuggled')",
            [b.id],
          ),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await db.query('rollback');
      }
      await db.query('begin');
      try {
        await db.query("select set_config('app.tenant_id', $1, true)", [a.id]);
        expect((await db.query("update org_units set name = 'x' where tenant_id = $1", [b.id])).rowCount).toBe(0);
        expect((await db.query('delete from departments where tenant_id = $1', [b.id])).rowCount).toBe(0);
        expect((await db.query('select count(*)::int as n from tenants')).rows[0].n).toBe(1);
      } finally {
        await db.query('rollback');
      }
    });

    it('cannot rewrite or delete the audit trail', async () => {
      await db.query('begin');
      try {
        await db.query("select set_config('app.tenant_id', $1, true)", [b.id]);
        expect((await db.query('select count(*)::int as n from audit_events')).rows[0].n).toBeGreaterThan(0);
        await expect(db.query("update audit_events set action = 'x'")).rejects.toThrow(/permission denied/);
      } finally {
        await db.query('rollback');
      }
      await expect(db.query('delete from audit_events')).rejects.toThrow(/permission denied/);
    });

    it('has RLS enabled, forced and a policy on every table with tenant_id', async () => {
      const r = await db.query(`
        select c.relname, c.relrowsecurity, c.relforcerowsecurity, (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`);
      // platform_audit_events records platform actions *about* a tenant; the app has no grant on it.
      const tenantTables = r.rows.filter((row) => row.relname !== 'platform_audit_events');
      expect(tenantTables.length).toBeGreaterThanOrEqual(3);
      for (const row of tenantTables) {
        expect({
          table: row.relname,
          secured: row.relrowsecurity && row.relforcerowsecurity && row.policies > 0,
        }).toEqual({ table: row.relname, secured: true });
      }
      await expect(db.query('select 1 from platform_audit_events')).rejects.toThrow(/permission denied/);
    });
  });

  it('covers every query, mutation and subscription in the schema', async () => {
    const schema = await getSchema();
    const ops = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
      ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}),
    ];
    expect(ops.filter((o) => !COVERED.has(o))).toEqual([]);
  });
});
