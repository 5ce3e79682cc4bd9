import { startHarness, type Harness } from '../utils/harness';

describe('operability endpoints', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('answers /healthz and /readyz when the database and Redis are up', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ database: 'ok', redis: 'ok' });
  });

  it('exposes GraphQL durations, errors and the database pool to Prometheus', async () => {
    const t = await h.createTenant('ops');
    await h.gql(await h.token({ tenants: [t.code] }), 'query Probe { departments(first: 1) { totalCount } }');
    await h.gql(null, 'query Anonymous { me { subject } }');
    const text = await (await fetch(`${h.url}/metrics`)).text();
    expect(text).toMatch(
      /onedoor_graphql_operation_duration_seconds_count\{operation="Probe",type="query",outcome="ok"\} 1/,
    );
    expect(text).toMatch(/onedoor_graphql_errors_total\{code="UNAUTHENTICATED"\} \d+/);
    expect(text).toMatch(/onedoor_db_pool_connections_used \d+/);
    expect(text).toMatch(/onedoor_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\}/);
  });

  it('echoes a safe request id and replaces an unsafe one', async () => {
    const ok = await fetch(`${h.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(ok.headers.get('x-request-id')).toBe('abc-123');
    const bad = await fetch(`${h.url}/healthz`, { headers: { 'x-request-id': 'a b <script>' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
