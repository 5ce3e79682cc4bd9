import { generateKeyPair, exportJWK, importJWK, SignJWT, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

export const LOCAL_REALM = 'onedoor';
export const LOCAL_ISSUER_BASE_PATH = '/local-issuer';

interface StoredKey {
  kid: string;
  privateJwk: JWK;
}

export interface TokenRequest {
  subject: string;
  username?: string;
  tenants?: string[];
  roles?: string[];
  /** Keycloak group paths, `/<tenant code>/<role>`: roles per tenant (the `groups` claim) */
  groups?: string[];
  audience?: string | string[];
  azp?: string;
  expiresInSeconds?: number;
  notBeforeSeconds?: number;
  /** tests only: shift `iat` from now (a signer whose clock runs ahead) */
  issuedAtOffsetSeconds?: number;
  extra?: Record<string, unknown>;
  /** tests only: sign as if another issuer */
  issuer?: string;
}

/**
 * A Keycloak-shaped token issuer for development and tests: it serves the same JWKS path
 * as a realm and signs tokens with the claims Keycloak puts in (realm_access, organization,
 * azp, typ), so the server verifies them exactly as it verifies production tokens.
 */
export class LocalIssuer {
  private constructor(
    readonly issuer: string,
    private keys: StoredKey[],
    private readonly clientId: string,
  ) {}

  static async create(issuer: string, clientId: string): Promise<LocalIssuer> {
    return new LocalIssuer(issuer, [await newKey()], clientId);
  }

  /** Keys persist under the data folder so `npm run token` signs with what the server serves. */
  static async openOrCreate(file: string, issuer: string, clientId: string): Promise<LocalIssuer> {
    if (existsSync(file)) {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { keys: StoredKey[] };
      return new LocalIssuer(issuer, stored.keys, clientId);
    }
    const li = await LocalIssuer.create(issuer, clientId);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ keys: li.keys }), { mode: 0o600 });
    return li;
  }

  get realmUrl(): string {
    return this.issuer;
  }

  /** New signing key first; the old one stays published so tokens already issued still verify. */
  async rotate(dropOld = false): Promise<void> {
    const k = await newKey();
    this.keys = dropOld ? [k] : [k, ...this.keys];
  }

  jwks(): { keys: JWK[] } {
    return {
      keys: this.keys.map(({ kid, privateJwk }) => {
        const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = privateJwk;
        return { ...pub, kid, use: 'sig', alg: 'RS256' };
      }),
    };
  }

  openidConfiguration(): Record<string, unknown> {
    return {
      issuer: this.issuer,
      jwks_uri: `${this.issuer}/protocol/openid-connect/certs`,
      id_token_signing_alg_values_supported: ['RS256'],
    };
  }

  async sign(req: TokenRequest): Promise<string> {
    const { kid, privateJwk } = this.keys[0]!;
    const key = await importJWK(privateJwk, 'RS256');
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({
      typ: 'Bearer',
      azp: req.azp ?? this.clientId,
      preferred_username: req.username ?? req.subject,
      realm_access: { roles: req.roles ?? [] },
      organization: req.tenants ?? [],
      ...(req.groups ? { groups: req.groups } : {}),
      ...req.extra,
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuer(req.issuer ?? this.issuer)
      .setSubject(req.subject)
      .setAudience(req.audience ?? [this.clientId, 'account'])
      .setIssuedAt(now + (req.issuedAtOffsetSeconds ?? 0))
      .setJti(randomUUID())
      .setExpirationTime(now + (req.expiresInSeconds ?? 3600));
    if (req.notBeforeSeconds !== undefined) jwt.setNotBefore(now + req.notBeforeSeconds);
    return jwt.sign(key);
  }
}

async function newKey(): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid: randomUUID(), privateJwk: await exportJWK(privateKey) };
}
