import { BigIntType, Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';
import type { RiskLevel } from '../category/category.entity';
import type { EscalationLevel, SlaStep, Target, TargetMode, WarningPoint } from './sla.policy';

@Entity({ tableName: 'sla_policies' })
export class SlaPolicyEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'uuid', nullable: true }) categoryId: string | null = null;
  @Property({ type: 'text', nullable: true }) riskLevel: RiskLevel | null = null;
  @Property({ type: 'json' }) targets: Partial<Record<SlaStep, Target>> = {};
  @Property({ type: 'json' }) yellow!: WarningPoint;
  @Property({ type: 'json' }) red!: WarningPoint;
  @Property({ type: 'json' }) escalations: EscalationLevel[] = [];
  @Property({ type: 'text[]' }) pauseStatuses: string[] = [];
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}

/** A tenant's overrides of the official calendar and its working hours (docs/calendar.md). */
@Entity({ tableName: 'tenant_calendars' })
export class TenantCalendarEntity {
  [PrimaryKeyProp]?: 'tenantId';

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @Property({ type: 'json', nullable: true }) workingHours: Record<string, { start: string; end: string }[]> | null =
    null;
  @Property({ type: 'text[]' }) closedDates: string[] = [];
  @Property({ type: 'text[]' }) workingDates: string[] = [];
  @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}

export type DeadlineStatus = 'OPEN' | 'MET' | 'CANCELLED';

/** One step's clock on one case: computed when the step starts, kept when met, moved when extended. */
@Entity({ tableName: 'deadlines' })
export class DeadlineEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'text' }) step!: SlaStep;
  @Property({ type: 'uuid', nullable: true }) policyId: string | null = null;
  @Property({ type: 'text' }) target!: string;
  @Property({ type: 'text' }) mode!: TargetMode;
  @Property({ type: 'datetime' }) startedAt!: Date;
  @Property({ type: 'datetime' }) dueAt!: Date;
  @Property({ type: 'datetime' }) yellowAt!: Date;
  @Property({ type: 'datetime' }) redAt!: Date;
  @Property({ type: 'text' }) status: DeadlineStatus = 'OPEN';
  @Property({ type: 'datetime', nullable: true }) metAt: Date | null = null;
  @Property({ type: 'datetime', nullable: true }) pausedAt: Date | null = null;
  @Property({ type: new BigIntType('number') }) pausedMs: number = 0;
  @Property({ type: 'integer' }) extensions: number = 0;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}

export type CheckpointKind = 'YELLOW' | 'RED' | 'ESCALATION';

@Entity({ tableName: 'deadline_checkpoints' })
export class CheckpointEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) deadlineId!: string;
  @Property({ type: 'text' }) kind!: CheckpointKind;
  @Property({ type: 'integer' }) level: number = 0;
  @Property({ type: 'datetime' }) dueAt!: Date;
  @Property({ type: 'text' }) status: 'PENDING' | 'FIRED' | 'CANCELLED' = 'PENDING';
  @Property({ type: 'datetime', nullable: true }) firedAt: Date | null = null;
  /** the W3C trace context that scheduled it (tracing on), for a span linked to it when a sweep re-creates its job */
  @Property({ type: 'text', nullable: true }) traceparent: string | null = null;
}

@Entity({ tableName: 'extension_requests' })
export class ExtensionRequestEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) deadlineId!: string;
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'text', nullable: true }) requestedBy: string | null = null;
  @Property({ type: 'text' }) reason!: string;
  @Property({ type: 'datetime' }) requestedDueAt!: Date;
  @Property({ type: 'text' }) status: 'PENDING' | 'APPROVED' | 'REJECTED' = 'PENDING';
  @Property({ type: 'text', nullable: true }) decidedBy: string | null = null;
  @Property({ type: 'datetime', nullable: true }) decidedAt: Date | null = null;
  @Property({ type: 'text', nullable: true }) decisionNote: string | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}

/** Answered after its reply-by time, or still unanswered past it (the same rule as the figures' SQL). */
export function noticeLate(n: Pick<SupervisionNoticeEntity, 'replyBy' | 'repliedAt'>, now = new Date()): boolean {
  return !!n.replyBy && (n.repliedAt ? n.repliedAt > n.replyBy : now > n.replyBy);
}

/** 督办: a leader's (or the SLA chain's) notice to the handling unit, with a reply-by time. */
@Entity({ tableName: 'supervision_notices' })
export class SupervisionNoticeEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'uuid', nullable: true }) orgUnitId: string | null = null;
  @Property({ type: 'text' }) source!: 'MANUAL' | 'SLA';
  @Property({ type: 'uuid', nullable: true }) checkpointId: string | null = null;
  @Property({ type: 'text', nullable: true }) issuedBy: string | null = null;
  @Property({ type: 'text' }) message!: string;
  @Property({ type: 'datetime', nullable: true }) replyBy: Date | null = null;
  @Property({ type: 'text', nullable: true }) reply: string | null = null;
  @Property({ type: 'text', nullable: true }) repliedBy: string | null = null;
  @Property({ type: 'datetime', nullable: true }) repliedAt: Date | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}
