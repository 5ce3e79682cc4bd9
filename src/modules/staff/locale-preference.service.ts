import type { ReadScope, TenantScope } from '../../core/tenancy/scope';
import { isLocale, type Locale } from '../../core/i18n/locale';
import { pgArray } from '../../core/db/by-id';
import { userError } from '../../shared/user-error';
import { fail, ok, type Result } from '../../shared/result';
import type { AuditService } from '../audit/audit.service';
import { StaffErrorCode as E } from './staff.errors';

/**
 * How long a process trusts a saved language it read, as the tenant directory does: a change made
 * through this process shows at once, through another replica within this time.
 */
const TTL_MS = 10_000;
/** Bounds the cache under a crowd of sign-ins; the oldest entries go first. */
const MAX_ENTRIES = 20_000;

/**
 * A person's saved language in a tenant (`person_preferences`, keyed by sign-in subject), the
 * second rule of `chooseLocale`: read for each request (cached, so a warm request costs no SQL)
 * and for each recipient a worker writes a notification for.
 */
export class LocalePreferences {
  private readonly cache = new Map<string, { locale: Locale | null; at: number }>();

  constructor(private readonly audit: AuditService) {}

  /**
   * The saved language of `subject` in the tenant, or null. On a miss it reads through `read`: a
   * GraphQL operation passes its unit of work's reader (one round trip of its own, no transaction
   * opened for an operation that may need none).
   */
  async preferred(tenantId: string, subject: string, read: ReadScope['read']): Promise<Locale | null> {
    const key = `${tenantId}\u0000${subject}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at <= TTL_MS) return hit.locale;
    const [row] = await read<{ locale: string }>(
      'select locale from person_preferences where tenant_id = ? and subject = ?',
      [tenantId, subject],
    );
    const locale = row && isLocale(row.locale) ? row.locale : null;
    this.remember(key, locale);
    return locale;
  }

  /** Saves the caller's language (null: none, Accept-Language decides again). */
  async set(scope: TenantScope, locale: string | null): Promise<Result<Locale | null, E>> {
    if (locale !== null && !isLocale(locale))
      return fail(
        userError(['input', 'locale'], E.UNKNOWN_LOCALE, 'error.unknownLocale', { locales: { list: ['zh-CN', 'en'] } }),
      );
    const { tenant, actor } = scope;
    if (locale === null)
      await scope.em.execute('delete from person_preferences where tenant_id = ? and subject = ?', [
        tenant.id,
        actor.subject,
      ]);
    else
      await scope.em.execute(
        `insert into person_preferences (tenant_id, subject, locale) values (?, ?, ?)
         on conflict (tenant_id, subject) do update set locale = excluded.locale, updated_at = now()`,
        [tenant.id, actor.subject, locale],
      );
    this.audit.record(scope, { action: 'preference.locale', targetType: 'Person', targetId: null, after: { locale } });
    await scope.em.flush();
    // Forget only once committed: a rolled-back change must not be served from the cache.
    scope.afterCommit(async () => void this.cache.delete(`${tenant.id}\u0000${actor.subject}`));
    return ok(locale);
  }

  /** The saved language of each of these staff members that has one (through their sign-in subject). */
  async ofStaff(scope: TenantScope, staffIds: readonly string[]): Promise<Map<string, Locale>> {
    if (!staffIds.length) return new Map();
    const rows = await scope.em.execute<{ id: string; locale: string }[]>(
      `select s.id, p.locale from staff_members s
         join person_preferences p on p.tenant_id = s.tenant_id and p.subject = s.keycloak_subject
        where s.tenant_id = ? and s.id = any(?::uuid[])`,
      [scope.tenant.id, pgArray(staffIds)],
    );
    return new Map(rows.filter((r) => isLocale(r.locale)).map((r) => [r.id, r.locale as Locale]));
  }

  private remember(key: string, locale: Locale | null): void {
    this.cache.delete(key);
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { locale, at: Date.now() });
  }
}
