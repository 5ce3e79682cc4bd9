import { Client } from 'pg';
import { startHarness, type Harness } from '../utils/harness';
import { addStaff, mutate, notifyIn } from '../utils/cases';
import { withTenant, withTenantScope } from '../../src/core/tenancy/tenant-tx';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const TABLES = ['notifications', 'notification_settings', 'webhook_subscriptions', 'webhook_deliveries'];

/**
 * Notifications and webhooks across tenants. The sharpest case: one person works for both
 * centers under the same sign-in, so only the tenant, never the subject alone, decides the inbox.
 */
describe('notification isolation', () => {
  let h: Harness;
  let a: TenantRecord;
  let b: TenantRecord;
  let adminA: string;
  let personInA: string;
  const shared = `shared-person-${Date.now()}`;
  const bIds: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    a = await h.createTenant('niso-a');
    b = await h.createTenant('niso-b');
    adminA = await h.token({ tenants: [a.code], roles: ['tenant-admin', 'leader', 'mediator'], subject: shared });
    const adminB = await h.token({ tenants: [b.code], roles: ['tenant-admin'] });
    await addStaff(h, adminA, { name: 'A 的她', subject: shared, roles: ['leader'] });
    const personB = await addStaff(h, adminB, { name: 'B 的她', subject: shared, roles: ['leader'] });
    personInA = await h.token({ tenants: [a.code], roles: ['leader'], subject: shared });
    await mutate(
      h,
      adminB,
      'mutation($i: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $i) { userErrors { code } } }',
      { quietHoursEnabled: false, quietStart: '21:00', quietEnd: '06:00' },
    );
    await mutate(
      h,
      adminA,
      'mutation($i: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $i) { userErrors { code } } }',
      { quietHoursEnabled: false },
    );
    await notifyIn(h, b, {
      caseId: null,
      type: 'SLA_RED',
      level: 'RED',
      title: 'B-2026-000001 超期',
      recipients: { staffIds: [personB] },
      dedupeKey: 'b-1',
    });
    const [n] = await withTenant(h.rt.orm, b.id, (em) => em.execute<{ id: string }[]>('select id from notifications'));
    bIds['notification'] = n!.id;
    const sub = await mutate<{ webhookSubscription: { id: string } }>(
      h,
      adminB,
      'mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { webhookSubscription { id } } }',
      { url: 'http://127.0.0.1:9/b', eventTypes: ['*'] },
    );
    bIds['subscription'] = sub.webhookSubscription.id;
    await notifyIn(h, b, {
      caseId: null,
      type: 'SLA_RED',
      level: 'RED',
      title: 'B-2026-000002 超期',
      recipients: { staffIds: [personB] },
      dedupeKey: 'b-2',
    });
    const [d] = await withTenant(h.rt.orm, b.id, (em) =>
      em.execute<{ id: string }[]>('select id from webhook_deliveries'),
    );
    bIds['delivery'] = d!.id;
    await withTenant(h.rt.orm, b.id, (em) => em.execute(`update webhook_deliveries set status = 'DEAD'`));
  });
  afterAll(() => h.close());

  const snapshotB = () =>
    withTenant(h.rt.orm, b.id, async (em) => ({
      notifications: await em.execute('select id, read_at from notifications order by id'),
      settings: await em.execute('select quiet_hours_enabled, quiet_start, quiet_end from notification_settings'),
      subscriptions: await em.execute(
        'select id, url, secret, event_types, active, deleted_at from webhook_subscriptions',
      ),
      deliveries: await em.execute('select id, status, attempts from webhook_deliveries'),
    }));

  it("never shows B's notifications, settings, subscriptions or deliveries, even to the same person", async () => {
    const r = await h.gql(
      personInA,
      '{ notifications(first: 100) { totalCount edges { node { id } } } unreadNotificationCount }',
    );
    expect(r.body).toEqual({ data: { notifications: { totalCount: 0, edges: [] }, unreadNotificationCount: 0 } });
    const admin = await h.gql(
      adminA,
      `query($s: ID) { notificationSettings { quietHoursEnabled quietStart quietEnd }
      webhookSubscriptions(first: 100) { totalCount edges { node { id } } }
      webhookDeliveries(first: 100) { totalCount edges { node { id } } }
      filtered: webhookDeliveries(first: 100, filter: { subscriptionId: $s }) { totalCount edges { node { id } } } }`,
      { s: bIds['subscription'] },
    );
    expect(admin.body).toEqual({
      data: {
        notificationSettings: { quietHoursEnabled: false, quietStart: '22:00', quietEnd: '07:30' },
        webhookSubscriptions: { totalCount: 0, edges: [] },
        webhookDeliveries: { totalCount: 0, edges: [] },
        filtered: { totalCount: 0, edges: [] },
      },
    });
  });

  it('cannot mark, change, delete or redeliver B\'s rows, and says "not found"', async () => {
    const before = await snapshotB();
    const codes = async (q: string, i: Record<string, unknown>, token = adminA) =>
      (await mutate<{ userErrors: { code: string }[] }>(h, token, q, i)).userErrors.map((e) => e.code);
    expect(
      await codes(
        'mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { userErrors { code } } }',
        { ids: [bIds['notification']] },
        personInA,
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      (
        await mutate<{ markedCount: number }>(
          h,
          personInA,
          'mutation { markNotificationsRead(input: { all: true }) { markedCount } }',
          {},
        )
      ).markedCount,
    ).toBe(0);
    expect(
      await codes(
        'mutation($i: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $i) { secret userErrors { code } } }',
        { id: bIds['subscription'], url: 'http://127.0.0.1:9/stolen', rotateSecret: true },
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      await codes('mutation($i: WebhookIdInput!) { deleteWebhookSubscription(input: $i) { userErrors { code } } }', {
        id: bIds['subscription'],
      }),
    ).toEqual(['NOT_FOUND']);
    expect(
      await codes('mutation($i: WebhookIdInput!) { redeliverWebhookDelivery(input: $i) { userErrors { code } } }', {
        id: bIds['delivery'],
      }),
    ).toEqual(['NOT_FOUND']);
    await mutate(
      h,
      adminA,
      'mutation($i: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $i) { userErrors { code } } }',
      { quietStart: '23:00' },
    );
    // An event in A reaches A's subscribers only.
    await mutate(
      h,
      adminA,
      'mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { userErrors { code } } }',
      { url: 'http://127.0.0.1:9/a', eventTypes: ['*'] },
    );
    await withTenantScope(h.rt.orm, a, { subject: 's', requestId: 'r', ip: null }, (scope) =>
      h.rt.services.webhooks.emit(scope, { type: 'CASE_CLOSED', caseId: null }),
    );
    expect(await snapshotB()).toEqual(before);
  });

  it('keeps every notification table behind RLS for the app role, and the sweep function to ids', async () => {
    const db = new Client({ connectionString: process.env['ONEDOOR_TEST_DATABASE_URL'] });
    await db.connect();
    try {
      for (const t of TABLES)
        expect([t, (await db.query(`select count(*)::int as n from ${t}`)).rows[0].n]).toEqual([t, 0]);
      await db.query('begin');
      await db.query("select set_config('app.tenant_id', $1, true)", [a.id]);
      expect((await db.query('select count(*)::int as n from webhook_deliveries')).rows[0].n).toBeGreaterThan(0);
      expect(
        (await db.query('select count(*)::int as n from webhook_deliveries where tenant_id = $1', [b.id])).rows[0].n,
      ).toBe(0);
      expect((await db.query('update notifications set read_at = now() where tenant_id = $1', [b.id])).rowCount).toBe(
        0,
      );
      expect(
        (await db.query("update webhook_subscriptions set url = 'http://evil' where tenant_id = $1", [b.id])).rowCount,
      ).toBe(0);
      await expect(
        db.query(
          `insert into webhook_deliveries (tenant_id, id, subscription_id, event_id, event_type, payload)
        values ($1, gen_random_uuid(), $2, gen_random_uuid(), 'X', '{}')`,
          [b.id, bIds['subscription']],
        ),
      ).rejects.toThrow(/row-level security/);
      await db.query('rollback');
      // The cross-tenant sweep sees due rows of every tenant, but only their ids.
      const due = await db.query('select * from platform_due_webhook_deliveries(1000)');
      expect(due.fields.map((f) => f.name)).toEqual(['tenant_id', 'delivery_id']);
      expect(due.rows.some((r) => r.tenant_id === a.id)).toBe(true);
    } finally {
      await db.end();
    }
  });
});
