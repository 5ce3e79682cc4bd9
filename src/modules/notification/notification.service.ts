import type { ReadScope, TenantScope } from '../../core/tenancy/scope';
import { rowShape } from '../../core/db/plain-rows';
import { readPage } from '../../core/db/read-page';
import { tenantPredicate } from '../../core/db/tenant-wall';
import type { Page, PageRequest } from '../../shared/page';
import { userError } from '../../shared/user-error';
import { pgArray } from '../../core/db/by-id';
import { isUuid, uuidv7 } from '../../shared/ids';
import { fail, ok, type Result } from '../../shared/result';
import type { AuditService } from '../audit/audit.service';
import { NOTIFICATION_LEVELS, NotificationEntity, type NotificationLevel } from './notification.entity';
import { NotificationErrorCode as E } from './notification.errors';
import type { NotificationSettingsService } from './notification-settings.service';
import { assertNoPersonalData } from './personal-data-guard';
import { deliverAt } from './quiet-hours';
import { isEventType } from './webhook.rules';
import type { WebhookService } from './webhook.service';
import type { MessageRef } from '../../shared/message-ref';
import { render } from '../../core/i18n/translate';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../core/i18n/locale';
import { resolveRecipients, type RecipientSpec, type Recipients } from './recipients';

/** What the Notification type shows of a notification row: the inbox reads these columns. */
export type NotificationFields = Pick<
  NotificationEntity,
  'id' | 'type' | 'level' | 'title' | 'data' | 'urgent' | 'caseId' | 'deliverAt' | 'createdAt' | 'readAt'
>;
const notificationRow = rowShape<NotificationFields>({
  id: 'value',
  type: 'value',
  level: 'value',
  title: 'value',
  data: 'value',
  urgent: 'value',
  caseId: 'value',
  deliverAt: 'timestamp',
  createdAt: 'timestamp',
  readAt: 'timestamp',
});
const NOTIFICATION_COLUMNS = notificationRow.select('n');

export type NotifyRecipients = RecipientSpec;

export interface NotifyInput {
  caseId: string | null;
  /** e.g. `SLA_YELLOW`; also the webhook event type */
  type: string;
  level: NotificationLevel;
  /**
   * no personal data: the case number and a short phrase. A catalogue message is stored in
   * Chinese (the inbox's and webhooks' default) and read back in each reader's language.
   */
  title: string | MessageRef;
  /** ids only */
  data?: Record<string, unknown>;
  recipients: NotifyRecipients;
  /** one notification per key and recipient, ever (e.g. `sla-<checkpointId>`) */
  dedupeKey: string;
  /** bypasses quiet hours (RED on HIGH/MAJOR risk) */
  urgent?: boolean;
  /** deliver no earlier than this (default now); quiet hours are judged at the later of this and now */
  at?: Date;
}

export interface MarkReadInput {
  ids?: string[] | null;
  all?: boolean | null;
}

const MAX_MARK_IDS = 100;

/** Where a notification row keeps its title's catalogue message (left out of what clients see as `data`). */
export const TITLE_MESSAGE_KEY = 'titleMessage';

/** The kinds of notification the application sends; each has a `notification.<TYPE>` title in the catalogue. */
export const NOTIFICATION_TYPES = [
  'SLA_YELLOW',
  'SLA_RED',
  'SLA_ESCALATION',
  'SUPERVISION_ISSUED',
  'SUPERVISION_REPLIED',
] as const;

/**
 * Notifications for staff, and the entry point other modules call. `notify` and `emit` run inside
 * the caller's transaction: a notification exists exactly when the change that caused it commits.
 */
export class NotificationService {
  constructor(
    private readonly audit: AuditService,
    private readonly settings: NotificationSettingsService,
    private readonly webhooks: WebhookService,
    private readonly locales: {
      ofStaff(scope: TenantScope, staffIds: readonly string[]): Promise<Map<string, Locale>>;
    },
  ) {}

  /**
   * Inserts one notification per recipient (a repeat with the same dedupe key adds none), deferred
   * past the tenant's quiet hours unless urgent, and writes the webhook outbox rows for `type`.
   * Invalid input is a programming error and throws.
   */
  async notify(scope: TenantScope, input: NotifyInput): Promise<{ created: number }> {
    if (!isEventType(input.type))
      throw new Error(`notification type "${input.type}" must be letters, digits, _, - or . (e.g. SLA_RED)`);
    if (!NOTIFICATION_LEVELS.includes(input.level)) throw new Error(`unknown notification level ${input.level}`);
    const titleRef = typeof input.title === 'string' ? null : input.title;
    const timeZone = { timeZone: scope.tenant.timeZone };
    const title = (titleRef ? render(DEFAULT_LOCALE, titleRef, timeZone) : (input.title as string)).trim();
    if (!title || title.length > 200) throw new Error('a notification title has 1 to 200 characters');
    if (!input.dedupeKey || input.dedupeKey.length > 300) throw new Error('a dedupe key has 1 to 300 characters');
    if (input.caseId !== null && !isUuid(input.caseId)) throw new Error('caseId must be a UUID');
    assertNoPersonalData(title, 'title');
    assertNoPersonalData(input.data ?? {});

    const { staffIds: recipients } = await resolveRecipients(scope, input.caseId, input.recipients);
    // A checkpoint whose job ran late (Redis was down) must not wake anyone at night because
    // it was due in the evening: what matters is when the notification would now arrive.
    const at = new Date(Math.max(input.at?.getTime() ?? 0, Date.now()));
    const when = deliverAt(at, await this.settings.quietHours(scope), scope.tenant.timeZone, !!input.urgent);
    // Each recipient's row and webhook line in the language they chose; Chinese for everyone else.
    const chosen = titleRef ? await this.locales.ofStaff(scope, recipients) : new Map<string, Locale>();
    const localeOf = (staffId: string): Locale => chosen.get(staffId) ?? DEFAULT_LOCALE;
    const titleOf = (staffId: string) => (titleRef ? render(localeOf(staffId), titleRef, timeZone).trim() : title);
    let created = 0;
    if (recipients.length) {
      const rows = await scope.em.execute<{ id: string }[]>(
        `insert into notifications (tenant_id, id, recipient_staff_id, case_id, type, level, title, data, dedupe_key, urgent, deliver_at)
         select ?, x.id, x.staff, ?, ?, ?, x.title, ?::jsonb, ?, ?, ? from unnest(?::uuid[], ?::uuid[], ?::text[]) as x(id, staff, title)
         on conflict (tenant_id, dedupe_key, recipient_staff_id) do nothing
         returning id`,
        [
          scope.tenant.id,
          input.caseId,
          input.type,
          input.level,
          JSON.stringify(titleRef ? { ...input.data, [TITLE_MESSAGE_KEY]: titleRef } : (input.data ?? {})),
          input.dedupeKey,
          !!input.urgent,
          when,
          pgArray(recipients.map(() => uuidv7())),
          pgArray(recipients),
          pgArray(recipients.map(titleOf)),
        ],
      );
      created = rows.length;
    }
    await this.webhooks.emit(scope, {
      type: input.type,
      caseId: input.caseId,
      data: input.data ?? {},
      dedupeKey: input.dedupeKey,
      extra: {
        notification: {
          level: input.level,
          title,
          urgent: !!input.urgent,
          recipientStaffIds: recipients,
          // Receivers choose their language: the same sentence in each the API speaks.
          ...(titleRef && {
            summary: Object.fromEntries(LOCALES.map((l) => [l, render(l, titleRef, timeZone)])),
            // …and each recipient's own, so a receiver relaying to people need not choose for them.
            recipients: recipients.map((staffId) => ({
              staffId,
              locale: localeOf(staffId),
              summary: titleOf(staffId),
            })),
          }),
        },
      },
    });
    return { created };
  }

  /**
   * The caller's delivered notifications, newest first, as plain rows in one statement (the read
   * path: the inbox and its badge are read on every console page). The count only when asked.
   */
  inbox(
    scope: ReadScope,
    subject: string,
    filter: { unreadOnly?: boolean | null },
    req: PageRequest,
  ): Promise<Page<NotificationFields>> {
    const t = tenantPredicate('n', scope.tenant.id);
    const where = [
      t.sql,
      'n.recipient_staff_id = (select s.id from staff_members s where s.tenant_id = ? and s.keycloak_subject = ?)',
      'n.deliver_at <= now()',
    ];
    if (filter.unreadOnly) where.push('n.read_at is null');
    return readPage(
      scope,
      {
        select: `select ${NOTIFICATION_COLUMNS} from notifications n`,
        where,
        params: [...t.params, scope.tenant.id, subject],
        key: ['n.deliver_at', 'n.id'],
        descending: true,
        countFrom: 'notifications n',
        read: (r) => notificationRow.read(r),
        cursor: (n) => [n.deliverAt.toISOString(), n.id],
      },
      req,
    );
  }

  async unreadCount(scope: ReadScope, subject: string): Promise<number> {
    const [row] = await scope.read<{ n: number }>(
      `select count(*)::int as n from notifications n join staff_members s on s.tenant_id = n.tenant_id and s.id = n.recipient_staff_id
       where n.tenant_id = ? and s.keycloak_subject = ? and n.read_at is null and n.deliver_at <= now()`,
      [scope.tenant.id, subject],
    );
    return row?.n ?? 0;
  }

  /** Marks the given notifications of the caller, or all of them; an id that is not the caller's refuses the whole call. */
  async markRead(
    scope: TenantScope,
    subject: string,
    input: MarkReadInput,
  ): Promise<Result<{ marked: number; unread: number }, E>> {
    const ids = input.ids ?? [];
    if (!!input.all === ids.length > 0) return fail(userError(['input'], E.INVALID, 'notification.idsOrAll'));
    if (ids.length > MAX_MARK_IDS)
      return fail(userError(['input', 'ids'], E.INVALID, 'notification.tooManyIds', { max: MAX_MARK_IDS }));
    const visible = `n.tenant_id = ? and n.deliver_at <= now()
      and n.recipient_staff_id = (select s.id from staff_members s where s.tenant_id = ? and s.keycloak_subject = ?)`;
    const params = [scope.tenant.id, scope.tenant.id, subject];
    if (ids.length) {
      const mine = new Set(
        (
          await scope.em.execute<{ id: string }[]>(
            `select n.id from notifications n where ${visible} and n.id = any(?::uuid[])`,
            [...params, pgArray(ids.filter(isUuid))],
          )
        ).map((r) => r.id),
      );
      const missing = ids.map((id, i) => [id, i] as const).filter(([id]) => !mine.has(id));
      if (missing.length)
        return fail(
          ...missing.map(([, i]) => userError(['input', 'ids', String(i)], E.NOT_FOUND, 'notFound.notification')),
        );
    }
    const marked = await scope.em.execute<{ id: string }[]>(
      `update notifications n set read_at = now() where ${visible} and n.read_at is null ${ids.length ? 'and n.id = any(?::uuid[])' : ''} returning n.id`,
      ids.length ? [...params, pgArray(ids)] : params,
    );
    this.audit.record(scope, {
      action: 'notification.markRead',
      targetType: 'Notification',
      targetId: null,
      after: { count: marked.length, all: !!input.all },
    });
    return ok({ marked: marked.length, unread: await this.unreadCount(scope, subject) });
  }

  /** Whom a notice would reach (the one recipient rule, with its fallback chain for case notices). */
  recipientsFor(scope: TenantScope, caseId: string | null, spec: RecipientSpec): Promise<Recipients> {
    return resolveRecipients(scope, caseId, spec);
  }
}
