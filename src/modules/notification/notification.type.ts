import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PersonalText } from '../../core/graphql/personal-text';
import { GraphQLJSON } from 'graphql-scalars';
import { createUserErrorType } from '../../core/graphql/user-error';
import { createConnectionType } from '../../core/graphql/connection';
import { NOTIFICATION_LEVELS, type NotificationLevel, type NotificationSettingsEntity } from './notification.entity';
import { NotificationErrorCode } from './notification.errors';
import type { MessageRef } from '../../shared/message-ref';
import { TITLE_MESSAGE_KEY, type NotificationFields } from './notification.service';

export const NotificationLevelEnum = Object.fromEntries(NOTIFICATION_LEVELS.map((v) => [v, v])) as Record<
  NotificationLevel,
  NotificationLevel
>;
registerEnumType(NotificationLevelEnum, {
  name: 'NotificationLevel',
  description: 'INFO; YELLOW and RED as the case warning levels',
});

export const NotificationUserError = createUserErrorType('Notification', NotificationErrorCode);

@ObjectType('Notification', { description: 'A reminder, warning or escalation for the signed-in staff member' })
export class NotificationType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'e.g. SLA_YELLOW, SLA_RED, SLA_ESCALATION' }) type!: string;
  @Field(() => NotificationLevelEnum) level!: NotificationLevel;
  @PersonalText()
  @Field(() => String, { description: "The case number and a short phrase, in the request's language" })
  title!: string;
  /** the title's catalogue message, when it has one: worded per reader by the resolver */
  titleMessage!: MessageRef | null;
  @Field(() => GraphQLJSON, { description: 'Ids of what it is about' }) data!: Record<string, unknown>;
  @Field(() => Boolean, { description: 'Was let through quiet hours' }) urgent!: boolean;
  caseId!: string | null;
  @Field(() => Date, { description: 'When it reached the inbox (after quiet hours, if deferred)' }) deliveredAt!: Date;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;

  static from(n: NotificationFields): NotificationType {
    return Object.assign(new NotificationType(), {
      id: n.id,
      type: n.type,
      level: n.level,
      title: n.title,
      ...splitTitleMessage(n.data),
      urgent: n.urgent,
      caseId: n.caseId,
      deliveredAt: n.deliverAt,
      createdAt: n.createdAt,
      readAt: n.readAt,
    });
  }
}

export const NotificationConnection = createConnectionType('Notification', NotificationType);

@InputType()
export class NotificationFilter {
  @Field(() => Boolean, { nullable: true }) unreadOnly?: boolean | null;
}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'At most 100; each must be one of yours' }) ids?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Every delivered notification of yours' }) all?: boolean | null;
}

@ObjectType()
export class MarkNotificationsReadPayload {
  @Field(() => Int, { description: 'Newly marked (already read ones are not counted)' }) markedCount!: number;
  @Field(() => Int) unreadCount!: number;
  @Field(() => [NotificationUserError]) userErrors!: InstanceType<typeof NotificationUserError>[];
}

@ObjectType('NotificationSettings', {
  description: "Quiet hours in the tenant's time zone: non-urgent notifications raised inside them wait for their end",
})
export class NotificationSettingsType {
  @Field(() => Boolean) quietHoursEnabled!: boolean;
  @Field(() => String, { description: 'HH:MM, inclusive' }) quietStart!: string;
  @Field(() => String, {
    description: 'HH:MM, when deferred notifications arrive; earlier than the start spans midnight',
  })
  quietEnd!: string;
  @Field(() => String) timeZone!: string;

  static from(s: NotificationSettingsEntity, timeZone: string): NotificationSettingsType {
    return Object.assign(new NotificationSettingsType(), {
      quietHoursEnabled: s.quietHoursEnabled,
      quietStart: s.quietStart,
      quietEnd: s.quietEnd,
      timeZone,
    });
  }
}

@InputType()
export class UpdateNotificationSettingsInput {
  @Field(() => Boolean, { nullable: true }) quietHoursEnabled?: boolean | null;
  @Field(() => String, { nullable: true }) quietStart?: string | null;
  @Field(() => String, { nullable: true }) quietEnd?: string | null;
}

@ObjectType()
export class NotificationSettingsPayload {
  @Field(() => NotificationSettingsType, { nullable: true }) notificationSettings!: NotificationSettingsType | null;
  @Field(() => [NotificationUserError]) userErrors!: InstanceType<typeof NotificationUserError>[];
}

/** The stored title message travels beside the row's data, not in what clients read as `data`. */
function splitTitleMessage(stored: Record<string, unknown>): {
  data: Record<string, unknown>;
  titleMessage: MessageRef | null;
} {
  if (!stored || !(TITLE_MESSAGE_KEY in stored)) return { data: stored, titleMessage: null };
  const { [TITLE_MESSAGE_KEY]: titleMessage, ...data } = stored;
  return { data, titleMessage: titleMessage as MessageRef };
}
