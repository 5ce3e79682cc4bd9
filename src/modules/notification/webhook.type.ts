import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { createConnectionType } from '../../core/graphql/connection';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  type WebhookDeliveryEntity,
  type WebhookSubscriptionEntity,
} from './webhook.entity';
import { NotificationUserError } from './notification.type';

export const WebhookDeliveryStatusEnum = Object.fromEntries(DELIVERY_STATUSES.map((v) => [v, v])) as Record<
  DeliveryStatus,
  DeliveryStatus
>;
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING until a 2xx answer (DELIVERED) or the last attempt failed (DEAD: the dead letter)',
});

@ObjectType('WebhookSubscription', {
  description: "A receiver of the tenant's events; requests are signed with its secret",
})
export class WebhookSubscriptionType {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => [String], { description: 'Event types (SLA_RED), prefixes ending in * (SLA_*), or * for all' })
  eventTypes!: string[];
  @Field(() => Boolean) active!: boolean;
  @Field(() => Date, { nullable: true, description: 'Set once deleted (seen only through its deliveries)' })
  deletedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(s: WebhookSubscriptionEntity): WebhookSubscriptionType {
    return Object.assign(new WebhookSubscriptionType(), {
      id: s.id,
      url: s.url,
      eventTypes: s.eventTypes,
      active: s.active,
      deletedAt: s.deletedAt,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    });
  }
}

@ObjectType('WebhookDelivery', { description: 'One event for one subscription, and every attempt to send it' })
export class WebhookDeliveryType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'Shared by the deliveries of one event to several subscriptions' }) eventId!: string;
  @Field(() => String) eventType!: string;
  @Field(() => WebhookDeliveryStatusEnum) status!: DeliveryStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => Date, { nullable: true, description: 'While PENDING' }) nextAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => Int, { nullable: true, description: "The receiver's last HTTP status" }) lastStatusCode!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'HTTP <status>, timeout, a network error code, or why it was given up',
  })
  lastError!: string | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => GraphQLJSON, { description: 'The JSON body sent' }) payload!: Record<string, unknown>;
  subscriptionId!: string;

  static from(d: WebhookDeliveryEntity): WebhookDeliveryType {
    return Object.assign(new WebhookDeliveryType(), {
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: d.status === 'PENDING' ? d.nextAttemptAt : null,
      lastAttemptAt: d.lastAttemptAt,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      deliveredAt: d.deliveredAt,
      createdAt: d.createdAt,
      payload: d.payload,
      subscriptionId: d.subscriptionId,
    });
  }
}

export const WebhookSubscriptionConnection = createConnectionType('WebhookSubscription', WebhookSubscriptionType);
export const WebhookDeliveryConnection = createConnectionType('WebhookDelivery', WebhookDeliveryType);

@InputType()
export class WebhookDeliveryFilter {
  @Field(() => WebhookDeliveryStatusEnum, { nullable: true }) status?: DeliveryStatus | null;
  @Field(() => ID, { nullable: true }) subscriptionId?: string | null;
}

@InputType()
export class CreateWebhookSubscriptionInput {
  @Field(() => String, { description: 'https (http only outside production)' }) url!: string;
  @Field(() => [String]) eventTypes!: string[];
  @Field(() => Boolean, { nullable: true, description: 'Default true' }) active?: boolean | null;
}

@InputType()
export class UpdateWebhookSubscriptionInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => [String], { nullable: true }) eventTypes?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Inactive: no new deliveries; waiting ones end DEAD' }) active?:
    boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'A new secret, returned once in the payload' }) rotateSecret?:
    boolean | null;
}

@InputType()
export class WebhookIdInput {
  @Field(() => ID) id!: string;
}

@ObjectType()
export class WebhookSubscriptionPayload {
  @Field(() => WebhookSubscriptionType, { nullable: true }) webhookSubscription!: WebhookSubscriptionType | null;
  @Field(() => String, {
    nullable: true,
    description: 'The signing secret: only when created or rotated, and never again',
  })
  secret!: string | null;
  @Field(() => [NotificationUserError]) userErrors!: InstanceType<typeof NotificationUserError>[];
}

@ObjectType()
export class DeleteWebhookSubscriptionPayload {
  @Field(() => WebhookSubscriptionType, { nullable: true }) webhookSubscription!: WebhookSubscriptionType | null;
  @Field(() => [NotificationUserError]) userErrors!: InstanceType<typeof NotificationUserError>[];
}

@ObjectType()
export class WebhookDeliveryPayload {
  @Field(() => WebhookDeliveryType, { nullable: true }) webhookDelivery!: WebhookDeliveryType | null;
  @Field(() => [NotificationUserError]) userErrors!: InstanceType<typeof NotificationUserError>[];
}
