import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';
import type { RiskLevel } from '../category/category.entity';

/** Category × place × risk → unit and/or department; the lowest priority number that matches wins. */
@Entity({ tableName: 'routing_rules' })
export class RoutingRuleEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'integer' }) priority!: number;
  @Property({ type: 'uuid', nullable: true }) categoryId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) orgUnitId: string | null = null;
  @Property({ type: 'text', nullable: true }) riskLevel: RiskLevel | null = null;
  @Property({ type: 'uuid', nullable: true }) targetOrgUnitId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) targetDepartmentId: string | null = null;
  @Property({ type: 'boolean' }) active: boolean = true;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}
