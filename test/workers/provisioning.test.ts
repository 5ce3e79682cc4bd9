import { Client } from 'pg';
import { startHarness, uniqueCode, type Harness } from '../utils/harness';
import { startWorkers, type WorkerSet } from '../../workers/runtime';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import { QUEUES } from '../../src/core/queue/queues';
import { createLogger } from '../../src/core/observability/logger';
import { eventually } from '../utils/eventually';

const CREATE =
  'mutation($i: CreateTenantInput!) { createTenant(input: $i) { tenant { id code caseNumberPrefix parent { code } } userErrors { field code message } } }';

describe('tenant provisioning through the workers', () => {
  let h: Harness;
  let workers: WorkerSet | null = null;
  let admin: string;

  const departmentCount = (tenantId: string) =>
    withTenant(
      h.rt.orm,
      tenantId,
      async (em) => (await em.execute<{ n: number }[]>('select count(*)::int as n from departments'))[0]!.n,
    );

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.token({ roles: ['platform-admin'] });
  });
  afterEach(async () => {
    await workers?.close();
    workers = null;
  });
  afterAll(() => h.close());

  it('creates a tenant, audits it, and the worker gives it its starter departments', async () => {
    const parent = await h.createTenant('prov-parent', { level: 'COUNTY' });
    workers = startWorkers(h.rt.services, h.rt.redis, h.rt.config.REDIS_PREFIX, createLogger('silent'));
    const code = uniqueCode('prov');
    const r = await h.gql<{
      createTenant: { tenant: { id: string; caseNumberPrefix: string; parent: { code: string } } };
    }>(admin, CREATE, { i: { code, name: '新镇', level: 'TOWN', parentId: parent.id } });
    const t = r.body.data!.createTenant.tenant;
    expect(t.parent.code).toBe(parent.code);
    expect(t.caseNumberPrefix).toBe('PR');
    expect(
      await eventually(
        () => departmentCount(t.id),
        (n) => n === 18,
      ),
    ).toBe(18);
    // The platform trail is readable by the owner only; the app wrote it through the function.
    const owner = new Client({ connectionString: process.env['ONEDOOR_TEST_OWNER_URL'] });
    await owner.connect();
    try {
      const audit = await owner.query('select action, actor_subject from platform_audit_events where tenant_id = $1', [
        t.id,
      ]);
      expect(audit.rows).toEqual([{ action: 'tenant.create', actor_subject: expect.stringMatching(/^user-/) }]);
    } finally {
      await owner.end();
    }
  });

  it('rebuilds lost provisioning from the database after Redis loses its jobs', async () => {
    const code = uniqueCode('lost');
    const r = await h.gql<{ createTenant: { tenant: { id: string } } }>(admin, CREATE, {
      i: { code, name: '丢失', level: 'TOWN' },
    });
    const id = r.body.data!.createTenant.tenant.id;
    // Redis loses the job before any worker ran it.
    await h.rt.queues.queue(QUEUES.provisioning).obliterate({ force: true });
    expect(await departmentCount(id)).toBe(0);
    workers = startWorkers(h.rt.services, h.rt.redis, h.rt.config.REDIS_PREFIX, createLogger('silent'));
    expect(await h.rt.services.provisioning.sweep()).toBeGreaterThanOrEqual(1);
    expect(
      await eventually(
        () => departmentCount(id),
        (n) => n === 18,
      ),
    ).toBe(18);
    // Seeding twice changes nothing.
    await h.rt.services.provisioning.seedDefaults(id);
    expect(await departmentCount(id)).toBe(18);
  });

  it('validates tenant input as userErrors with the field path', async () => {
    const r = await h.gql<{ createTenant: { tenant: null; userErrors: { field: string[]; code: string }[] } }>(
      admin,
      CREATE,
      {
        i: { code: 'Bad Code', name: ' ', level: 'TOWN', timeZone: 'Mars/Olympus', caseNumberPrefix: 'zl1' },
      },
    );
    expect(r.body.data?.createTenant.tenant).toBeNull();
    expect(r.body.data?.createTenant.userErrors.map((e) => e.field.join('.')).sort()).toEqual([
      'input.caseNumberPrefix',
      'input.code',
      'input.name',
      'input.timeZone',
    ]);
  });

  it('refuses a parent chain that loops back', async () => {
    const top = await h.createTenant('loop-top', { level: 'COUNTY' });
    const child = await h.createTenant('loop-child', { parentId: top.id });
    const r = await h.gql<{ updateTenant: { userErrors: { code: string }[] } }>(
      admin,
      'mutation($i: UpdateTenantInput!) { updateTenant(input: $i) { tenant { id } userErrors { code } } }',
      { i: { id: top.id, parentId: child.id } },
    );
    expect(r.body.data?.updateTenant.userErrors.map((e) => e.code)).toEqual(['PARENT_CYCLE']);
  });
});
