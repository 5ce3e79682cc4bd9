import express, { type Router } from 'express';
import type { LocalIssuer } from '../core/auth/local-issuer';
import type { TenantDirectory } from '../modules/tenant/tenant.directory';
import { DEMO_PEOPLE } from './demo-people';

/**
 * Development sign-in for the console: the demo people and a token for one of them, signed by
 * the local issuer. Mounted only when the local issuer runs, which configuration refuses in
 * production, so there is no way to reach it there.
 */
export function devSignInRoutes(issuer: LocalIssuer, tenants: TenantDirectory): Router {
  const router = express.Router();
  router.get('/people', async (_req, res) => {
    const known = await tenants.byCodes([...new Set(DEMO_PEOPLE.flatMap((p) => p.tenants))]);
    const nameOf = new Map(known.map((t) => [t.code, t.name]));
    res.setHeader('cache-control', 'no-store');
    res.json(
      DEMO_PEOPLE.map((p) => ({
        subject: p.subject,
        name: p.name,
        title: p.title,
        roles: p.roles,
        tenants: p.tenants.map((code) => ({ code, name: nameOf.get(code) ?? code })),
      })),
    );
  });
  router.post('/token', express.json({ limit: '4kb' }), async (req, res) => {
    const body = (req.body ?? {}) as { subject?: unknown; expiresInSeconds?: unknown };
    const person = DEMO_PEOPLE.find((p) => p.subject === body.subject);
    if (!person) {
      res.status(404).json({ error: 'unknown demo person' });
      return;
    }
    // Short lives let a test watch the console send someone back to sign in.
    const requested = Number(body.expiresInSeconds);
    const expiresIn = Number.isInteger(requested) && requested >= 1 && requested <= 43_200 ? requested : 8 * 3600;
    const token = await issuer.sign({
      subject: person.subject,
      username: person.name,
      roles: person.roles,
      tenants: person.tenants,
      // Roles count per tenant (groups /<tenant>/<role>): realm roles alone would not reach a
      // person who works in two centers, such as the demo leader of 织里镇 and 吴兴区.
      groups: person.tenants.flatMap((t) => person.roles.map((r) => `/${t}/${r}`)),
      expiresInSeconds: expiresIn,
    });
    res.setHeader('cache-control', 'no-store');
    res.json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn });
  });
  return router;
}
