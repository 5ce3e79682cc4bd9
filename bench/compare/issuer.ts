import { createServer, type Server } from 'node:http';
import { LocalIssuer, LOCAL_REALM } from '../../src/core/auth/local-issuer';

/**
 * The token issuer both servers trust: Keycloak-shaped JWKS and discovery paths, served by the
 * bench's own process, which is idle while the servers are measured (each server fetches the key
 * set once and caches it, as it would from Keycloak).
 */
export async function startIssuer(port: number, clientId: string): Promise<{ issuer: LocalIssuer; close(): void }> {
  const realmUrl = `http://127.0.0.1:${port}/realms/${LOCAL_REALM}`;
  const issuer = await LocalIssuer.create(realmUrl, clientId);
  const base = `/realms/${LOCAL_REALM}`;
  const server: Server = createServer((req, res) => {
    const body =
      req.url === `${base}/protocol/openid-connect/certs`
        ? issuer.jwks()
        : req.url === `${base}/.well-known/openid-configuration`
          ? issuer.openidConfiguration()
          : null;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { issuer, close: () => server.close() };
}
