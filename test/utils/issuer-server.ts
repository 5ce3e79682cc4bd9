import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalIssuer, LOCAL_REALM } from '../../src/core/auth/local-issuer';

/** A Keycloak-shaped issuer on its own port: the API fetches its JWKS over real HTTP. */
export async function startIssuer(
  clientId: string,
): Promise<{ issuer: LocalIssuer; close(): Promise<void>; jwksFetches(): number }> {
  let issuer: LocalIssuer | null = null;
  let fetches = 0;
  const server = http.createServer((req, res) => {
    if (issuer && req.url === `/realms/${LOCAL_REALM}/protocol/openid-connect/certs`) {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(issuer.jwks()));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  issuer = await LocalIssuer.create(`http://127.0.0.1:${port}/realms/${LOCAL_REALM}`, clientId);
  return {
    issuer,
    jwksFetches: () => fetches,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
