import type { TenantScope } from '../../core/tenancy/scope';
import { userError, type UserErrorData } from '../../shared/user-error';
import { fail, ok, type Result } from '../../shared/result';
import { snapshot, type AuditService } from '../audit/audit.service';
import { NotificationSettingsEntity } from './notification.entity';
import { NotificationErrorCode as E } from './notification.errors';
import { HHMM_RE, type QuietHours } from './quiet-hours';

export interface NotificationSettingsFields {
  quietHoursEnabled?: boolean | null;
  quietStart?: string | null;
  quietEnd?: string | null;
}

/** The tenant's quiet hours; a tenant that never saved any gets 22:00–07:30, on. */
export class NotificationSettingsService {
  constructor(private readonly audit: AuditService) {}

  async get(scope: TenantScope): Promise<NotificationSettingsEntity> {
    return (
      (await scope.em.findOne(NotificationSettingsEntity, { tenantId: scope.tenant.id })) ??
      Object.assign(new NotificationSettingsEntity(), { tenantId: scope.tenant.id })
    );
  }

  async quietHours(scope: TenantScope): Promise<QuietHours> {
    const s = await this.get(scope);
    return { enabled: s.quietHoursEnabled, start: s.quietStart, end: s.quietEnd };
  }

  async update(scope: TenantScope, input: NotificationSettingsFields): Promise<Result<NotificationSettingsEntity, E>> {
    const errors: UserErrorData<E>[] = [];
    for (const k of ['quietStart', 'quietEnd'] as const) {
      const v = input[k];
      if (v != null && !HHMM_RE.test(v)) errors.push(userError(['input', k], E.INVALID, 'input.localTime'));
    }
    if (errors.length) return fail(...errors);
    let s = await scope.em.findOne(NotificationSettingsEntity, { tenantId: scope.tenant.id });
    const before = s ? snapshot(s) : null;
    if (!s) {
      s = Object.assign(new NotificationSettingsEntity(), { tenantId: scope.tenant.id });
      scope.em.persist(s);
    }
    if (input.quietHoursEnabled != null) s.quietHoursEnabled = input.quietHoursEnabled;
    if (input.quietStart != null) s.quietStart = input.quietStart;
    if (input.quietEnd != null) s.quietEnd = input.quietEnd;
    this.audit.record(scope, {
      action: 'notificationSettings.update',
      targetType: 'NotificationSettings',
      targetId: null,
      before,
      after: snapshot(s),
    });
    await scope.em.flush();
    return ok(s);
  }
}
