import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { createUserErrorType } from '../../core/graphql/user-error';
import { createConnectionType } from '../../core/graphql/connection';
import { ORG_UNIT_KINDS, type OpeningPeriod, type OrgUnitEntity, type OrgUnitKind } from './org-unit.entity';
import { OrgUnitErrorCode } from './org-unit.errors';

export const OrgUnitKindEnum = Object.fromEntries(ORG_UNIT_KINDS.map((k) => [k, k])) as Record<
  OrgUnitKind,
  OrgUnitKind
>;
registerEnumType(OrgUnitKindEnum, {
  name: 'OrgUnitKind',
  description: 'CENTER at the top; SUB_CENTER, STATION, GRID below',
});

@ObjectType('OpeningPeriod', { description: "Open on an ISO weekday between two local times (tenant's time zone)" })
export class OpeningPeriodType {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) weekday!: number;
  @Field(() => String, { description: 'HH:MM' }) opens!: string;
  @Field(() => String, { description: 'HH:MM' }) closes!: string;
}

@InputType()
export class OpeningPeriodInput implements OpeningPeriod {
  @Field(() => Int) weekday!: number;
  @Field(() => String) opens!: string;
  @Field(() => String) closes!: string;
}

@ObjectType('OrgUnit', { description: 'A place and level inside a tenant: center, sub-center, station or grid' })
export class OrgUnitType {
  @Field(() => ID) id!: string;
  @Field(() => OrgUnitKindEnum) kind!: OrgUnitKind;
  @Field(() => String) name!: string;
  parentId!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => [OpeningPeriodType]) openingHours!: OpeningPeriodType[];
  @Field(() => Boolean) archived!: boolean;
  @Field(() => Date, { nullable: true }) archivedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(u: OrgUnitEntity): OrgUnitType {
    return Object.assign(new OrgUnitType(), {
      id: u.id,
      kind: u.kind,
      name: u.name,
      parentId: u.parentId,
      address: u.address,
      phone: u.phone,
      openingHours: u.openingHours,
      archived: u.archivedAt !== null,
      archivedAt: u.archivedAt,
      createdAt: u.createdAt,
      updatedAt: u.updatedAt,
    });
  }
}

export const OrgUnitConnection = createConnectionType('OrgUnit', OrgUnitType);
export const OrgUnitUserError = createUserErrorType('OrgUnit', OrgUnitErrorCode);

@ObjectType()
export class OrgUnitPayload {
  @Field(() => OrgUnitType, { nullable: true }) orgUnit!: OrgUnitType | null;
  @Field(() => [OrgUnitUserError]) userErrors!: InstanceType<typeof OrgUnitUserError>[];
}

@InputType()
export class OrgUnitFilter {
  @Field(() => ID, { nullable: true, description: 'Direct children of this unit' }) parentId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only the top unit(s)' }) rootsOnly?: boolean | null;
  @Field(() => OrgUnitKindEnum, { nullable: true }) kind?: OrgUnitKind | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) includeArchived?: boolean | null;
}

@InputType()
export class CreateOrgUnitInput {
  @Field(() => OrgUnitKindEnum) kind!: OrgUnitKind;
  @Field(() => String) name!: string;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => [OpeningPeriodInput], { nullable: true }) openingHours?: OpeningPeriodInput[] | null;
}

@InputType()
export class UpdateOrgUnitInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => ID, { nullable: true, description: 'Move the unit (and its subtree) under another unit' }) parentId?:
    string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => [OpeningPeriodInput], { nullable: true }) openingHours?: OpeningPeriodInput[] | null;
}

@InputType()
export class ArchiveOrgUnitInput {
  @Field(() => ID) id!: string;
}
