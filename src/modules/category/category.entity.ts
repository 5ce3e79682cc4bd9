import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'MAJOR'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

@Entity({ tableName: 'categories' })
export class CategoryEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'text' }) code!: string;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'uuid', nullable: true }) parentId: string | null = null;
  @Property({ type: 'text' }) defaultRiskLevel!: RiskLevel;
  @Property({ type: 'datetime', nullable: true }) archivedAt: Date | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}
