import { createRemoteJWKSet, customFetch, jwtVerify, errors, type JWTPayload } from 'jose';
import { VerifiedTokenCache } from './verified-tokens';

/** What the rest of the app needs from a token verifier: swap the implementation in one file. */
export interface TokenVerifier {
  /** Resolves the verified claims, or rejects with {@link InvalidTokenError}. */
  verify(token: string): Promise<JWTPayload>;
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`invalid token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

export interface OidcVerifierOptions {
  /** e.g. https://sso.example.gov.cn/realms/onedoor — the token's `iss`. */
  realmUrl: string;
  /** Our client id: must be in `aud` or be the authorized party (`azp`). */
  clientId: string;
  clockSkewSeconds: number;
  /** Minimum time between JWKS refetches triggered by an unknown `kid`. */
  jwksCooldownSeconds: number;
}

// Asymmetric only: an HS256 token "signed" with our public key must never verify.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

/**
 * Verifies Keycloak access tokens against the realm's JWKS with jose rather than
 * keycloak-connect: it gives a clock-skew allowance, refetches keys as soon as an unknown
 * `kid` appears (rotation without restart), answers with reasons we can map to HTTP 401,
 * and pins the accepted algorithms. docs/architecture.md has the full reasoning.
 */
export class OidcTokenVerifier implements TokenVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  private readonly issuer: string;
  // A few thousand people signed in at once per API process is far above a county's staff.
  private readonly verified: VerifiedTokenCache;
  private published = new Set<string>();

  constructor(private readonly opts: OidcVerifierOptions) {
    this.issuer = opts.realmUrl.replace(/\/+$/, '');
    this.verified = new VerifiedTokenCache(5000, 60_000, opts.clockSkewSeconds * 1000);
    this.jwks = createRemoteJWKSet(new URL(`${this.issuer}/protocol/openid-connect/certs`), {
      cooldownDuration: opts.jwksCooldownSeconds * 1000,
      timeoutDuration: 5000,
      // Every key set jose fetches also tells the cache which key ids are published now (jose's
      // own accessor clones the whole set on each call: too dear for every request).
      [customFetch]: async (url, init) => {
        const res = await fetch(url, init);
        if (res.status === 200) {
          const body = (await res
            .clone()
            .json()
            .catch(() => null)) as { keys?: { kid?: unknown }[] } | null;
          if (Array.isArray(body?.keys)) this.published = new Set(body.keys.map((k) => String(k.kid)));
        }
        return res;
      },
    });
  }

  async verify(token: string): Promise<JWTPayload> {
    const known = this.verified.get(token, (kid) => this.published.has(kid));
    if (known) return known;
    const { payload, kid } = await this.check(token);
    this.verified.put(token, payload, kid);
    return payload;
  }

  private async check(token: string): Promise<{ payload: JWTPayload; kid: string | undefined }> {
    try {
      const { payload, protectedHeader } = await jwtVerify(token, this.jwks, {
        issuer: this.issuer,
        algorithms: ALGORITHMS,
        clockTolerance: this.opts.clockSkewSeconds,
        typ: undefined,
      });
      const aud = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
      if (!aud.includes(this.opts.clientId) && payload['azp'] !== this.opts.clientId) {
        throw new InvalidTokenError('token was not issued for this API (aud/azp)');
      }
      if (payload.exp === undefined) throw new InvalidTokenError('token has no expiry');
      // jose checks `iat` only together with a maximum token age; a token minted in the future
      // (a skewed or compromised signer) must not outlive its stated lifetime, so refuse it here.
      if (payload.iat !== undefined && payload.iat > Date.now() / 1000 + this.opts.clockSkewSeconds) {
        throw new InvalidTokenError('token issued in the future');
      }
      const typ = payload['typ'];
      if (typ !== undefined && typ !== 'Bearer') throw new InvalidTokenError('not an access token');
      return { payload, kid: protectedHeader.kid };
    } catch (e) {
      if (e instanceof InvalidTokenError) throw e;
      if (e instanceof errors.JOSEError) throw new InvalidTokenError(e.code);
      throw new InvalidTokenError('unverifiable token');
    }
  }
}
