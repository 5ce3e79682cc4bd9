import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

export const DEPARTMENT_KINDS = [
  'COURT',
  'PROCURATORATE',
  'POLICE',
  'JUSTICE',
  'PETITIONS',
  'HUMAN_RESOURCES',
  'HOUSING',
  'HEALTH',
  'MARKET_REGULATION',
  'LAW_ENFORCEMENT',
  'AGRICULTURE',
  'NATURAL_RESOURCES',
  'FORESTRY',
  'TRADE_UNION',
  'WOMENS_FEDERATION',
  'LAWYERS',
  'PSYCHOLOGISTS',
  'ASSOCIATION',
  'MEDIATION_STUDIO',
  'VOLUNTEERS',
  'OTHER',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

@Entity({ tableName: 'departments' })
export class DepartmentEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'text' }) code!: string;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'text' }) kind!: DepartmentKind;
  @Property({ type: 'text', nullable: true }) contactName: string | null = null;
  @Property({ type: 'text', nullable: true }) contactPhone: string | null = null;
  @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Property({ type: 'datetime', nullable: true }) archivedAt: Date | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}
