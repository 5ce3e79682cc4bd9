import type { Orm } from '../../core/db/orm';
import type { Logger } from '../../core/observability/logger';
import type { TenantScope } from '../../core/tenancy/scope';
import { withTenantScope } from '../../core/tenancy/tenant-tx';
import { userError } from '../../shared/user-error';
import { fail, ok, type Result } from '../../shared/result';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import { maskPhone } from '../case/personal-data';
import type { ResidentCodes } from './resident-codes';
import type { ResidentLimits } from './resident-limits';
import type { ResidentTokens } from './resident-token';
import type { ResidentErrorCode } from './resident.errors';
import { SmsError, type SmsSender } from './sms/sms-sender';

/** Mainland mobiles only: a code goes by SMS, which a landline cannot receive. */
const MOBILE_RE = /^1[3-9]\d{9}$/;
export const normalizePhone = (p: string) => p.replace(/[\s-]/g, '').replace(/^\+?86/, '');
export const isMobile = (p: string) => MOBILE_RE.test(p);

export interface CodeSent {
  maskedPhone: string;
  expiresInSeconds: number;
}

export interface Session {
  token: string;
  expiresAt: Date;
  maskedPhone: string;
}

/**
 * Proving a phone: a one-time code by SMS, then a short resident session token. Every attempt is
 * audited under the phone's pseudonym — refusals in a transaction of their own, since the
 * request's is rolled back when it answers with userErrors.
 */
export class ResidentAuthService {
  constructor(
    private readonly orm: Orm,
    private readonly audit: AuditService,
    private readonly tokens: ResidentTokens,
    private readonly codes: ResidentCodes,
    private readonly limits: ResidentLimits,
    private readonly sms: SmsSender,
    private readonly log: Logger,
  ) {}

  async requestCode(scope: TenantScope, rawPhone: string): Promise<Result<CodeSent, ResidentErrorCode>> {
    const phone = normalizePhone(rawPhone);
    if (!isMobile(phone)) return fail(userError(['input', 'phone'], 'PHONE_INVALID', 'resident.phoneInvalid'));
    const who = this.tokens.pseudonym(scope.tenant.id, phone);
    const locked = await this.codes.lockedFor(scope.tenant.id, who);
    if (locked) {
      await this.auditRefusal(scope, who, 'resident.code-requested', 'PHONE_LOCKED');
      return fail(
        userError(['input', 'phone'], 'PHONE_LOCKED', 'resident.phoneLocked', { minutes: Math.ceil(locked / 60) }),
      );
    }
    await this.limits.consume('code', { phone: who, ip: scope.actor.ip, tenant: scope.tenant.id });
    const code = await this.codes.issue(scope.tenant.id, who);
    try {
      await this.sms.send({
        phone,
        template: 'VERIFY_CODE',
        params: { code, minutes: String(Math.round(this.codes.settings.ttlSeconds / 60)) },
      });
    } catch (e) {
      if (!(e instanceof SmsError)) throw e;
      this.log.warn({ err: e, provider: this.sms.name }, 'resident code not sent');
      await this.auditRefusal(scope, who, 'resident.code-requested', 'SMS_FAILED');
      return fail(userError(['input', 'phone'], 'SMS_FAILED', 'resident.smsFailed'));
    }
    this.audit.record(scope, {
      action: 'resident.code-requested',
      targetType: 'ResidentPhone',
      targetId: null,
      after: { resident: who },
    });
    return ok({ maskedPhone: maskPhone(phone)!, expiresInSeconds: this.codes.settings.ttlSeconds });
  }

  async verify(scope: TenantScope, rawPhone: string, code: string): Promise<Result<Session, ResidentErrorCode>> {
    const phone = normalizePhone(rawPhone);
    if (!isMobile(phone)) return fail(userError(['input', 'phone'], 'PHONE_INVALID', 'resident.phoneInvalid'));
    const who = this.tokens.pseudonym(scope.tenant.id, phone);
    const r = await this.codes.check(scope.tenant.id, who, code);
    if (!r.ok) {
      await this.auditRefusal(scope, who, 'resident.sign-in', r.reason);
      if (r.reason === 'LOCKED')
        return fail(
          userError(['input', 'code'], 'PHONE_LOCKED', 'resident.phoneLocked', {
            minutes: Math.ceil(r.retryAfterSeconds / 60),
          }),
        );
      if (r.reason === 'EXPIRED') return fail(userError(['input', 'code'], 'CODE_EXPIRED', 'resident.codeExpired'));
      return fail(userError(['input', 'code'], 'CODE_INVALID', 'resident.codeInvalid', { left: r.attemptsLeft }));
    }
    const { token, expiresAt } = await this.tokens.sign(scope.tenant, phone);
    this.audit.record(scope, {
      action: 'resident.sign-in',
      targetType: 'ResidentPhone',
      targetId: null,
      after: { resident: who },
    });
    return ok({ token, expiresAt, maskedPhone: maskPhone(phone)! });
  }

  /** A refused attempt, recorded even though the request's own transaction is rolled back. */
  private async auditRefusal(scope: TenantScope, who: string, action: string, reason: string): Promise<void> {
    // The phone is named by its pseudonym only (audit rows are read by staff and kept for years).
    const entry: AuditEntry = {
      action,
      targetType: 'ResidentPhone',
      targetId: null,
      after: { resident: who, reason },
      success: false,
    };
    await withTenantScope(this.orm, scope.tenant, scope.actor, async (s) => this.audit.record(s, entry));
  }
}
