import { createHmac, randomBytes } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { InvalidTokenError } from '../../core/auth/token-verifier';
import { RESIDENT_SUBJECT_PREFIX } from '../../shared/subjects';

/** The `typ` of a resident session token: never issued by Keycloak, so the two paths cannot mix. */
export const RESIDENT_TOKEN_TYPE = 'onedoor-resident+jwt';
const ISSUER = 'onedoor:resident';
const AUDIENCE = 'onedoor-resident';

export interface ResidentClaims {
  tenantId: string;
  tenantCode: string;
  phone: string;
  /** the session's id: audit rows name it, never the phone */
  sessionId: string;
  /** a stable pseudonym of phone + tenant, the subject of audit rows and logs */
  subject: string;
  expiresAt: Date;
}

/**
 * Short-lived resident sessions, signed HS256 with a key of this server's own (`RESIDENT_TOKEN_SECRET`).
 * They are verified here only, on their own path: the staff verifier pins asymmetric algorithms
 * and Keycloak's issuer, so a resident token never passes as a staff token, and this verifier
 * requires its own `typ`, issuer and audience, so a staff token never passes as a resident's.
 */
export class ResidentTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string | null,
    private readonly ttlSeconds: number,
    private readonly clockSkewSeconds = 30,
  ) {
    // Without a configured secret (development, tests) each process signs with its own random
    // key: sessions end when it restarts, which is acceptable for a 30-minute resident session.
    this.key = secret ? new TextEncoder().encode(secret) : randomBytes(32);
  }

  /** A pseudonym that identifies a phone within one tenant without revealing it (audit, logs). */
  pseudonym(tenantId: string, phone: string): string {
    return `${RESIDENT_SUBJECT_PREFIX}${createHmac('sha256', this.key).update(`${tenantId}|${phone}`).digest('hex').slice(0, 20)}`;
  }

  async sign(
    tenant: { id: string; code: string },
    phone: string,
    now = new Date(),
  ): Promise<{ token: string; expiresAt: Date }> {
    const sessionId = randomBytes(12).toString('hex');
    const iat = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT({ tid: tenant.id, tcode: tenant.code, phone, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: RESIDENT_TOKEN_TYPE })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(this.pseudonym(tenant.id, phone))
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign(this.key);
    return { token, expiresAt: new Date((iat + this.ttlSeconds) * 1000) };
  }

  /** Whether a bearer token claims to be a resident's (unverified header only: decides the path, not the trust). */
  claimsResident(token: string): boolean {
    try {
      return decodeProtectedHeader(token).typ === RESIDENT_TOKEN_TYPE;
    } catch {
      return false;
    }
  }

  async verify(token: string): Promise<ResidentClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        typ: RESIDENT_TOKEN_TYPE,
        clockTolerance: this.clockSkewSeconds,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      const { tid, tcode, phone, sid } = payload as Record<string, unknown>;
      if (typeof tid !== 'string' || typeof tcode !== 'string' || typeof phone !== 'string' || typeof sid !== 'string')
        throw new InvalidTokenError('malformed resident claims');
      if (payload.iat! > Date.now() / 1000 + this.clockSkewSeconds) throw new InvalidTokenError('issued in the future');
      return {
        tenantId: tid,
        tenantCode: tcode,
        phone,
        sessionId: sid,
        subject: payload.sub!,
        expiresAt: new Date(payload.exp! * 1000),
      };
    } catch (e) {
      if (e instanceof InvalidTokenError) throw e;
      if (e instanceof joseErrors.JOSEError) throw new InvalidTokenError(e.code);
      throw e;
    }
  }
}
