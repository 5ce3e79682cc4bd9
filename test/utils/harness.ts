import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/core/observability/logger';
import { bootstrap, type Runtime } from '../../src/bootstrap';
import { setupVerifier } from '../../src/core/auth/verifier-setup';
import { createApp } from '../../src/app';
import type { LocalIssuer, TokenRequest } from '../../src/core/auth/local-issuer';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import { withTenantScope } from '../../src/core/tenancy/tenant-tx';
import { startIssuer } from './issuer-server';

export const CLIENT_ID = 'onedoor-api';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: { message: string; extensions?: { code?: string } & Record<string, unknown>; path?: unknown[] }[];
  };
  text: string;
}

export interface Harness {
  url: string;
  rt: Runtime;
  issuer: LocalIssuer;
  jwksFetches(): number;
  token(req: Partial<TokenRequest> & { tenants?: string[]; roles?: string[] }): Promise<string>;
  gql<T = Record<string, unknown>>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  post(body: string, token: string | null, headers?: Record<string, string>): Promise<GqlResponse>;
  /**
   * A tenant with the starter configuration. Quiet hours start off (a tenant's default is
   * 22:00–07:30 Beijing time, which would defer every notification a test reads when the suite
   * runs in the evening); the tests about quiet hours switch them on.
   */
  createTenant(
    prefix: string,
    opts?: { parentId?: string; level?: TenantRecord['level']; quietHours?: boolean },
  ): Promise<TenantRecord>;
  close(): Promise<void>;
}

export const uniqueCode = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** The API over real HTTP against the run's PostgreSQL and Redis, with its own token issuer. */
export async function startHarness(
  env: Record<string, string> = {},
  opts: { logSink?: Writable } = {},
): Promise<Harness> {
  const iss = await startIssuer(CLIENT_ID);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DATABASE_URL: process.env['ONEDOOR_TEST_DATABASE_URL'],
    REDIS_URL: process.env['ONEDOOR_TEST_REDIS_URL'],
    REDIS_PREFIX: process.env['ONEDOOR_TEST_REDIS_PREFIX'],
    KEYCLOAK_REALM_URL: iss.issuer.realmUrl,
    KEYCLOAK_CLIENT_ID: CLIENT_ID,
    AUTH_JWKS_COOLDOWN_SECONDS: '0',
    DATABASE_POOL_MAX: '5',
    ...env,
  });
  const log = createLogger(config.LOG_LEVEL, opts.logSink);
  const rt = await bootstrap(config, log);
  const { verifier } = await setupVerifier(config);
  const app = await createApp({ config, services: rt.services, redis: rt.redis, verifier, log });
  const url = await app.listen(0, '127.0.0.1');

  const post = async (
    body: string,
    token: string | null,
    headers: Record<string, string> = {},
  ): Promise<GqlResponse> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body,
    });
    const text = await res.text();
    let parsed: GqlResponse['body'] = {};
    try {
      parsed = JSON.parse(text) as GqlResponse['body'];
    } catch {
      /* non-JSON answers are asserted on through text */
    }
    return { status: res.status, body: parsed, text };
  };

  return {
    url,
    rt,
    issuer: iss.issuer,
    jwksFetches: iss.jwksFetches,
    token: (req) => iss.issuer.sign({ subject: req.subject ?? `user-${randomBytes(3).toString('hex')}`, ...req }),
    gql: (token, query, variables, headers) => post(JSON.stringify({ query, variables }), token, headers) as never,
    post,
    async createTenant(prefix, opts = {}) {
      const r = await rt.services.tenants.create(
        { subject: 'test', requestId: null },
        {
          code: uniqueCode(prefix),
          name: `Tenant ${prefix}`,
          level: opts.level ?? 'TOWN',
          parentId: opts.parentId ?? null,
        },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      await rt.services.provisioning.seedDefaults(r.value.id);
      if (!opts.quietHours) {
        await withTenantScope(rt.orm, r.value, { subject: 'system:test', requestId: 'test', ip: null }, (scope) =>
          rt.services.notificationSettings.update(scope, { quietHoursEnabled: false }),
        );
      }
      return r.value;
    },
    async close() {
      await app.stop();
      await rt.close();
      await iss.close();
    },
  };
}
