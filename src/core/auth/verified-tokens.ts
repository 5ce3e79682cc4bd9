import type { JWTPayload } from 'jose';

/**
 * Tokens whose signature and claims were checked, kept for a short while so the console's
 * stream of requests with one token pays the RSA verification once instead of per request
 * (it was the largest single cost of a case-list request after the socket writes).
 *
 * Bounds that keep this as strict as verifying every time, in practice:
 * - an entry never outlives the token's own `exp` (plus the allowed clock skew);
 * - nor `maxAgeMs` after its verification;
 * - nor the signing key: an entry holds the key id that verified it and counts only while that
 *   key is still published (a rotation that retires a key ends its tokens at once, as before);
 * - only successes are kept; a refused token is checked again on every request.
 * The key is the whole token text: a token that differs in one byte is another entry.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { claims: JWTPayload; until: number; keyId: string }>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs: number,
    private readonly skewMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** `published`: whether the key with this id is still in the issuer's key set */
  get(token: string, published: (keyId: string) => boolean): JWTPayload | undefined {
    const e = this.entries.get(token);
    if (!e) return undefined;
    if (this.now() < e.until && published(e.keyId)) return e.claims;
    this.entries.delete(token);
    return undefined;
  }

  put(token: string, claims: JWTPayload, keyId: string | undefined): void {
    if (claims.exp === undefined || keyId === undefined) return;
    const now = this.now();
    const until = Math.min(claims.exp * 1000 + this.skewMs, now + this.maxAgeMs);
    if (until <= now) return;
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { claims: Object.freeze(claims), until, keyId });
  }
}
