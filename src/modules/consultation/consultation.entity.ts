import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

/** What people come to the window for when it is not a dispute (the reports count 法律咨询 and 心理疏导 apart). */
export const CONSULTATION_TOPICS = [
  'LEGAL',
  'PSYCHOLOGICAL',
  'LABOUR',
  'FAMILY',
  'POLICY',
  'PETITION',
  'OTHER',
] as const;
export type ConsultationTopic = (typeof CONSULTATION_TOPICS)[number];
/** TURNED_INTO_CASE is set by turning the consultation into a case, never chosen at the window. */
export const CONSULTATION_OUTCOMES = ['ANSWERED', 'REFERRED', 'FOLLOW_UP_NEEDED', 'TURNED_INTO_CASE'] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];

/** A consultation (咨询) at the window: a light record, not a case, until it is turned into one. */
@Entity({ tableName: 'consultations' })
export class ConsultationEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'text' }) topic!: ConsultationTopic;
  @Property({ type: 'text' }) outcome!: ConsultationOutcome;
  @Property({ type: 'integer' }) minutes!: number;
  @Property({ type: 'text', nullable: true }) visitorName: string | null = null;
  @Property({ type: 'text', nullable: true }) visitorPhone: string | null = null;
  @Property({ type: 'text', nullable: true }) summary: string | null = null;
  @Property({ type: 'uuid', nullable: true }) departmentId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) orgUnitId: string | null = null;
  /** who served the visitor */
  @Property({ type: 'uuid', nullable: true }) staffId: string | null = null;
  @Property({ type: 'text' }) recordedBy!: string;
  @Property({ type: 'datetime' }) occurredAt!: Date;
  @Property({ type: 'uuid', nullable: true }) caseId: string | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}
