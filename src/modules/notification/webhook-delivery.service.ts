import type { Orm } from '../../core/db/orm';
import type { QueueClient } from '../../core/queue/queue-client';
import { JOBS, jobId } from '../../core/queue/queues';
import { withTenant, type Em } from '../../core/tenancy/tenant-tx';
import { isUuid } from '../../shared/ids';
import { signWebhook } from './webhook.signing';

export interface WebhookDeliveryOptions {
  /** first retry after 2 × base, then doubling: 2^n × base (default 5 s) */
  retryBaseMs: number;
  /** no wait between attempts is longer (default 1 h) */
  retryMaxMs: number;
  /** the attempt that fails this many times makes the delivery DEAD (default 8) */
  maxAttempts: number;
  /** per request (default 10 s) */
  timeoutMs: number;
}

export const DEFAULT_DELIVERY_OPTIONS: WebhookDeliveryOptions = {
  retryBaseMs: 5_000,
  retryMaxMs: 3_600_000,
  maxAttempts: 8,
  timeoutMs: 10_000,
};

export type DeliveryOutcome =
  | { kind: 'delivered' }
  | { kind: 'dead' }
  /** try again in `inMs`; the row's next_attempt_at says the same */
  | { kind: 'retry'; inMs: number }
  /** nothing to do: delivered, dead, unknown, or claimed by someone else */
  | { kind: 'skipped' };

/** Wakes deliveries through the queue; the API's after-commit hooks and the sweep both use it. */
export interface WebhookDispatcher {
  request(items: { tenantId: string; deliveryId: string }[]): Promise<void>;
}

interface Claimed {
  attempts: number;
  event_type: string;
  payload: Record<string, unknown>;
  url: string | null;
  secret: string | null;
  usable: boolean;
}

/**
 * Sends webhook deliveries. The row is the truth: an attempt first *claims* the row (attempts + 1
 * and next_attempt_at pushed past the request timeout, only if it is PENDING and due), commits,
 * sends outside any transaction, then records the outcome only if the row still shows that claim.
 * A second worker, the sweep or a replayed job finds nothing to claim; a worker that dies mid-send
 * leaves a claim that expires and is tried again (at-least-once: receivers deduplicate on
 * X-OneDoor-Delivery).
 */
export class WebhookDeliveryService implements WebhookDispatcher {
  readonly options: WebhookDeliveryOptions;

  constructor(
    private readonly orm: Orm,
    private readonly queues: QueueClient | null,
    options: Partial<WebhookDeliveryOptions> = {},
  ) {
    this.options = { ...DEFAULT_DELIVERY_OPTIONS, ...options };
  }

  /** Wait after the n-th failed attempt: 2^n × base, capped. */
  backoffMs(attempts: number): number {
    return Math.min(this.options.retryBaseMs * 2 ** attempts, this.options.retryMaxMs);
  }

  async request(items: { tenantId: string; deliveryId: string }[]): Promise<void> {
    if (!this.queues || !items.length) return;
    const def = JOBS['webhook.deliver'];
    // The deterministic id makes a request for a delivery that is already queued, delayed or
    // running a no-op; failed jobs are not kept, so the sweep can always ask again.
    await this.queues.queue(def.queue).addBulk(
      items.map((p) => ({
        name: 'webhook.deliver',
        data: def.payload.parse(p),
        opts: { jobId: jobId('webhook.deliver', p.deliveryId), removeOnFail: true },
      })),
    );
  }

  async deliver(tenantId: string, deliveryId: string): Promise<DeliveryOutcome> {
    if (!isUuid(deliveryId)) return { kind: 'skipped' };
    const claim = await withTenant(this.orm, tenantId, (em) => this.claim(em, tenantId, deliveryId));
    if ('kind' in claim) return claim;
    const body = JSON.stringify(claim.payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(claim.url!, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'OneDoor-Webhooks/1',
          'x-onedoor-event': claim.event_type,
          'x-onedoor-delivery': deliveryId,
          'x-onedoor-timestamp': timestamp,
          'x-onedoor-signature': signWebhook(claim.secret!, timestamp, body),
        },
        body,
      });
      status = res.status;
      // The receiver's answer is not kept: it may say anything, personal data included.
      await res.body?.cancel().catch(() => undefined);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = describe(e);
    }
    return withTenant(this.orm, tenantId, (em) => this.record(em, tenantId, deliveryId, claim.attempts, status, error));
  }

  /** Due pending deliveries of every tenant, re-requested: losing Redis delays webhooks, never loses them. */
  async sweep(limit = 500): Promise<number> {
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ tenant_id: string; delivery_id: string }[]>(
        'select tenant_id, delivery_id from platform_due_webhook_deliveries(?)',
        [limit],
      );
    await this.request(rows.map((r) => ({ tenantId: r.tenant_id, deliveryId: r.delivery_id })));
    return rows.length;
  }

  private async claim(em: Em, tenantId: string, deliveryId: string): Promise<Claimed | DeliveryOutcome> {
    const leaseSeconds = Math.ceil(this.options.timeoutMs / 1000) + 30;
    const [row] = await em.execute<Claimed[]>(
      `update webhook_deliveries d set attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => ?)
       from webhook_subscriptions s
       where d.tenant_id = ? and d.id = ? and d.status = 'PENDING' and d.next_attempt_at <= now()
         and s.tenant_id = d.tenant_id and s.id = d.subscription_id
       returning d.attempts, d.event_type, d.payload, s.url, s.secret, (s.active and s.deleted_at is null) as usable`,
      [leaseSeconds, tenantId, deliveryId],
    );
    if (!row) {
      const [wait] = await em.execute<{ ms: number }[]>(
        `select greatest(1, ceil(extract(epoch from next_attempt_at - now()) * 1000))::int as ms
         from webhook_deliveries where tenant_id = ? and id = ? and status = 'PENDING'`,
        [tenantId, deliveryId],
      );
      // Woken early (clock skew, a replayed job): sleep until the row says.
      return wait ? { kind: 'retry', inMs: wait.ms } : { kind: 'skipped' };
    }
    if (!row.usable) {
      await em.execute(
        `update webhook_deliveries set status = 'DEAD', last_error = 'subscription inactive' where tenant_id = ? and id = ?`,
        [tenantId, deliveryId],
      );
      return { kind: 'dead' };
    }
    return row;
  }

  private async record(
    em: Em,
    tenantId: string,
    deliveryId: string,
    attempts: number,
    status: number | null,
    error: string | null,
  ): Promise<DeliveryOutcome> {
    const dead = !!error && attempts >= this.options.maxAttempts;
    const [row] = await em.execute<{ status: string; ms: number }[]>(
      `update webhook_deliveries set
         status = ?, last_status_code = ?, last_error = ?,
         delivered_at = case when ? then now() end,
         next_attempt_at = case when ? then now() + make_interval(secs => ?) else next_attempt_at end
       where tenant_id = ? and id = ? and status = 'PENDING' and attempts = ?
       returning status, greatest(1, ceil(extract(epoch from next_attempt_at - now()) * 1000))::int as ms`,
      [
        error ? (dead ? 'DEAD' : 'PENDING') : 'DELIVERED',
        status,
        error,
        !error,
        !!error && !dead,
        this.backoffMs(attempts) / 1000,
        tenantId,
        deliveryId,
        attempts,
      ],
    );
    if (!row) return { kind: 'skipped' };
    if (row.status === 'DELIVERED') return { kind: 'delivered' };
    return row.status === 'DEAD' ? { kind: 'dead' } : { kind: 'retry', inMs: row.ms };
  }
}

/** A short, fixed description of a failed request: never the receiver's words. */
function describe(e: unknown): string {
  const err = e as { name?: string; cause?: { code?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timeout';
  const code = err?.cause?.code;
  return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : 'request failed';
}
