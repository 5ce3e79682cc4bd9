import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

export type InstalmentStatus = 'DUE' | 'PARTLY_PAID' | 'PAID';
export type ReminderKind = 'BEFORE' | 'AFTER';

/** One instalment of an agreement (分期履行): due on a local date, paid in one or more payments. */
@Entity({ tableName: 'agreement_instalments' })
export class InstalmentEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) agreementId!: string;
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'integer' }) seq!: number;
  /** YYYY-MM-DD in the tenant's calendar */
  @Property({ type: 'date' }) dueOn!: string;
  @Property({ type: 'decimal', precision: 16, scale: 2 }) amount!: string;
  @Property({ type: 'decimal', precision: 16, scale: 2 }) paidAmount: string = '0.00';
  @Property({ type: 'text' }) status: InstalmentStatus = 'DUE';
  /** when it was paid in full */
  @Property({ type: 'datetime', nullable: true }) paidAt: Date | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}

/** A reminder to the case's handlers before (BEFORE) or after (AFTER) an instalment's due date. */
@Entity({ tableName: 'instalment_reminders' })
export class InstalmentReminderEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) instalmentId!: string;
  @Property({ type: 'text' }) kind!: ReminderKind;
  @Property({ type: 'datetime' }) dueAt!: Date;
  @Property({ type: 'text' }) status: 'PENDING' | 'FIRED' | 'CANCELLED' = 'PENDING';
  @Property({ type: 'datetime', nullable: true }) firedAt: Date | null = null;
}

/** Money paid against an instalment, as it arrived. */
@Entity({ tableName: 'instalment_payments' })
export class InstalmentPaymentEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) instalmentId!: string;
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'decimal', precision: 16, scale: 2 }) amount!: string;
  @Property({ type: 'datetime' }) paidAt!: Date;
  @Property({ type: 'text' }) recordedBy!: string;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}
