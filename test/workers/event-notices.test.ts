import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { startHarness, type Harness } from '../utils/harness';
import {
  buildCenter,
  createStaff,
  mutate,
  REPORT_CASE,
  SCHEDULE_MEDIATION,
  step,
  STEPS,
  type Center,
} from '../utils/cases';
import type { UserErrorView } from '../utils/cases';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import { CASE_EVENT_NOTICES } from '../../src/modules/notification/case-event-notices';
import { NOTIFICATION_TYPES } from '../../src/modules/notification/notification.service';
import { createLogger } from '../../src/core/observability/logger';
import { startWorkers, type WorkerSet } from '../../workers/runtime';
import { eventually } from '../utils/eventually';

const ROOT = join(__dirname, '..', '..');
const CATALOGUE = JSON.parse(readFileSync(join(ROOT, 'docs/webhooks/events.schema.json'), 'utf8')) as {
  $defs: Record<string, unknown>;
};
const NOT_EVENTS = new Set(['uuid', 'timestamp', 'notification']);
const catalogued = Object.keys(CATALOGUE.$defs).filter((k) => !NOT_EVENTS.has(k));

/** Every `notify(…, { type: 'X' … })` of the application's source, and the SLA's templated levels. */
function notifiedTypesInSource(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
    });
  for (const file of walk(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\.notify\(\s*scope,\s*\{[\s\S]{0,300}?\btype:\s*([^\n]+)/g)) {
      const expr = m[1]!;
      const literals = [...expr.matchAll(/'([A-Za-z][A-Za-z0-9_.-]*)'/g)].map((x) => x[1]!);
      literals.forEach((t) => found.add(t));
      if (expr.includes('`SLA_${level}`')) ['SLA_YELLOW', 'SLA_RED'].forEach((t) => found.add(t));
      else if (!literals.length)
        throw new Error(`${file}: a notification type the catalogue test cannot read: ${expr}`);
    }
  }
  return found;
}

const RESCHEDULE = /* GraphQL */ `
  mutation($i: RescheduleMediationInput!) { rescheduleMediation(input: $i) { session { id status startsAt } userErrors { field code message } } }`;
const CANCEL = /* GraphQL */ `
  mutation($i: CancelMediationInput!) { cancelMediation(input: $i) { session { id status } userErrors { field code message } } }`;
type SessionPayload = {
  session: { id: string; status: string; startsAt?: string } | null;
  userErrors: UserErrorView[];
};

/** Issue 17 item 5: sessions moved or called off, and a visit's reminder to its visitor; the documented event catalogue. */
describe('event notices and the webhook event catalogue', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let admin: string;
  let desk: string;
  let workers: WorkerSet | null = null;
  const HOUR = 3_600_000;

  const sqlIn = <T>(q: string, params: unknown[] = []) =>
    withTenant(h.rt.orm, t.id, (em) => em.execute<T[]>(q, params));
  const told = async (caseId: string, type: string) =>
    (
      await sqlIn<{ recipient_staff_id: string }>(
        'select recipient_staff_id from notifications where case_id = ? and type = ? order by recipient_staff_id',
        [caseId, type],
      )
    ).map((r) => r.recipient_staff_id);

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('evn');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    desk = await h.token({ tenants: [t.code], roles: ['intake-clerk', 'dispatcher', 'mediator', 'leader'] });
    center = await buildCenter(h, admin, [
      { key: 'sister', name: '平安大姐 李阿姨', mediator: true },
      { key: 'lawyer', name: '王律师', dept: 'lawyers', mediator: true },
    ]);
    center.staff['visitor'] = await createStaff(h, admin, '网格员 周', ['grid-worker'], center.gridId);
    // Every event this tenant raises is announced to one receiver: its payloads are checked below.
    const sub = await h.gql<{ createWebhookSubscription: { userErrors: unknown[] } }>(
      admin,
      'mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { userErrors { code } } }',
      { i: { url: 'http://127.0.0.1:9/hooks', eventTypes: ['*'], active: true } },
    );
    expect(sub.body.data!.createWebhookSubscription.userErrors).toEqual([]);
  });
  afterAll(async () => {
    await workers?.close();
    await h.close();
  });

  const caseInHandling = async (title: string, categoryId?: string) => {
    const c = (await mutate(h, desk, REPORT_CASE, { title, channel: 'WALK_IN', categoryId })).case!;
    await step(h, desk, STEPS.accept, { caseId: c.id });
    await step(h, desk, STEPS.dispatch, { caseId: c.id, orgUnitId: center.centerId });
    return c;
  };

  it('tells the session’s mediators, and only them, when it moves or is called off', async () => {
    const c = await caseInHandling('改期通知测试');
    await step(h, desk, STEPS.assign, { caseId: c.id, staffIds: [center.staff['lawyer']] });
    const at = new Date(Date.now() + 30 * HOUR);
    const booked = await mutate<SessionPayload>(h, desk, SCHEDULE_MEDIATION, {
      caseId: c.id,
      startsAt: at.toISOString(),
      endsAt: new Date(at.getTime() + HOUR).toISOString(),
      online: true,
      method: 'ONLINE',
      chosenBy: 'CLERK',
      mediatorIds: [center.staff['sister']],
    });
    const sessionId = booked.session!.id;

    const noReason = await mutate<SessionPayload>(h, desk, RESCHEDULE, {
      sessionId,
      startsAt: new Date(at.getTime() + 2 * HOUR).toISOString(),
      endsAt: new Date(at.getTime() + 3 * HOUR).toISOString(),
      reason: ' ',
    });
    expect(noReason.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'reason'], 'REASON_REQUIRED']]);

    const later = new Date(at.getTime() + 2 * HOUR);
    const moved = await mutate<SessionPayload>(h, desk, RESCHEDULE, {
      sessionId,
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + HOUR).toISOString(),
      reason: '当事人出差，改至下午',
    });
    expect(moved.userErrors).toEqual([]);
    expect(moved.session).toMatchObject({ status: 'SCHEDULED', startsAt: later.toISOString() });
    expect(await told(c.id, 'SESSION_MOVED')).toEqual([center.staff['sister']]);

    // A moved session is judged as a booking is: the mediator cannot be in two sessions at once.
    const other = await caseInHandling('撞期测试');
    const clash = await mutate<SessionPayload>(h, desk, SCHEDULE_MEDIATION, {
      caseId: other.id,
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + HOUR).toISOString(),
      online: true,
      method: 'ONLINE',
      chosenBy: 'CLERK',
      mediatorIds: [center.staff['sister']],
    });
    expect(clash.userErrors.map((e) => e.code)).toEqual(['SESSION_CLASH']);

    const cancelled = await mutate<SessionPayload>(h, desk, CANCEL, { sessionId, reason: '双方已自行和解' });
    expect(cancelled.userErrors).toEqual([]);
    expect(cancelled.session!.status).toBe('CANCELLED');
    expect(await told(c.id, 'SESSION_CANCELLED')).toEqual([center.staff['sister']]);
    const again = await mutate<SessionPayload>(h, desk, CANCEL, { sessionId, reason: '再取消一次' });
    expect(again.userErrors.map((e) => e.code)).toEqual(['SESSION_NOT_FOUND']);

    const timeline = await h.gql<{ case: { timeline: { edges: { node: { type: string; summary: string } }[] } } }>(
      desk,
      'query($id: ID!) { case(id: $id) { timeline(first: 50) { edges { node { type summary } } } } }',
      { id: c.id },
    );
    const kinds = timeline.body.data!.case.timeline.edges.map((e) => e.node);
    expect(kinds.find((k) => k.type === 'MEDIATION_RESCHEDULED')?.summary).toContain('当事人出差，改至下午');
    expect(kinds.find((k) => k.type === 'MEDIATION_CANCELLED')?.summary).toContain('双方已自行和解');
  });

  it('reminds the visitor, not the case’s handlers, of a visit coming due', async () => {
    const policy = await h.gql<{ upsertSlaPolicy: { userErrors: unknown[] } }>(
      admin,
      'mutation($i: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $i) { userErrors { field code message } } }',
      {
        i: {
          name: '回访提醒给回访人',
          categoryId: center.category['family'],
          targets: [{ step: 'FOLLOW_UP', duration: 'PT3S', mode: 'CALENDAR' }],
          yellow: { share: 0.2 },
          red: { share: 0.5 },
          escalations: [],
        },
      },
    );
    expect(policy.body.data!.upsertSlaPolicy.userErrors).toEqual([]);
    await h.gql(admin, 'mutation { updateCaseSettings(input: { followUpDays: 0 }) { userErrors { code } } }');
    const c = await caseInHandling('回访提醒测试', center.category['family']);
    await step(h, desk, STEPS.assign, { caseId: c.id, staffIds: [center.staff['lawyer']] });
    await step(h, desk, STEPS.resolve, { caseId: c.id, resolution: '双方和好' });
    workers = startWorkers(h.rt.services, h.rt.redis, h.rt.config.REDIS_PREFIX, createLogger('silent'), 5, 2);
    await step(h, desk, STEPS.scheduleFollowUp, {
      caseId: c.id,
      dueAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      assigneeId: center.staff['visitor'],
    });
    expect(await told(c.id, 'FOLLOW_UP_ASSIGNED')).toEqual([center.staff['visitor']]);
    await eventually(
      () => told(c.id, 'SLA_RED'),
      (r) => r.length > 0,
      10_000,
      100,
    );
    expect(await told(c.id, 'SLA_YELLOW')).toEqual([center.staff['visitor']]);
    expect(await told(c.id, 'SLA_RED')).toEqual([center.staff['visitor']]);
    await h.gql(admin, 'mutation { updateCaseSettings(input: { followUpDays: 7 }) { userErrors { code } } }');
  }, 30_000);

  it('documents every event type the application raises', () => {
    const raised = new Set([
      ...Object.values(CASE_EVENT_NOTICES).map((n) => n.type),
      ...NOTIFICATION_TYPES,
      ...notifiedTypesInSource(),
    ]);
    expect(raised.size).toBeGreaterThan(15);
    // Read from a conditional too: `type: overdue ? 'INSTALMENT_OVERDUE' : 'INSTALMENT_DUE_SOON'`.
    expect(raised).toContain('INSTALMENT_DUE_SOON');
    expect([...raised].filter((type) => !catalogued.includes(type)).sort()).toEqual([]);
  });

  it('sends webhook payloads that validate against the documented schema of their type', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(CATALOGUE);
    const rows = await sqlIn<{ event_type: string; payload: Record<string, unknown> }>(
      'select event_type, payload from webhook_deliveries order by created_at',
    );
    const types = new Set(rows.map((r) => r.event_type));
    // What the scenarios above raised: bookings, moves, cancellations, assignments, dispatches, visits, warnings.
    for (const t of ['SESSION_BOOKED', 'SESSION_MOVED', 'SESSION_CANCELLED', 'CASE_ASSIGNED', 'FOLLOW_UP_ASSIGNED'])
      expect(types).toContain(t);
    expect(types).toContain('SLA_RED');
    const invalid = rows
      .map((r) => ({ type: r.event_type, ok: validate(r.payload), errors: validate.errors }))
      .filter((r) => !r.ok || !catalogued.includes(r.type));
    expect(invalid).toEqual([]);
    // A payload with a field the catalogue does not name is refused: the schemas are closed.
    const first = rows[0]!.payload;
    expect(validate({ ...first, data: { ...(first['data'] as object), phone: '13800000000' } })).toBe(false);
  });
});
