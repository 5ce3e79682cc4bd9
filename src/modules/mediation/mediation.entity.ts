import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

export const MEDIATION_METHODS = ['FACE_TO_FACE', 'BACK_TO_BACK', 'ONLINE', 'PHONE', 'EXPERT_CONSULTATION'] as const;
export type MediationMethod = (typeof MEDIATION_METHODS)[number];
export const MEDIATION_OUTCOMES = ['AGREED', 'PARTLY_AGREED', 'FAILED', 'ADJOURNED'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];
export type SessionStatus = 'SCHEDULED' | 'HELD' | 'CANCELLED';
export type ChosenBy = 'PARTIES' | 'CLERK';

/** A booked mediation (预约调解); several mediators or departments make it a joint mediation. */
@Entity({ tableName: 'mediation_sessions' })
export class MediationSessionEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'uuid', nullable: true }) orgUnitId: string | null = null;
  @Property({ type: 'datetime' }) startsAt!: Date;
  @Property({ type: 'datetime' }) endsAt!: Date;
  @Property({ type: 'text', nullable: true }) place: string | null = null;
  @Property({ type: 'boolean' }) online: boolean = false;
  @Property({ type: 'text' }) method!: MediationMethod;
  @Property({ type: 'text' }) chosenBy!: ChosenBy;
  @Property({ type: 'text' }) status: SessionStatus = 'SCHEDULED';
  @Property({ type: 'text', nullable: true }) outcome: MediationOutcome | null = null;
  @Property({ type: 'text', nullable: true }) outcomeNote: string | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}

/** The session's times copied per mediator, so "one mediator, one session at a time" is a range query. */
@Entity({ tableName: 'session_mediators' })
export class SessionMediatorEntity {
  [PrimaryKeyProp]?: ['tenantId', 'sessionId', 'staffId'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) sessionId!: string;
  @PrimaryKey({ type: 'uuid' }) staffId!: string;
  @Property({ type: 'datetime' }) startsAt!: Date;
  @Property({ type: 'datetime' }) endsAt!: Date;
}

@Entity({ tableName: 'session_departments' })
export class SessionDepartmentEntity {
  [PrimaryKeyProp]?: ['tenantId', 'sessionId', 'departmentId'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) sessionId!: string;
  @PrimaryKey({ type: 'uuid' }) departmentId!: string;
}

export type ConfirmationStatus = 'NONE' | 'REQUESTED' | 'CONFIRMED' | 'REFUSED';

export interface Instalment {
  dueOn: string;
  amount: string;
}

/** A mediation agreement (调解协议), with its judicial confirmation (司法确认) by a court. */
@Entity({ tableName: 'agreements' })
export class AgreementEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'uuid', nullable: true }) sessionId: string | null = null;
  @Property({ type: 'text' }) terms!: string;
  @Property({ type: 'decimal', precision: 16, scale: 2, nullable: true }) amount: string | null = null;
  @Property({ type: 'json' }) instalments: Instalment[] = [];
  @Property({ type: 'datetime' }) signedAt: Date = new Date();
  @Property({ type: 'text' }) confirmationStatus: ConfirmationStatus = 'NONE';
  @Property({ type: 'text', nullable: true }) confirmationCourt: string | null = null;
  @Property({ type: 'text', nullable: true }) confirmationCaseNumber: string | null = null;
  @Property({ type: 'datetime', nullable: true }) confirmationRequestedAt: Date | null = null;
  @Property({ type: 'datetime', nullable: true }) confirmationDecidedAt: Date | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}
