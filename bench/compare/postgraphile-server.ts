/**
 * The peer for `npm run bench:compare`: PostGraphile 5 (amber preset) over the bench's database as
 * OneDoor's own non-owner app role, so the same RLS policies decide what it reads. The tenant
 * comes from the same RS256 token OneDoor gets, verified here with jose against the same JWKS,
 * and reaches PostgreSQL as the setting the policies read (`app.tenant_id`, transaction-local,
 * set by PostGraphile before the operation's statements). Started as its own process by run.ts.
 */
import { createServer } from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';

const env = (k: string): string => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} is required`);
  return v;
};

const realmUrl = env('PG_BENCH_REALM_URL');
const clientId = env('PG_BENCH_CLIENT_ID');
/** tenant code → id, as OneDoor's tenant directory resolves the token's organization claim */
const tenants = new Map(Object.entries(JSON.parse(env('PG_BENCH_TENANTS')) as Record<string, string>));
const jwks = createRemoteJWKSet(new URL(`${realmUrl}/protocol/openid-connect/certs`));

class Unauthenticated extends Error {}

async function tenantOf(authorization: string | undefined): Promise<string> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw new Unauthenticated('no token');
  const { payload } = await jwtVerify(token, jwks, { issuer: realmUrl, audience: clientId, algorithms: ['RS256'] });
  if (payload['typ'] !== 'Bearer') throw new Unauthenticated('not an access token');
  const orgs = payload['organization'];
  const id = Array.isArray(orgs) && orgs.length === 1 ? tenants.get(String(orgs[0])) : undefined;
  if (!id) throw new Unauthenticated('no tenant');
  return id;
}

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  // Order nested lists as OneDoor does (parties by creation, assignees lead first) whether or not an
  // index covers the columns: amber otherwise offers orderBy only on indexed columns.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString: env('PG_BENCH_DATABASE_URL'), schemas: ['public'] })],
  grafast: {
    async context(requestContext) {
      const tenantId = await tenantOf(requestContext.node?.req.headers.authorization);
      return { pgSettings: { 'app.tenant_id': tenantId } };
    },
  },
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  schema: { exportSchemaSDLPath: process.env['PG_BENCH_SDL'] || undefined },
};

async function main(): Promise<void> {
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  serv.addTo(server).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
  await serv.ready();
  const port = Number(env('PG_BENCH_PORT'));
  server.listen(port, '127.0.0.1', () => console.log(`postgraphile listening on ${port}`));
  process.on('SIGTERM', () => {
    server.close();
    void Promise.resolve(pgl.release()).finally(() => process.exit(0));
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
