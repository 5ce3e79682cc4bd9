import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface CodeSettings {
  ttlSeconds: number;
  /** wrong codes in a row before the number is locked */
  maxAttempts: number;
  lockSeconds: number;
}

export type CodeCheck =
  | { ok: true }
  | { ok: false; reason: 'LOCKED'; retryAfterSeconds: number }
  | { ok: false; reason: 'EXPIRED' }
  | { ok: false; reason: 'WRONG'; attemptsLeft: number };

/**
 * One-time sign-in codes in Redis, per tenant and phone (keyed by the phone's pseudonym, so no
 * number sits in Redis). Only an HMAC of the code is stored; a code is deleted by the check that
 * accepts it (DEL's answer decides, so two concurrent uses cannot both pass), so a reused code
 * finds nothing, as an expired one does. Wrong codes are counted across codes: the fifth in a
 * row locks the number for `lockSeconds`, during which no code is sent or accepted.
 */
export class ResidentCodes {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly key: Uint8Array | string,
    readonly settings: CodeSettings,
  ) {}

  private k(kind: 'code' | 'fail' | 'lock', tenantId: string, who: string) {
    return `${this.prefix}:resident:${kind}:${tenantId}:${who}`;
  }

  private digest(code: string) {
    return createHmac('sha256', this.key).update(code).digest();
  }

  /** Seconds the number stays locked, or 0. */
  async lockedFor(tenantId: string, who: string): Promise<number> {
    const ttl = await this.redis.ttl(this.k('lock', tenantId, who));
    return ttl > 0 ? ttl : 0;
  }

  /** A fresh six-digit code replacing any earlier one. */
  async issue(tenantId: string, who: string): Promise<string> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.redis.set(
      this.k('code', tenantId, who),
      this.digest(code).toString('hex'),
      'EX',
      this.settings.ttlSeconds,
    );
    return code;
  }

  async check(tenantId: string, who: string, code: string): Promise<CodeCheck> {
    const locked = await this.lockedFor(tenantId, who);
    if (locked) return { ok: false, reason: 'LOCKED', retryAfterSeconds: locked };
    const stored = await this.redis.get(this.k('code', tenantId, who));
    if (!stored) return { ok: false, reason: 'EXPIRED' };
    const given = this.digest(code.trim());
    if (timingSafeEqual(Buffer.from(stored, 'hex'), given)) {
      const deleted = await this.redis.del(this.k('code', tenantId, who));
      if (!deleted) return { ok: false, reason: 'EXPIRED' };
      await this.redis.del(this.k('fail', tenantId, who));
      return { ok: true };
    }
    const failKey = this.k('fail', tenantId, who);
    const fails = await this.redis.incr(failKey);
    await this.redis.expire(failKey, this.settings.lockSeconds);
    if (fails >= this.settings.maxAttempts) {
      await this.redis
        .multi()
        .set(this.k('lock', tenantId, who), '1', 'EX', this.settings.lockSeconds)
        .del(this.k('code', tenantId, who), failKey)
        .exec();
      return { ok: false, reason: 'LOCKED', retryAfterSeconds: this.settings.lockSeconds };
    }
    return { ok: false, reason: 'WRONG', attemptsLeft: this.settings.maxAttempts - fails };
  }
}
