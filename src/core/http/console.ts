import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Router } from 'express';
import helmet from 'helmet';
import type { Config } from '../../config/config';

/** Paths the API answers itself; everything else that asks for HTML gets the console. */
const API_PREFIXES = ['/graphql', '/exports', '/healthz', '/readyz', '/metrics', '/local-issuer', '/dev-auth'];

const origin = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

/**
 * Security headers for every response, with a Content-Security-Policy that lets a page run only
 * the console's own bundled scripts (no inline script, no eval) and talk only to this origin
 * (and the sign-in realm). The nonce is still handed to Ant Design for its <style> tags.
 */
export function securityHeaders(config: Config) {
  const realm = origin(config.KEYCLOAK_REALM_URL);
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Ant Design's CSS-in-JS and its components set inline styles (style attributes as well
          // as <style> tags, which a nonce cannot cover); scripts stay strictly our own files.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          // 'self' covers the same host's ws:/wss: for live updates (CSP level 3).
          connectSrc: ["'self'", ...(realm ? [realm] : [])],
          frameSrc: ["'self'", ...(realm ? [realm] : [])],
          frameAncestors: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'", ...(realm ? [realm] : [])],
        },
      },
      // The console is reached over plain HTTP on intranets and in development.
      strictTransportSecurity: config.isProduction,
    }),
  ];
}

/** What the page needs before it can sign anyone in (no secrets: the OIDC client is public). */
export function consoleConfig(config: Config, devSignIn: boolean) {
  return {
    auth: devSignIn
      ? { mode: 'local' as const }
      : {
          mode: 'oidc' as const,
          authority: config.KEYCLOAK_REALM_URL,
          clientId: config.CONSOLE_OIDC_CLIENT_ID ?? config.KEYCLOAK_CLIENT_ID,
        },
  };
}

/**
 * The built console at / (same origin as /graphql, so no CORS), with hashed assets cached for a
 * year and every other page path answered by index.html for the browser's router.
 */
export function consoleRoutes(config: Config, devSignIn: boolean): Router {
  const dir = resolve(config.CONSOLE_DIR);
  const indexFile = join(dir, 'index.html');
  const router = express.Router();
  router.get('/config.json', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(consoleConfig(config, devSignIn));
  });
  router.use(
    '/assets',
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  );
  router.use(express.static(dir, { index: false }));
  router.get(/.*/, (req, res, next) => {
    if (API_PREFIXES.some((p) => req.path === p || req.path.startsWith(`${p}/`))) return next();
    // Browsers ask for text/html when they navigate; API clients (curl, fetch: */*) get the JSON 404.
    if (!(req.headers.accept ?? '').includes('text/html')) return next();
    if (!existsSync(indexFile)) {
      res.status(404).type('text/plain').send('The console is not built: run `npm run build:web`.');
      return;
    }
    // Read each time: small, and a rebuilt console is served without a restart.
    // A fresh nonce for each page served (made here, not for every API request, which has no use for one).
    const html = readFileSync(indexFile, 'utf8').replaceAll('__CSP_NONCE__', randomBytes(16).toString('base64'));
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(html);
  });
  return router;
}
