import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

export const ORG_UNIT_KINDS = ['CENTER', 'SUB_CENTER', 'STATION', 'GRID'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** One opening period on an ISO weekday (1 = Monday), local times "HH:MM" in the tenant's zone. */
export interface OpeningPeriod {
  weekday: number;
  opens: string;
  closes: string;
}

@Entity({ tableName: 'org_units' })
export class OrgUnitEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'text' }) kind!: OrgUnitKind;
  @Property({ type: 'text' }) name!: string;
  // Plain id, not a ManyToOne: the database key is (tenant_id, parent_id), and GraphQL
  // resolves the object through a per-request loader anyway.
  @Property({ type: 'uuid', nullable: true }) parentId: string | null = null;
  @Property({ type: 'text', nullable: true }) address: string | null = null;
  @Property({ type: 'text', nullable: true }) phone: string | null = null;
  @Property({ type: 'json' }) openingHours: OpeningPeriod[] = [];
  @Property({ type: 'datetime', nullable: true }) archivedAt: Date | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}
