import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

export const FOLLOW_UP_RESULTS = ['KEPT', 'PARTLY_KEPT', 'BROKEN', 'RECURRED'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];
export type FollowUpStatus = 'SCHEDULED' | 'DONE' | 'CANCELLED';

/** A visit after resolution (回访) to confirm the agreement is kept. */
@Entity({ tableName: 'follow_ups' })
export class FollowUpEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'datetime' }) dueAt!: Date;
  @Property({ type: 'uuid', nullable: true }) assigneeId: string | null = null;
  @Property({ type: 'text' }) status: FollowUpStatus = 'SCHEDULED';
  @Property({ type: 'text', nullable: true }) result: FollowUpResult | null = null;
  @Property({ type: 'text', nullable: true }) notes: string | null = null;
  @Property({ type: 'integer', nullable: true }) satisfaction: number | null = null;
  @Property({ type: 'datetime', nullable: true }) completedAt: Date | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}
