import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, REPORT_CASE, step, STEPS, type Center } from '../utils/cases';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const ACTIONS = /* GraphQL */ `query($id: ID!) { case(id: $id) { status allowedActions } }`;

describe('what the console asks the API', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let admin: string;
  let clerk: string;
  let mediator: string;
  let leader: string;

  beforeAll(async () => {
    h = await startHarness({ DATABASE_POOL_MAX: '5' });
    t = await h.createTenant('console');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'], subject: 'clerk-1' });
    mediator = await h.token({ tenants: [t.code], roles: ['mediator'] });
    leader = await h.token({ tenants: [t.code], roles: ['leader'] });
    center = await buildCenter(h, admin);
  });
  afterAll(() => h.close());

  const actionsOf = async (token: string, id: string) => {
    const r = await h.gql<{ case: { status: string; allowedActions: string[] } }>(token, ACTIONS, { id });
    expect(r.body.errors).toBeUndefined();
    return r.body.data!.case.allowedActions;
  };

  it('lists the steps the mutations would accept, and no step they would refuse', async () => {
    const c = await step(h, clerk, REPORT_CASE.replace('replayed ', ''), {
      title: '邻里噪音',
      channel: 'WALK_IN',
      parties: [{ role: 'APPLICANT', kind: 'PERSON', name: '赵某', phone: '13811112222' }],
    });
    const clerkActions = await actionsOf(clerk, c.id);
    expect(clerkActions).toEqual(expect.arrayContaining(['ACCEPT', 'REJECT', 'ADD_NOTE', 'MERGE']));
    expect(clerkActions).not.toContain('CLOSE');
    // A mediator may not accept: the list says so, and so does the mutation.
    const mediatorActions = await actionsOf(mediator, c.id);
    expect(mediatorActions).not.toContain('ACCEPT');
    const refused = await h.gql(mediator, STEPS.accept, { i: { caseId: c.id } });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The leader may supervise an open case; nobody is offered what the state forbids.
    expect(await actionsOf(leader, c.id)).toContain('SUPERVISE');
    await step(h, clerk, STEPS.accept, { caseId: c.id });
    const after = await actionsOf(clerk, c.id);
    expect(after).not.toContain('ACCEPT');
    expect(after).toContain('DISPATCH');
    const again = await mutate(h, clerk, STEPS.accept, { caseId: c.id });
    expect(again.userErrors.map((e) => e.code)).toEqual(['CASE_NOT_AWAITING_ACCEPTANCE']);
  });

  it('offers the reveal only to roles the tenant lets reveal, and only while data is masked', async () => {
    const c = await step(h, clerk, REPORT_CASE.replace('replayed ', ''), {
      title: '劳资纠纷',
      channel: 'WALK_IN',
      parties: [{ role: 'APPLICANT', kind: 'PERSON', name: '钱某', idNumber: '330502199003071232' }],
    });
    const settings = await h.gql<{ caseSettings: { personalDataRoles: string[]; revealRoles: string[] } }>(
      admin,
      `{ caseSettings { personalDataRoles revealRoles } }`,
    );
    const { personalDataRoles, revealRoles } = settings.body.data!.caseSettings;
    for (const [token, role] of [
      [clerk, 'intake-clerk'],
      [mediator, 'mediator'],
    ] as const) {
      const offered = (await actionsOf(token, c.id)).includes('REVEAL_PARTY');
      expect(offered).toBe(!personalDataRoles.includes(role) && revealRoles.includes(role));
    }
  });

  it('finds the likely duplicates of a report before it is saved, as intake would flag them', async () => {
    const first = await step(h, clerk, REPORT_CASE.replace('replayed ', ''), {
      title: '工资纠纷',
      channel: 'WALK_IN',
      categoryId: center.category['labor-wages'],
      parties: [{ role: 'APPLICANT', kind: 'PERSON', name: '孙某', phone: '139 0000 3333' }],
    });
    const r = await h.gql<{ duplicateCandidates: { reasons: string[]; case: { id: string } }[] }>(
      clerk,
      `query($i: DuplicateCheckInput!) { duplicateCandidates(input: $i) { reasons case { id } } }`,
      { i: { phones: ['13900003333'], idNumbers: [] } },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.duplicateCandidates).toEqual([{ reasons: ['SAME_PHONE'], case: { id: first.id } }]);
    const none = await h.gql<{ duplicateCandidates: unknown[] }>(
      clerk,
      `query($i: DuplicateCheckInput!) { duplicateCandidates(input: $i) { reasons } }`,
      { i: { phones: ['13900009999'] } },
    );
    expect(none.body.data!.duplicateCandidates).toEqual([]);
  });

  it('names the people in the timeline', async () => {
    await mutate(
      h,
      admin,
      `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { userErrors { code } } }`,
      {
        name: '窗口张敏',
        keycloakSubject: 'clerk-1',
        roles: ['intake-clerk'],
      },
    );
    const c = await step(h, clerk, REPORT_CASE.replace('replayed ', ''), { title: '物业纠纷', channel: 'WALK_IN' });
    const r = await h.gql<{ case: { timeline: { edges: { node: { type: string; actorName: string | null } }[] } } }>(
      clerk,
      `query($id: ID!) { case(id: $id) { timeline(first: 10) { edges { node { type actorName } } } } }`,
      { id: c.id },
    );
    expect(r.body.data!.case.timeline.edges[0]!.node).toEqual({ type: 'REPORTED', actorName: '窗口张敏' });
  });

  it('sends a Content-Security-Policy and no CDN landing page at /graphql', async () => {
    const page = await fetch(`${h.url}/graphql`, { headers: { accept: 'text/html' } });
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(await page.text()).not.toMatch(/cdn|embeddable-sandbox|apollo-server-landing-page/i);
    const root = await fetch(`${h.url}/nothing-here`, { headers: { accept: 'text/html' } });
    expect(root.headers.get('content-security-policy')).toContain("object-src 'none'");
  });

  it('tells the console to sign in at the realm, and offers no development sign-in beside a realm', async () => {
    const cfg = await fetch(`${h.url}/config.json`);
    expect(cfg.headers.get('cache-control')).toBe('no-store');
    expect(await cfg.json()).toEqual({
      auth: { mode: 'oidc', authority: h.issuer.realmUrl, clientId: 'onedoor-api' },
    });
    // The demo people and their tokens exist only with the built-in issuer (never in production).
    expect((await fetch(`${h.url}/dev-auth/people`)).status).toBe(404);
    const token = await fetch(`${h.url}/dev-auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'demo-clerk' }),
    });
    expect(token.status).toBe(404);
  });
});
