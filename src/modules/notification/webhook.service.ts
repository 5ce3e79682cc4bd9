import type { TenantScope } from '../../core/tenancy/scope';
import { toPage, type Page, type PageRequest } from '../../shared/page';
import { userError, type UserErrorData } from '../../shared/user-error';
import { findById, findByIds, pgArray } from '../../core/db/by-id';
import type { Em } from '../../core/tenancy/tenant-tx';
import { isUuid, uuidv7 } from '../../shared/ids';
import { fail, ok, type Result } from '../../shared/result';
import type { AuditService } from '../audit/audit.service';
import { NotificationErrorCode as E } from './notification.errors';
import { assertNoPersonalData } from './personal-data-guard';
import { checkWebhookUrl, isEventPattern, isEventType, patternsFor } from './webhook.rules';
import { newWebhookSecret } from './webhook.signing';
import { WebhookDeliveryEntity, WebhookSubscriptionEntity, type DeliveryStatus } from './webhook.entity';
import type { WebhookDispatcher } from './webhook-delivery.service';
import { listArg } from '../../shared/message-ref';

export interface SubscriptionInput {
  url?: string | null;
  eventTypes?: string[] | null;
  active?: boolean | null;
}

export interface EmitInput {
  type: string;
  caseId: string | null;
  /** ids and non-personal fields only (refused otherwise) */
  data?: Record<string, unknown>;
  /** the same key again announces nothing new (a retried job, a repeated checkpoint) */
  dedupeKey?: string | null;
}

export interface SubscriptionWithSecret {
  subscription: WebhookSubscriptionEntity;
  /** set when a secret was generated: the only time it leaves the server */
  secret: string | null;
}

const MAX_EVENT_TYPES = 50;

/** Subscriptions, the outbox of events, and the tenant admin's view of deliveries and dead letters. */
export class WebhookService {
  constructor(
    private readonly audit: AuditService,
    private readonly dispatcher: WebhookDispatcher,
    private readonly production: boolean,
  ) {}

  /**
   * Writes one delivery row per matching active subscription in the caller's transaction, and
   * asks for delivery once it commits. Without an after-commit hook (a job's own transaction) the
   * sweep picks the rows up within its interval.
   */
  async emit(
    scope: TenantScope,
    e: EmitInput & { extra?: Record<string, unknown> },
  ): Promise<{ eventId: string; deliveries: number }> {
    if (!isEventType(e.type))
      throw new Error(`event type "${e.type}" must be letters, digits, _, - or . (e.g. SLA_RED)`);
    if (e.caseId !== null && !isUuid(e.caseId)) throw new Error('caseId must be a UUID');
    assertNoPersonalData(e.data ?? {});
    assertNoPersonalData(e.extra ?? {}, 'event');
    const eventId = uuidv7();
    const tenantId = scope.tenant.id;
    const subs = await scope.em.execute<{ id: string }[]>(
      'select id from webhook_subscriptions where tenant_id = ? and active and deleted_at is null and event_types && ?::text[] order by id',
      [tenantId, pgArray(patternsFor(e.type))],
    );
    if (!subs.length) return { eventId, deliveries: 0 };
    const payload = {
      id: eventId,
      type: e.type,
      occurredAt: new Date().toISOString(),
      tenantId,
      tenantCode: scope.tenant.code,
      caseId: e.caseId,
      ...e.extra,
      data: e.data ?? {},
    };
    const ids = subs.map(() => uuidv7());
    const rows = await scope.em.execute<{ id: string }[]>(
      `insert into webhook_deliveries (tenant_id, id, subscription_id, event_id, event_type, dedupe_key, payload, next_attempt_at)
       select ?, x.id, x.sub, ?, ?, ?, ?::jsonb, now() from unnest(?::uuid[], ?::uuid[]) as x(id, sub)
       on conflict (tenant_id, subscription_id, dedupe_key) where dedupe_key is not null do nothing
       returning id`,
      [
        tenantId,
        eventId,
        e.type,
        e.dedupeKey ?? null,
        JSON.stringify(payload),
        pgArray(ids),
        pgArray(subs.map((s) => s.id)),
      ],
    );
    const created = rows.map((r) => r.id);
    if (created.length)
      scope.afterCommit(() => this.dispatcher.request(created.map((deliveryId) => ({ tenantId, deliveryId }))));
    return { eventId, deliveries: created.length };
  }

  async list(scope: TenantScope, { first, after }: PageRequest): Promise<Page<WebhookSubscriptionEntity>> {
    const where = { tenantId: scope.tenant.id, deletedAt: null };
    const qb = scope.em.createQueryBuilder(WebhookSubscriptionEntity, 's').where(where);
    if (after) qb.andWhere('s.id > ?', [after[0]]);
    const rows = await qb
      .orderBy({ id: 'asc' })
      .limit(first + 1)
      .getResult();
    const page = toPage(rows, first, (s) => [s.id], !!after);
    page.totalCount = () => scope.em.count(WebhookSubscriptionEntity, where);
    return page;
  }

  /** Deleted ones too: a delivery still names its subscription. */
  byIds(em: Em, tenantId: string, ids: readonly string[]): Promise<WebhookSubscriptionEntity[]> {
    return findByIds(em, WebhookSubscriptionEntity, tenantId, ids);
  }

  async create(
    scope: TenantScope,
    input: SubscriptionInput & { url: string; eventTypes: string[] },
  ): Promise<Result<SubscriptionWithSecret, E>> {
    const errors = this.validate(input);
    if (errors.length) return fail(...errors);
    const secret = newWebhookSecret();
    const sub = scope.em.create(WebhookSubscriptionEntity, {
      tenantId: scope.tenant.id,
      url: checkedUrl(input.url, this.production),
      secret,
      eventTypes: [...new Set(input.eventTypes)],
      active: input.active ?? true,
    } as WebhookSubscriptionEntity);
    this.audit.record(scope, {
      action: 'webhookSubscription.create',
      targetType: 'WebhookSubscription',
      targetId: sub.id,
      after: auditView(sub),
    });
    await scope.em.flush();
    return ok({ subscription: sub, secret });
  }

  async update(
    scope: TenantScope,
    input: SubscriptionInput & { id: string; rotateSecret?: boolean | null },
  ): Promise<Result<SubscriptionWithSecret, E>> {
    const errors = this.validate(input);
    const sub = await this.live(scope, input.id);
    if (!sub) errors.push(userError(['input', 'id'], E.NOT_FOUND, 'notFound.webhookSubscription'));
    if (errors.length || !sub) return fail(...errors);
    const before = auditView(sub);
    if (input.url != null) sub.url = checkedUrl(input.url, this.production);
    if (input.eventTypes != null) sub.eventTypes = [...new Set(input.eventTypes)];
    if (input.active != null) sub.active = input.active;
    const secret = input.rotateSecret ? newWebhookSecret() : null;
    if (secret) sub.secret = secret;
    this.audit.record(scope, {
      action: 'webhookSubscription.update',
      targetType: 'WebhookSubscription',
      targetId: sub.id,
      before,
      after: { ...auditView(sub), secretRotated: !!secret },
    });
    await scope.em.flush();
    return ok({ subscription: sub, secret });
  }

  /**
   * Keeps the row (its deliveries stay readable) and ends the deliveries still waiting: a
   * receiver that was removed must not be called again.
   */
  async delete(scope: TenantScope, id: string): Promise<Result<WebhookSubscriptionEntity, E>> {
    const sub = await this.live(scope, id);
    if (!sub) return fail(userError(['input', 'id'], E.NOT_FOUND, 'notFound.webhookSubscription'));
    const before = auditView(sub);
    sub.deletedAt = new Date();
    sub.active = false;
    await scope.em.execute(
      `update webhook_deliveries set status = 'DEAD', last_error = 'subscription deleted' where tenant_id = ? and subscription_id = ? and status = 'PENDING'`,
      [scope.tenant.id, sub.id],
    );
    this.audit.record(scope, {
      action: 'webhookSubscription.delete',
      targetType: 'WebhookSubscription',
      targetId: sub.id,
      before,
      after: auditView(sub),
    });
    await scope.em.flush();
    return ok(sub);
  }

  /** Newest first (ids are time-ordered); dead letters included. */
  async deliveries(
    scope: TenantScope,
    filter: { status?: DeliveryStatus | null; subscriptionId?: string | null },
    { first, after }: PageRequest,
  ): Promise<Page<WebhookDeliveryEntity>> {
    const where: Record<string, unknown> = { tenantId: scope.tenant.id };
    if (filter.status) where['status'] = filter.status;
    if (filter.subscriptionId) {
      if (!isUuid(filter.subscriptionId)) return toPage([], first, () => [], false);
      where['subscriptionId'] = filter.subscriptionId;
    }
    const qb = scope.em.createQueryBuilder(WebhookDeliveryEntity, 'd').where(where);
    if (after) qb.andWhere('d.id < ?', [after[0]]);
    const rows = await qb
      .orderBy({ id: 'desc' })
      .limit(first + 1)
      .getResult();
    const page = toPage(rows, first, (d) => [d.id], !!after);
    page.totalCount = () => scope.em.count(WebhookDeliveryEntity, where);
    return page;
  }

  /** A dead letter tried again from the start, once its receiver is fixed. */
  async redeliver(scope: TenantScope, id: string): Promise<Result<WebhookDeliveryEntity, E>> {
    const d = await findById(scope.em, WebhookDeliveryEntity, scope.tenant.id, id);
    if (!d) return fail(userError(['input', 'id'], E.NOT_FOUND, 'notFound.webhookDelivery'));
    if (d.status !== 'DEAD') return fail(userError(['input', 'id'], E.NOT_DEAD, 'webhook.notDead'));
    const sub = await this.live(scope, d.subscriptionId);
    if (!sub?.active) return fail(userError(['input', 'id'], E.NOT_FOUND, 'webhook.subscriptionInactive'));
    const before = { status: d.status, attempts: d.attempts, lastError: d.lastError };
    Object.assign(d, {
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: new Date(),
      lastError: null,
      lastStatusCode: null,
    });
    this.audit.record(scope, {
      action: 'webhookDelivery.redeliver',
      targetType: 'WebhookDelivery',
      targetId: d.id,
      before,
    });
    await scope.em.flush();
    const tenantId = scope.tenant.id;
    scope.afterCommit(() => this.dispatcher.request([{ tenantId, deliveryId: d.id }]));
    return ok(d);
  }

  private live(scope: TenantScope, id: string): Promise<WebhookSubscriptionEntity | null> {
    return isUuid(id)
      ? scope.em.findOne(WebhookSubscriptionEntity, { tenantId: scope.tenant.id, id, deletedAt: null })
      : Promise.resolve(null);
  }

  private validate(input: SubscriptionInput): UserErrorData<E>[] {
    const errors: UserErrorData<E>[] = [];
    if (input.url != null) {
      const u = checkWebhookUrl(input.url, this.production);
      if (!u.ok) errors.push(userError(['input', 'url'], u.code, u.message));
    }
    if (input.eventTypes != null) {
      const bad = input.eventTypes.filter((t) => !isEventPattern(t));
      if (!input.eventTypes.length || input.eventTypes.length > MAX_EVENT_TYPES) {
        errors.push(
          userError(['input', 'eventTypes'], E.INVALID_EVENT_TYPE, 'webhook.eventTypeCount', { max: MAX_EVENT_TYPES }),
        );
      } else if (bad.length) {
        errors.push(
          userError(['input', 'eventTypes'], E.INVALID_EVENT_TYPE, 'webhook.badEventTypes', { types: listArg(bad) }),
        );
      }
    }
    return errors;
  }
}

function checkedUrl(raw: string, production: boolean): string {
  const u = checkWebhookUrl(raw, production);
  if (!u.ok) throw new Error('validated before');
  return u.url;
}

/** What the audit trail keeps of a subscription: never the secret. */
const auditView = (s: WebhookSubscriptionEntity) => ({
  id: s.id,
  url: s.url,
  eventTypes: s.eventTypes,
  active: s.active,
  deletedAt: s.deletedAt?.toISOString() ?? null,
});
