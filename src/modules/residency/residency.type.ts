import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { createUserErrorType } from '../../core/graphql/user-error';
import { createConnectionType } from '../../core/graphql/connection';
import {
  RESIDENCY_MODES,
  type ResidencyEntity,
  type ResidencyMode,
  type RotationShiftEntity,
} from './residency.entity';
import { ResidencyErrorCode } from './residency.errors';
import { StaffMemberType } from '../staff/staff.type';
import { OrgUnitType } from '../org-unit/org-unit.type';

export const ResidencyModeEnum = Object.fromEntries(RESIDENCY_MODES.map((k) => [k, k])) as Record<
  ResidencyMode,
  ResidencyMode
>;
registerEnumType(ResidencyModeEnum, {
  name: 'ResidencyMode',
  description: 'RESIDENT 常驻, ROTATING 轮驻, JOINT 联驻, ON_DEMAND 随驻',
});

@ObjectType('Residency', { description: 'A department stationed at an org unit for a period' })
export class ResidencyType {
  @Field(() => ID) id!: string;
  departmentId!: string;
  orgUnitId!: string;
  @Field(() => ResidencyModeEnum) mode!: ResidencyMode;
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date, { nullable: true, description: 'Exclusive; null while open-ended' }) validTo!: Date | null;
  @Field(() => String, { nullable: true }) note!: string | null;

  static from(r: ResidencyEntity): ResidencyType {
    return Object.assign(new ResidencyType(), {
      id: r.id,
      departmentId: r.departmentId,
      orgUnitId: r.orgUnitId,
      mode: r.mode,
      validFrom: r.validFrom,
      validTo: r.validTo,
      note: r.note,
    });
  }
}

@ObjectType('RotationShift', { description: 'A roster shift: start inclusive, end exclusive' })
export class RotationShiftType {
  @Field(() => ID) id!: string;
  residencyId!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;

  static from(s: RotationShiftEntity): RotationShiftType {
    return Object.assign(new RotationShiftType(), {
      id: s.id,
      residencyId: s.residencyId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
    });
  }
}

@ObjectType('DutyEntry')
export class DutyEntryType {
  @Field(() => ResidencyType) residency!: ResidencyType;
  @Field(() => [StaffMemberType]) staff!: StaffMemberType[];
  @Field(() => RotationShiftType, { nullable: true, description: 'The shift, for ROTATING and JOINT departments' })
  shift!: RotationShiftType | null;
}

@ObjectType('OnDuty', { description: 'Who is at a unit at an instant' })
export class OnDutyType {
  @Field(() => Date) at!: Date;
  @Field(() => OrgUnitType) orgUnit!: OrgUnitType;
  @Field(() => [DutyEntryType], {
    description: 'Present: resident departments while the unit is open, rotating/joint ones on shift',
  })
  present!: DutyEntryType[];
  @Field(() => [DutyEntryType], { description: 'On-demand departments: callable, not present' })
  callable!: DutyEntryType[];
}

export const ResidencyConnection = createConnectionType('Residency', ResidencyType);
export const ResidencyUserError = createUserErrorType('Residency', ResidencyErrorCode);

@ObjectType()
export class ResidencyPayload {
  @Field(() => ResidencyType, { nullable: true }) residency!: ResidencyType | null;
  @Field(() => [ResidencyUserError]) userErrors!: InstanceType<typeof ResidencyUserError>[];
}

@ObjectType()
export class SetRotationShiftsPayload {
  @Field(() => ResidencyType, { nullable: true }) residency!: ResidencyType | null;
  @Field(() => [RotationShiftType], { nullable: true, description: 'The shifts now in the horizon' }) shifts!:
    RotationShiftType[] | null;
  @Field(() => [ResidencyUserError]) userErrors!: InstanceType<typeof ResidencyUserError>[];
}

@InputType()
export class ResidencyFilter {
  @Field(() => ID, { nullable: true }) orgUnitId?: string | null;
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Include ended residencies (history)' })
  includeEnded?: boolean | null;
}

@InputType()
export class StationDepartmentInput {
  @Field(() => ID) departmentId!: string;
  @Field(() => ID) orgUnitId!: string;
  @Field(() => ResidencyModeEnum) mode!: ResidencyMode;
  @Field(() => Date, { nullable: true, description: 'Default: now' }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true }) validTo?: Date | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class UpdateResidencyInput {
  @Field(() => ID) id!: string;
  @Field(() => ResidencyModeEnum, { nullable: true }) mode?: ResidencyMode | null;
  @Field(() => Date, { nullable: true }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true }) validTo?: Date | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class EndResidencyInput {
  @Field(() => ID) id!: string;
  @Field(() => Date, { nullable: true, description: 'Default: now' }) endsAt?: Date | null;
}

@InputType()
export class ShiftInput {
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => [ID]) staffIds!: string[];
}

@InputType()
export class WeeklyShiftInput {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) weekday!: number;
  @Field(() => String, { description: "HH:MM in the tenant's time zone" }) start!: string;
  @Field(() => String, { description: 'HH:MM; earlier than start means the next day' }) end!: string;
  @Field(() => [ID]) staffIds!: string[];
}

@InputType()
export class SetRotationShiftsInput {
  @Field(() => ID) residencyId!: string;
  @Field(() => Date, { description: 'Horizon start: shifts starting in [from, to) are replaced' }) from!: Date;
  @Field(() => Date) to!: Date;
  @Field(() => [ShiftInput], { nullable: true }) shifts?: ShiftInput[] | null;
  @Field(() => [WeeklyShiftInput], { nullable: true, description: 'Expanded into shifts over the horizon' }) weekly?:
    WeeklyShiftInput[] | null;
}
