import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

export const NOTIFICATION_LEVELS = ['INFO', 'YELLOW', 'RED'] as const;
export type NotificationLevel = (typeof NOTIFICATION_LEVELS)[number];

/**
 * One message for one staff member. Inserted with raw SQL (`on conflict do nothing` on the
 * dedupe key); the entity serves reads and read marks.
 */
@Entity({ tableName: 'notifications' })
export class NotificationEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) recipientStaffId!: string;
  @Property({ type: 'uuid', nullable: true }) caseId: string | null = null;
  @Property({ type: 'text' }) type!: string;
  @Property({ type: 'text' }) level!: NotificationLevel;
  @Property({ type: 'text' }) title!: string;
  @Property({ type: 'json' }) data: Record<string, unknown> = {};
  @Property({ type: 'text' }) dedupeKey!: string;
  @Property({ type: 'boolean' }) urgent: boolean = false;
  @Property({ type: 'datetime' }) deliverAt!: Date;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', nullable: true }) readAt: Date | null = null;
}

/** Quiet hours in the tenant's local time; a tenant that never saved any gets 22:00–07:30. */
@Entity({ tableName: 'notification_settings' })
export class NotificationSettingsEntity {
  [PrimaryKeyProp]?: 'tenantId';

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @Property({ type: 'boolean' }) quietHoursEnabled: boolean = true;
  @Property({ type: 'text' }) quietStart: string = '22:00';
  @Property({ type: 'text' }) quietEnd: string = '07:30';
  @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}
