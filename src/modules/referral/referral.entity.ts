import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

export const REFERRAL_TARGETS = ['COURT', 'LABOR_ARBITRATION', 'PETITIONS', 'LEGAL_AID', 'AUTHORITY'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

/** A case handed to a court, labour arbitration, petitions, legal aid or an authority (诉调对接 / 移送). */
@Entity({ tableName: 'referrals' })
export class ReferralEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'text' }) target!: ReferralTarget;
  @Property({ type: 'text' }) targetName!: string;
  @Property({ type: 'text', nullable: true }) referenceNumber: string | null = null;
  @Property({ type: 'text', nullable: true }) reason: string | null = null;
  @Property({ type: 'text', nullable: true }) outcome: string | null = null;
  @Property({ type: 'datetime', nullable: true }) outcomeAt: Date | null = null;
  @Property({ type: 'datetime' }) referredAt: Date = new Date();
}
