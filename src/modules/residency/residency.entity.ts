import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

export const RESIDENCY_MODES = ['RESIDENT', 'ROTATING', 'JOINT', 'ON_DEMAND'] as const;
export type ResidencyMode = (typeof RESIDENCY_MODES)[number];

/** A department stationed at an org unit for a period; ending one keeps the row. */
@Entity({ tableName: 'residencies' })
export class ResidencyEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) departmentId!: string;
  @Property({ type: 'uuid' }) orgUnitId!: string;
  @Property({ type: 'text' }) mode!: ResidencyMode;
  @Property({ type: 'datetime' }) validFrom!: Date;
  @Property({ type: 'datetime', nullable: true }) validTo: Date | null = null;
  @Property({ type: 'text', nullable: true }) note: string | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}

@Entity({ tableName: 'rotation_shifts' })
export class RotationShiftEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) residencyId!: string;
  @Property({ type: 'datetime' }) startsAt!: Date;
  @Property({ type: 'datetime' }) endsAt!: Date;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}

@Entity({ tableName: 'shift_assignments' })
export class ShiftAssignmentEntity {
  [PrimaryKeyProp]?: ['tenantId', 'shiftId', 'staffId'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) shiftId!: string;
  @PrimaryKey({ type: 'uuid' }) staffId!: string;
  @Property({ type: 'datetime' }) startsAt!: Date;
  @Property({ type: 'datetime' }) endsAt!: Date;
}
