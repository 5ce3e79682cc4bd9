import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

/** A case a resident reported with a verified phone: what "my cases" are for that phone. */
@Entity({ tableName: 'resident_reports' })
export class ResidentReportEntity {
  [PrimaryKeyProp]?: ['tenantId', 'caseId'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'text' }) phone!: string;
  @Property({ type: 'datetime' }) phoneVerifiedAt!: Date;
  @Property({ type: 'uuid', nullable: true }) orgUnitId: string | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}

/** How residents see the ways: at the center, online, or in their village (a mediator goes there). */
export const MEDIATION_WAYS = ['AT_CENTER', 'ONLINE', 'AT_VILLAGE'] as const;
export type MediationWay = (typeof MEDIATION_WAYS)[number];

export const REQUEST_STATUSES = ['REQUESTED', 'PROPOSED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * A slot a resident asked for with the mediator they chose. Staff confirm it (a session is
 * scheduled with chosenBy PARTIES) or propose another slot, which the resident accepts or not.
 */
@Entity({ tableName: 'resident_mediation_requests' })
export class ResidentMediationRequestEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'text' }) phone!: string;
  @Property({ type: 'uuid' }) mediatorId!: string;
  @Property({ type: 'text' }) way!: MediationWay;
  @Property({ type: 'datetime' }) startsAt!: Date;
  @Property({ type: 'datetime' }) endsAt!: Date;
  @Property({ type: 'text', nullable: true }) note: string | null = null;
  @Property({ type: 'text' }) status: RequestStatus = 'REQUESTED';
  @Property({ type: 'datetime', nullable: true }) proposedStartsAt: Date | null = null;
  @Property({ type: 'datetime', nullable: true }) proposedEndsAt: Date | null = null;
  @Property({ type: 'uuid', nullable: true }) proposedMediatorId: string | null = null;
  @Property({ type: 'text', nullable: true }) staffMessage: string | null = null;
  @Property({ type: 'uuid', nullable: true }) sessionId: string | null = null;
  @Property({ type: 'text', nullable: true }) decidedBy: string | null = null;
  @Property({ type: 'datetime', nullable: true }) decidedAt: Date | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}

/** A resident's 1–5 rating of how their case ended; one per case, counted with follow-up visits'. */
@Entity({ tableName: 'resident_ratings' })
export class ResidentRatingEntity {
  [PrimaryKeyProp]?: ['tenantId', 'caseId'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'text' }) phone!: string;
  @Property({ type: 'integer' }) rating!: number;
  @Property({ type: 'text', nullable: true }) comment: string | null = null;
  @Property({ type: 'datetime' }) ratedAt: Date = new Date();
}
