import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'DEAD'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

@Entity({ tableName: 'webhook_subscriptions' })
export class WebhookSubscriptionEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'text' }) url!: string;
  // lazy: loaded only by the delivery claim, so a list or an audit snapshot never carries it
  @Property({ type: 'text', lazy: true, hidden: true }) secret!: string;
  @Property({ type: 'text[]' }) eventTypes: string[] = [];
  @Property({ type: 'boolean' }) active: boolean = true;
  @Property({ type: 'datetime', nullable: true }) deletedAt: Date | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}

/** The outbox row and, once it gives up, the dead letter. The row is the truth; jobs only wake it. */
@Entity({ tableName: 'webhook_deliveries' })
export class WebhookDeliveryEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) subscriptionId!: string;
  @Property({ type: 'uuid' }) eventId!: string;
  @Property({ type: 'text' }) eventType!: string;
  @Property({ type: 'text', nullable: true }) dedupeKey: string | null = null;
  @Property({ type: 'json' }) payload: Record<string, unknown> = {};
  @Property({ type: 'text' }) status: DeliveryStatus = 'PENDING';
  @Property({ type: 'integer' }) attempts: number = 0;
  @Property({ type: 'datetime' }) nextAttemptAt: Date = new Date();
  @Property({ type: 'datetime', nullable: true }) lastAttemptAt: Date | null = null;
  @Property({ type: 'integer', nullable: true }) lastStatusCode: number | null = null;
  @Property({ type: 'text', nullable: true }) lastError: string | null = null;
  @Property({ type: 'datetime', nullable: true }) deliveredAt: Date | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}
