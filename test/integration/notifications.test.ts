import { startHarness, type Harness } from '../utils/harness';
import { addStaff, buildCenter, mutate, notifyIn, REPORT_CASE, type Center } from '../utils/cases';
import { withTenant, withTenantScope } from '../../src/core/tenancy/tenant-tx';
import { localParts } from '../../src/core/calendar/zoned-time';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import type { NotifyInput } from '../../src/modules/notification/notification.service';

const INBOX = /* GraphQL */ `query($first: Int, $after: String, $unread: Boolean) {
  notifications(first: $first, after: $after, filter: { unreadOnly: $unread }) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id type level title data urgent deliveredAt readAt case { id number } } } }
  unreadNotificationCount }`;
const MARK = /* GraphQL */ `mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { markedCount unreadCount userErrors { field code message } } }`;
const SETTINGS = /* GraphQL */ `mutation($i: UpdateNotificationSettingsInput!) {
  updateNotificationSettings(input: $i) { notificationSettings { quietHoursEnabled quietStart quietEnd timeZone } userErrors { field code message } } }`;
const CREATE_HOOK = /* GraphQL */ `mutation($i: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $i) { webhookSubscription { id url eventTypes active } secret userErrors { field code message } } }`;
const UPDATE_HOOK = /* GraphQL */ `mutation($i: UpdateWebhookSubscriptionInput!) {
  updateWebhookSubscription(input: $i) { webhookSubscription { id url eventTypes active } secret userErrors { field code message } } }`;
const DELETE_HOOK = /* GraphQL */ `mutation($i: WebhookIdInput!) { deleteWebhookSubscription(input: $i) { webhookSubscription { id } userErrors { code } } }`;
const DELIVERIES = /* GraphQL */ `query($status: WebhookDeliveryStatus) { webhookDeliveries(first: 50, filter: { status: $status }) {
  totalCount edges { node { id eventType status attempts lastError payload subscription { id url deletedAt } } } } }`;

interface InboxView {
  notifications: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        type: string;
        title: string;
        urgent: boolean;
        deliveredAt: string;
        readAt: string | null;
        case: { number: string } | null;
      };
    }[];
  };
  unreadNotificationCount: number;
}

describe('notifications', () => {
  let h: Harness;
  let t: TenantRecord;
  let admin: string;
  let center: Center;
  const staff: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let seq = 0;

  const input = (over: Partial<NotifyInput> = {}): NotifyInput => ({
    caseId: null,
    type: 'SLA_YELLOW',
    level: 'YELLOW',
    title: `ZL-2026-${String(++seq).padStart(6, '0')} 受理时限已过半`,
    data: {},
    recipients: { staffIds: [staff['li']!] },
    dedupeKey: `test-${seq}`,
    ...over,
  });
  const inbox = async (who: string, vars: Record<string, unknown> = {}) => {
    const r = await h.gql<InboxView>(tokens[who]!, INBOX, vars);
    if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
    return r.body.data!;
  };
  const rows = (sql: string, params: unknown[] = []) =>
    withTenant(h.rt.orm, t.id, (em) => em.execute<Record<string, unknown>[]>(sql, params));

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('notify');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    center = await buildCenter(h, admin);
    const people: [string, string[], string | null][] = [
      ['li', ['mediator'], center.centerId],
      ['wang', ['leader'], center.centerId],
      ['zhao', ['leader'], center.stationId],
      ['sun', ['leader'], center.gridId],
      ['zhou', ['leader'], null],
      ['qian', ['mediator'], center.gridId],
    ];
    for (const [key, roles, unit] of people) {
      staff[key] = await addStaff(h, admin, { name: key, subject: `sub-${key}-${t.code}`, roles, orgUnitId: unit });
      tokens[key] = await h.token({ tenants: [t.code], roles, subject: `sub-${key}-${t.code}` });
    }
    // A leader at a sibling unit, and one who left: neither hears of the grid's cases.
    const other = await h.gql<{ createOrgUnit: { orgUnit: { id: string } } }>(
      admin,
      'mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { orgUnit { id } } }',
      { i: { kind: 'STATION', name: '织南分站', parentId: center.centerId } },
    );
    staff['wu'] = await addStaff(h, admin, {
      name: 'wu',
      roles: ['leader'],
      orgUnitId: other.body.data!.createOrgUnit.orgUnit.id,
    });
    staff['gone'] = await addStaff(h, admin, { name: 'gone', roles: ['leader'], orgUnitId: center.centerId });
    await h.gql(
      admin,
      'mutation($i: UpdateStaffMemberInput!) { updateStaffMember(input: $i) { userErrors { code } } }',
      { i: { id: staff['gone'], active: false } },
    );
    // The suite must not depend on the hour it runs at: quiet hours are switched on only where tested.
    await mutate(h, admin, SETTINGS, { quietHoursEnabled: false });
  });
  afterAll(() => h.close());

  describe('in the inbox', () => {
    it('shows a notification to its recipient only', async () => {
      const n = input({ title: 'ZL-2026-000101 受理时限已过半' });
      expect(await notifyIn(h, t, n)).toEqual({ created: 1 });
      const li = await inbox('li');
      expect(li.notifications.edges.map((e) => e.node.title)).toContain('ZL-2026-000101 受理时限已过半');
      expect(li.unreadNotificationCount).toBeGreaterThanOrEqual(1);
      for (const other of ['wang', 'zhao', 'qian']) {
        expect((await inbox(other)).notifications.edges.map((e) => e.node.title)).not.toContain(
          'ZL-2026-000101 受理时限已过半',
        );
      }
    });

    it('never doubles a notification for the same dedupe key', async () => {
      const n = input({ recipients: { staffIds: [staff['wang']!, staff['zhao']!] } });
      expect(await notifyIn(h, t, n)).toEqual({ created: 2 });
      expect(await notifyIn(h, t, { ...n, title: 'ZL-2026-000999 again' })).toEqual({ created: 0 });
      // A new recipient for the same key still gets one.
      expect(await notifyIn(h, t, { ...n, recipients: { staffIds: [staff['wang']!, staff['sun']!] } })).toEqual({
        created: 1,
      });
      const [row] = await rows('select count(*)::int as n from notifications where dedupe_key = ?', [n.dedupeKey]);
      expect(row!['n']).toBe(3);
    });

    it('reaches role holders at the unit and the units above it, and tenant-wide staff, but not other units or staff who left', async () => {
      const n = input({
        type: 'SLA_ESCALATION',
        level: 'RED',
        recipients: { roles: ['leader'], orgUnitId: center.gridId },
      });
      expect(await notifyIn(h, t, n)).toEqual({ created: 4 });
      const got = await rows('select recipient_staff_id as id from notifications where dedupe_key = ?', [n.dedupeKey]);
      expect(got.map((r) => r['id']).sort()).toEqual(
        [staff['sun'], staff['zhao'], staff['wang'], staff['zhou']].sort(),
      );
      // Without a unit: every active leader; explicit ids are added to role holders.
      const all = input({ recipients: { roles: ['leader'], staffIds: [staff['qian']!] } });
      expect(await notifyIn(h, t, all)).toEqual({ created: 6 });
    });

    it('shows nothing before deliver_at, and the notification once it has passed', async () => {
      const n = input({ title: 'ZL-2026-000202 稍后送达', at: new Date(Date.now() + 3_600_000) });
      await notifyIn(h, t, n);
      const before = await inbox('li');
      expect(before.notifications.edges.map((e) => e.node.title)).not.toContain('ZL-2026-000202 稍后送达');
      await rows(`update notifications set deliver_at = ? where dedupe_key = ?`, [
        new Date(Date.now() - 1000),
        n.dedupeKey,
      ]);
      const after = await inbox('li');
      expect(after.notifications.edges.map((e) => e.node.title)).toContain('ZL-2026-000202 稍后送达');
      expect(after.unreadNotificationCount).toBe(before.unreadNotificationCount + 1);
    });

    it('pages newest first with a keyset cursor and counts the total', async () => {
      const fresh = await addStaff(h, admin, { name: 'pager', subject: `sub-pager-${t.code}`, roles: ['mediator'] });
      tokens['pager'] = await h.token({ tenants: [t.code], roles: ['mediator'], subject: `sub-pager-${t.code}` });
      for (let i = 0; i < 5; i++)
        await notifyIn(h, t, input({ title: `ZL-2026-00030${i} 第${i}条`, recipients: { staffIds: [fresh] } }));
      const p1 = await inbox('pager', { first: 2 });
      expect(p1.notifications.totalCount).toBe(5);
      expect(p1.notifications.edges.map((e) => e.node.title)).toEqual(['ZL-2026-000304 第4条', 'ZL-2026-000303 第3条']);
      const p2 = await inbox('pager', { first: 2, after: p1.notifications.pageInfo.endCursor });
      const p3 = await inbox('pager', { first: 2, after: p2.notifications.pageInfo.endCursor });
      expect(p2.notifications.edges.map((e) => e.node.title)).toEqual(['ZL-2026-000302 第2条', 'ZL-2026-000301 第1条']);
      expect(p3.notifications.edges.map((e) => e.node.title)).toEqual(['ZL-2026-000300 第0条']);
      expect(p3.notifications.pageInfo.hasNextPage).toBe(false);
    });

    it('resolves the case of a notification as an object', async () => {
      const clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'] });
      const c = (
        await mutate(h, clerk, REPORT_CASE, {
          title: '欠薪',
          channel: 'WALK_IN',
          parties: [{ role: 'APPLICANT', kind: 'PERSON', name: '张三', phone: '13911112222' }],
        })
      ).case!;
      await notifyIn(h, t, input({ caseId: c.id, title: `${c.number} 受理时限已过半`, data: { caseId: c.id } }));
      const li = await inbox('li', { first: 1 });
      expect(li.notifications.edges[0]!.node.case).toEqual({ id: c.id, number: c.number });
    });
  });

  describe('read marks', () => {
    it('marks chosen notifications, then all, and filters unread ones', async () => {
      const a = input({ recipients: { staffIds: [staff['qian']!] } });
      const b = input({ recipients: { staffIds: [staff['qian']!] } });
      await notifyIn(h, t, a);
      await notifyIn(h, t, b);
      const start = await inbox('qian', { unread: true, first: 100 });
      const first = start.notifications.edges[0]!.node.id;
      const r = await mutate<{ markedCount: number; unreadCount: number; userErrors: unknown[] }>(
        h,
        tokens['qian']!,
        MARK,
        { ids: [first] },
      );
      expect(r).toEqual({ markedCount: 1, unreadCount: start.unreadNotificationCount - 1, userErrors: [] });
      // Marking again changes nothing.
      expect((await mutate<{ markedCount: number }>(h, tokens['qian']!, MARK, { ids: [first] })).markedCount).toBe(0);
      const unread = await inbox('qian', { unread: true, first: 100 });
      expect(unread.notifications.edges.map((e) => e.node.id)).not.toContain(first);
      expect(unread.notifications.totalCount).toBe(start.notifications.totalCount - 1);
      const all = await mutate<{ markedCount: number; unreadCount: number }>(h, tokens['qian']!, MARK, { all: true });
      expect(all).toMatchObject({ markedCount: start.unreadNotificationCount - 1, unreadCount: 0 });
      const read = await inbox('qian', { first: 100 });
      expect(read.notifications.edges.every((e) => e.node.readAt)).toBe(true);
    });

    it("refuses someone else's notification, an undelivered one, or a vague request, and changes nothing", async () => {
      const mine = input({ recipients: { staffIds: [staff['sun']!] } });
      await notifyIn(h, t, mine);
      const theirs = (await inbox('sun', { first: 1 })).notifications.edges[0]!.node.id;
      const later = input({ recipients: { staffIds: [staff['li']!] } });
      await notifyIn(h, t, later);
      await rows('update notifications set deliver_at = ? where dedupe_key = ?', [
        new Date(Date.now() + 3_600_000),
        later.dedupeKey,
      ]);
      const [hidden] = await rows('select id from notifications where dedupe_key = ?', [later.dedupeKey]);
      const liOwn = (await inbox('li', { first: 1, unread: true })).notifications.edges[0]!.node.id;

      const r = await mutate<{ userErrors: { field: string[]; code: string }[] }>(h, tokens['li']!, MARK, {
        ids: [liOwn, theirs, hidden!['id'], 'not-a-uuid'],
      });
      expect(r.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
        ['input.ids.1', 'NOT_FOUND'],
        ['input.ids.2', 'NOT_FOUND'],
        ['input.ids.3', 'NOT_FOUND'],
      ]);
      const still = await rows('select id from notifications where id in (?, ?, ?) and read_at is not null', [
        liOwn,
        theirs,
        hidden!['id'],
      ]);
      expect(still).toEqual([]);
      for (const i of [{}, { ids: [], all: false }, { ids: [liOwn], all: true }]) {
        expect(
          (await mutate<{ userErrors: { code: string }[] }>(h, tokens['li']!, MARK, i)).userErrors.map((e) => e.code),
        ).toEqual(['INVALID']);
      }
    });

    it('has an empty inbox for someone who is not on the staff list, and none for machine feeds', async () => {
      const stranger = await h.token({ tenants: [t.code], roles: ['mediator'], subject: 'nobody-here' });
      const r = await h.gql<InboxView>(stranger, INBOX, {});
      expect(r.body.data).toEqual({
        notifications: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
        unreadNotificationCount: 0,
      });
      expect((await mutate<{ markedCount: number }>(h, stranger, MARK, { all: true })).markedCount).toBe(0);
      const feed = await h.token({ tenants: [t.code], roles: ['intake-system'] });
      expect((await h.gql(feed, INBOX, {})).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('quiet hours', () => {
    /** Quiet hours from an hour ago to an hour from now, in the tenant's zone. */
    const quietAroundNow = async () => {
      const hhmm = (ms: number) => localParts(new Date(ms), t.timeZone).time;
      const r = await mutate<{ notificationSettings: { quietStart: string; timeZone: string }; userErrors: unknown[] }>(
        h,
        admin,
        SETTINGS,
        { quietHoursEnabled: true, quietStart: hhmm(Date.now() - 3_600_000), quietEnd: hhmm(Date.now() + 3_600_000) },
      );
      expect(r.userErrors).toEqual([]);
      expect(r.notificationSettings.timeZone).toBe('Asia/Shanghai');
    };
    afterAll(() => mutate(h, admin, SETTINGS, { quietHoursEnabled: false }));

    it('defers a non-urgent notification to the end of quiet hours', async () => {
      await quietAroundNow();
      const n = input({ title: 'ZL-2026-000401 夜间提醒' });
      const at = Date.now();
      await notifyIn(h, t, n);
      const [row] = await rows('select deliver_at from notifications where dedupe_key = ?', [n.dedupeKey]);
      // The end of quiet hours is the wall-clock minute an hour from now.
      const expected = Math.floor((at + 3_600_000) / 60_000) * 60_000;
      expect(Math.abs(new Date(row!['deliver_at'] as string).getTime() - expected)).toBeLessThanOrEqual(60_000);
      expect((await inbox('li', { first: 100 })).notifications.edges.map((e) => e.node.title)).not.toContain(
        'ZL-2026-000401 夜间提醒',
      );
    });

    it('judges a late notification by when it arrives, not by when it was due', async () => {
      await quietAroundNow();
      // Due three hours ago, outside quiet hours, but raised now (a job delayed by an outage): deferred.
      const n = input({ title: 'ZL-2026-000403 迟到的提醒', at: new Date(Date.now() - 3 * 3_600_000) });
      await notifyIn(h, t, n);
      const [row] = await rows('select deliver_at from notifications where dedupe_key = ?', [n.dedupeKey]);
      expect(new Date(row!['deliver_at'] as string).getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    });

    it('lets an urgent notification through at once', async () => {
      await quietAroundNow();
      await notifyIn(h, t, input({ title: 'ZL-2026-000402 高风险超期', level: 'RED', urgent: true }));
      const node = (await inbox('li', { first: 100 })).notifications.edges.find(
        (e) => e.node.title === 'ZL-2026-000402 高风险超期',
      )?.node;
      expect(node).toMatchObject({ urgent: true });
      expect(Math.abs(new Date(node!.deliveredAt).getTime() - Date.now())).toBeLessThan(30_000);
    });

    it('reads and validates the settings, for tenant admins only', async () => {
      const r = await h.gql<{ notificationSettings: { quietStart: string } }>(
        admin,
        '{ notificationSettings { quietHoursEnabled quietStart quietEnd timeZone } }',
      );
      expect(r.body.data?.notificationSettings.quietStart).toMatch(/^\d\d:\d\d$/);
      const bad = await mutate<{ userErrors: { field: string[]; code: string }[] }>(h, admin, SETTINGS, {
        quietStart: '25:00',
        quietEnd: '7:30',
      });
      expect(bad.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
        ['input.quietStart', 'INVALID'],
        ['input.quietEnd', 'INVALID'],
      ]);
      for (const q of [
        '{ notificationSettings { quietStart } }',
        'mutation { updateNotificationSettings(input: { quietHoursEnabled: true }) { userErrors { code } } }',
      ]) {
        expect((await h.gql(tokens['wang']!, q)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });
  });

  describe('outbound webhooks, as the tenant admin sees them', () => {
    it('returns the secret once, never lists or audits it, and validates urls and event types', async () => {
      const c = await mutate<{
        webhookSubscription: { id: string; eventTypes: string[] };
        secret: string;
        userErrors: unknown[];
      }>(h, admin, CREATE_HOOK, { url: 'http://127.0.0.1:9/hook#frag', eventTypes: ['SLA_RED', 'SLA_*', 'SLA_RED'] });
      expect(c.userErrors).toEqual([]);
      expect(c.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      expect(c.webhookSubscription.eventTypes).toEqual(['SLA_RED', 'SLA_*']);
      const list = await h.gql(
        admin,
        '{ webhookSubscriptions(first: 10) { totalCount edges { node { id url active } } } }',
      );
      expect(list.text).not.toContain(c.secret);
      expect(list.body.data).toEqual({
        webhookSubscriptions: {
          totalCount: 1,
          edges: [{ node: { id: c.webhookSubscription.id, url: 'http://127.0.0.1:9/hook', active: true } }],
        },
      });

      const rotated = await mutate<{ secret: string }>(h, admin, UPDATE_HOOK, {
        id: c.webhookSubscription.id,
        rotateSecret: true,
      });
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.secret).not.toBe(c.secret);
      const [stored] = await rows('select secret from webhook_subscriptions where id = ?', [c.webhookSubscription.id]);
      expect(stored!['secret']).toBe(rotated.secret);
      expect(
        (await mutate<{ secret: string | null }>(h, admin, UPDATE_HOOK, { id: c.webhookSubscription.id, active: true }))
          .secret,
      ).toBeNull();
      const audit = await h.gql(
        admin,
        '{ auditEvents(first: 100, filter: { targetType: "WebhookSubscription" }) { edges { node { action after } } } }',
      );
      expect(audit.text).toContain('webhookSubscription.create');
      expect(audit.text).not.toContain('whsec_');

      const codes = async (q: string, i: Record<string, unknown>) =>
        (await mutate<{ userErrors: { code: string }[] }>(h, admin, q, i)).userErrors.map((e) => e.code);
      expect(await codes(CREATE_HOOK, { url: 'ftp://example.com/x', eventTypes: ['*'] })).toEqual(['INVALID_URL']);
      expect(await codes(CREATE_HOOK, { url: 'https://user:pw@example.com/x', eventTypes: ['*'] })).toEqual([
        'INVALID_URL',
      ]);
      expect(await codes(CREATE_HOOK, { url: 'not a url', eventTypes: ['bad type!', '**'] })).toEqual([
        'INVALID_URL',
        'INVALID_EVENT_TYPE',
      ]);
      expect(await codes(CREATE_HOOK, { url: 'https://example.com/x', eventTypes: [] })).toEqual([
        'INVALID_EVENT_TYPE',
      ]);
      expect(await codes(UPDATE_HOOK, { id: '00000000-0000-7000-8000-000000000000', active: false })).toEqual([
        'NOT_FOUND',
      ]);
      await mutate(h, admin, DELETE_HOOK, { id: c.webhookSubscription.id });
      expect(
        (
          await h.gql<{ webhookSubscriptions: { totalCount: number } }>(
            admin,
            '{ webhookSubscriptions { totalCount } }',
          )
        ).body.data?.webhookSubscriptions.totalCount,
      ).toBe(0);
      expect(await codes(DELETE_HOOK, { id: c.webhookSubscription.id })).toEqual(['NOT_FOUND']);
    });

    it('writes the delivery in the transaction of the notification: both or neither', async () => {
      const c = await mutate<{ webhookSubscription: { id: string } }>(h, admin, CREATE_HOOK, {
        url: 'http://127.0.0.1:9/outbox',
        eventTypes: ['SLA_RED'],
      });
      const red = input({
        type: 'SLA_RED',
        level: 'RED',
        data: { deadlineId: '019a0000-0000-7000-8000-000000000001' },
      });
      await expect(
        withTenantScope(h.rt.orm, t, { subject: 'system:test', requestId: 't', ip: null }, async (scope) => {
          await h.rt.services.notifications.notify(scope, red);
          throw new Error('the caller fails after notifying');
        }),
      ).rejects.toThrow('the caller fails');
      expect(await rows('select id from notifications where dedupe_key = ?', [red.dedupeKey])).toEqual([]);
      expect(await rows('select id from webhook_deliveries where dedupe_key = ?', [red.dedupeKey])).toEqual([]);

      await notifyIn(h, t, red);
      await notifyIn(h, t, red);
      await notifyIn(h, t, input({ type: 'SLA_YELLOW' }));
      const r = await h.gql<{
        webhookDeliveries: {
          totalCount: number;
          edges: {
            node: { eventType: string; status: string; payload: Record<string, unknown>; subscription: { id: string } };
          }[];
        };
      }>(admin, DELIVERIES, { status: 'PENDING' });
      const mine = r.body.data!.webhookDeliveries.edges.filter(
        (e) => e.node.subscription.id === c.webhookSubscription.id,
      );
      expect(mine).toHaveLength(1);
      expect(mine[0]!.node).toMatchObject({
        eventType: 'SLA_RED',
        status: 'PENDING',
        payload: {
          type: 'SLA_RED',
          tenantCode: t.code,
          data: { deadlineId: '019a0000-0000-7000-8000-000000000001' },
          notification: { level: 'RED', recipientStaffIds: [staff['li']] },
        },
      });
    });

    it('refuses personal data in a notification or an event', async () => {
      await expect(notifyIn(h, t, input({ data: { phone: '13911112222' } }))).rejects.toThrow(/phone or ID number/);
      await expect(notifyIn(h, t, input({ title: 'ZL-2026-000001 330502199001011232' }))).rejects.toThrow(
        /phone or ID number/,
      );
      await expect(
        withTenantScope(h.rt.orm, t, { subject: 's', requestId: 'r', ip: null }, (scope) =>
          h.rt.services.webhooks.emit(scope, {
            type: 'CASE_NOTE',
            caseId: null,
            data: { ids: ['33050219900101123X'] },
          }),
        ),
      ).rejects.toThrow(/phone or ID number/);
    });

    it('takes only public https receivers when the API runs in production', async () => {
      const prod = await startHarness({ NODE_ENV: 'production' });
      try {
        const pt = await prod.createTenant('notify-prod');
        const pAdmin = await prod.token({ tenants: [pt.code], roles: ['tenant-admin'] });
        const codes = async (url: string) =>
          (
            await mutate<{ userErrors: { code: string }[] }>(prod, pAdmin, CREATE_HOOK, { url, eventTypes: ['*'] })
          ).userErrors.map((e) => e.code);
        expect(await codes('http://hooks.example.gov.cn/x')).toEqual(['INSECURE_URL']);
        expect(await codes('https://127.0.0.1/x')).toEqual(['INSECURE_URL']);
        expect(await codes('https://hooks.example.gov.cn/x')).toEqual([]);
      } finally {
        await prod.close();
      }
    });

    it('is for tenant admins only', async () => {
      for (const q of [
        '{ webhookSubscriptions { totalCount } }',
        '{ webhookDeliveries { totalCount } }',
        'mutation { createWebhookSubscription(input: { url: "https://example.com", eventTypes: ["*"] }) { secret } }',
      ]) {
        expect((await h.gql(tokens['wang']!, q)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });
  });
});
