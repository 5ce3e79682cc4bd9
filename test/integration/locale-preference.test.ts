import { startHarness, type Harness } from '../utils/harness';
import { addStaff, buildCenter, mutate, REPORT_CASE, step, STEPS, type Center } from '../utils/cases';
import { eventually } from '../utils/eventually';
import { startWorkers, type WorkerSet } from '../../workers/runtime';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import { createLogger } from '../../src/core/observability/logger';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

/**
 * Issue 14: a person's saved language. It outranks the browser's Accept-Language, an export's
 * `?lang=` outranks it, and what a worker writes for a person (notification rows, the webhook's
 * per-recipient summary) is worded in that person's language, with no request in sight.
 */
const CJK = /[\u4e00-\u9fff]/;
const SET = `mutation($i: SetMyLocaleInput!) { setMyLocale(input: $i) { locale userErrors { field code message } } }`;
type SetResult = {
  setMyLocale: { locale: string | null; userErrors: { field: string[]; code: string; message: string }[] };
};

describe("a person's saved language", () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let admin: string;
  let clerk: string;
  let patrol: string;
  let workers: WorkerSet | null = null;

  const sql = <T>(q: string, params: unknown[] = []) => withTenant(h.rt.orm, t.id, (em) => em.execute<T[]>(q, params));

  beforeAll(async () => {
    h = await startHarness({ SLA_HORIZON_SECONDS: '5' });
    t = await h.createTenant('pref');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'], subject: 'pref-clerk' });
    patrol = await h.token({ tenants: [t.code], roles: ['grid-worker'], subject: 'pref-patrol' });
    center = await buildCenter(h, admin, [{ key: 'zhou', name: '周敏', subject: 'pref-clerk' }]);
  });
  afterAll(async () => {
    await workers?.close();
    await h.close();
  });

  it('answers in the language a person saved, whatever their browser asks, and forgets it on request', async () => {
    const c = (await mutate(h, clerk, REPORT_CASE, { title: '邻里噪音纠纷', channel: 'WALK_IN' })).case!;
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    const refusal = async (token: string, headers?: Record<string, string>) =>
      (
        await h.gql<{ acceptCase: { userErrors: { message: string }[] } }>(
          token,
          STEPS.accept,
          { i: { caseId: c.id } },
          headers,
        )
      ).body.data!.acceptCase.userErrors[0]!.message;
    expect(await refusal(clerk)).toMatch(CJK);

    const bad = (await h.gql<SetResult>(clerk, SET, { i: { locale: 'fr' } })).body.data!.setMyLocale;
    expect(bad).toEqual({
      locale: null,
      userErrors: [{ field: ['input', 'locale'], code: 'UNKNOWN_LOCALE', message: '语言只能是以下之一：zh-CN、en。' }],
    });

    // The answer to the switch itself is already in the chosen language.
    const set = await h.gql<SetResult>(clerk, SET, { i: { locale: 'en' } });
    expect(set.body.data!.setMyLocale).toEqual({ locale: 'en', userErrors: [] });
    const me = await h.gql<{ me: { locale: string | null } }>(clerk, '{ me { locale } }');
    expect(me.body.data!.me.locale).toBe('en');

    // No Accept-Language at all, or a browser asking for Chinese: the saved English wins.
    expect(await refusal(clerk)).toBe(`Case ${c.number} is Accepted; this needs one of: Awaiting acceptance`);
    expect(await refusal(clerk, { 'accept-language': 'zh-CN,zh;q=0.9' })).toMatch(/^Case /);
    const timeline = await h.gql<{ case: { timeline: { edges: { node: { summary: string } }[] } } }>(
      clerk,
      'query($id: ID!) { case(id: $id) { timeline(first: 2) { edges { node { summary } } } } }',
      { id: c.id },
    );
    const [reported, accepted] = timeline.body.data!.case.timeline.edges.map((e) => e.node.summary);
    expect(reported).toMatch(new RegExp(`^周敏 registered case ${c.number} \\([A-Za-z -]+\\)$`));
    expect(accepted).toMatch(/^周敏 accepted the case/);
    // A refusal outside any resolver (formatError) reads the saved language too.
    const forbidden = await h.gql(clerk, '{ auditEvents(first: 1) { totalCount } }');
    expect(forbidden.body.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    expect(forbidden.body.errors![0]!.message).toMatch(/^Requires one of the roles: /);

    // Other people keep theirs: the grid worker has saved nothing and gets Chinese.
    const other = await h.gql(patrol, STEPS.accept, { i: { caseId: c.id } });
    expect(other.body.errors![0]!.message).toMatch(/^需要以下角色之一：/);

    // Exports: the file follows the saved language; `lang=` outranks it.
    const file = async (q: string) =>
      (
        await (await fetch(`${h.url}/exports/cases.csv${q}`, { headers: { authorization: `Bearer ${clerk}` } })).text()
      ).split('\r\n')[0]!;
    await expect(file('')).resolves.toMatch(/^\uFEFF?Number,Title,/);
    await expect(file('?lang=zh')).resolves.toMatch(CJK);

    // Forgetting it hands the choice back to Accept-Language.
    expect((await h.gql<SetResult>(clerk, SET, { i: { locale: null } })).body.data!.setMyLocale).toEqual({
      locale: null,
      userErrors: [],
    });
    expect(await refusal(clerk)).toMatch(CJK);
    expect(await refusal(clerk, { 'accept-language': 'en' })).toMatch(/^Case /);
    const audit = await sql<{ after: { locale: string | null } }>(
      "select after from audit_events where action = 'preference.locale' and actor_subject = 'pref-clerk' order by occurred_at",
    );
    expect(audit.map((a) => a.after.locale)).toEqual(['en', null]);
  });

  it('keeps a saved language to the tenant it was saved in, behind RLS', async () => {
    const other = await h.createTenant('pref-other');
    const both = await h.token({ tenants: [t.code, other.code], subject: 'pref-both' });
    const inT = { 'x-tenant-id': t.code };
    const inOther = { 'x-tenant-id': other.code };
    const saved = await h.gql<SetResult>(both, SET, { i: { locale: 'en' } }, inT);
    expect(saved.body.data!.setMyLocale).toEqual({ locale: 'en', userErrors: [] });
    const me = async (headers: Record<string, string>) =>
      (await h.gql<{ me: { locale: string | null } }>(both, '{ me { locale } }', undefined, headers)).body.data!.me
        .locale;
    expect(await me(inT)).toBe('en');
    expect(await me(inOther)).toBeNull();
    // As the app role inside the other tenant: the first tenant's row is invisible and cannot be written.
    const sqlIn = (tenantId: string, q: string, params: unknown[] = []) =>
      withTenant(h.rt.orm, tenantId, (em) => em.execute(q, params));
    expect(await sqlIn(other.id, "select tenant_id from person_preferences where subject = 'pref-both'")).toEqual([]);
    await expect(
      sqlIn(other.id, "insert into person_preferences (tenant_id, subject, locale) values (?, 'pref-both', 'zh-CN')", [
        t.id,
      ]),
    ).rejects.toThrow(/row-level security/);
    expect(
      await sqlIn(other.id, "update person_preferences set locale = 'zh-CN' where subject = 'pref-both' returning 1"),
    ).toEqual([]);
    expect(await me(inT)).toBe('en');
  });

  it("words what a worker writes for a person in that person's language: notification rows and webhook summaries", async () => {
    // Two dispatchers take an unowned case's warnings: one saved English, one saved nothing.
    const enId = await addStaff(h, admin, {
      name: '调度员 英',
      subject: 'pref-en',
      roles: ['dispatcher'],
      orgUnitId: center.centerId,
    });
    const zhId = await addStaff(h, admin, {
      name: '调度员 中',
      subject: 'pref-zh',
      roles: ['dispatcher'],
      orgUnitId: center.centerId,
    });
    const en = await h.token({ tenants: [t.code], roles: ['dispatcher'], subject: 'pref-en' });
    const zh = await h.token({ tenants: [t.code], roles: ['dispatcher'], subject: 'pref-zh' });
    expect((await h.gql<SetResult>(en, SET, { i: { locale: 'en' } })).body.data!.setMyLocale.userErrors).toEqual([]);
    const hook = await h.gql<{ createWebhookSubscription: { userErrors: unknown[] } }>(
      admin,
      'mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { userErrors { code } } }',
      { i: { url: 'http://127.0.0.1:9/hook', eventTypes: ['SLA_YELLOW'] } },
    );
    expect(hook.body.data!.createWebhookSubscription.userErrors).toEqual([]);

    const feed = await h.token({ tenants: [t.code], roles: ['intake-system'], subject: 'service-account-12345' });
    const c = (
      await mutate(h, feed, REPORT_CASE, {
        title: '12345转办：物业纠纷',
        channel: 'HOTLINE_12345',
        externalRef: 'pref-1',
        idempotencyKey: 'pref-1',
      })
    ).case!;
    await sql(
      `update deadline_checkpoints set due_at = now() - interval '1 second'
        where kind = 'YELLOW' and deadline_id in (select id from deadlines where case_id = ?)`,
      [c.id],
    );
    workers = startWorkers(h.rt.services, h.rt.redis, h.rt.config.REDIS_PREFIX, createLogger('silent'), 5, 2);
    await h.rt.services.sla.scheduler.sweep();
    const rows = await eventually(
      () =>
        sql<{ recipient_staff_id: string; title: string }>(
          "select recipient_staff_id, title from notifications where case_id = ? and type = 'SLA_YELLOW'",
          [c.id],
        ),
      (r) => [enId, zhId].every((id) => r.some((n) => n.recipient_staff_id === id)),
      20_000,
    );
    const titleOf = (id: string) => rows.find((r) => r.recipient_staff_id === id)!.title;
    expect(titleOf(enId)).not.toMatch(CJK);
    expect(titleOf(enId)).toContain(c.number);
    expect(titleOf(zhId)).toMatch(CJK);

    // Read back with no Accept-Language, each in their own language.
    const Q = '{ notifications(first: 10) { edges { node { type title case { id } } } } }';
    type N = { notifications: { edges: { node: { type: string; title: string; case: { id: string } | null } }[] } };
    const inbox = async (token: string) =>
      (await h.gql<N>(token, Q)).body.data!.notifications.edges.find(
        (e) => e.node.type === 'SLA_YELLOW' && e.node.case?.id === c.id,
      )!.node.title;
    expect(await inbox(en)).toBe(titleOf(enId));
    expect(await inbox(zh)).toBe(titleOf(zhId));

    const [delivery] = await sql<{ payload: { notification: Record<string, unknown> } }>(
      "select payload from webhook_deliveries where event_type = 'SLA_YELLOW' and payload->>'caseId' = ?",
      [c.id],
    );
    expect(delivery!.payload.notification['recipients']).toEqual(
      expect.arrayContaining([
        { staffId: enId, locale: 'en', summary: titleOf(enId) },
        { staffId: zhId, locale: 'zh-CN', summary: titleOf(zhId) },
      ]),
    );
  }, 60_000);
});
