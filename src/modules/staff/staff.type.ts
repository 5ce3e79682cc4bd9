import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { StaffFields } from './staff.rows';
import { createUserErrorType } from '../../core/graphql/user-error';
import { createConnectionType } from '../../core/graphql/connection';
import { StaffErrorCode } from './staff.errors';

@ObjectType('MediatorProfile', { description: 'What a resident sees when choosing a mediator' })
export class MediatorProfileType {
  staffId!: string;
  @Field(() => String, { nullable: true, description: 'Mediation studio (调解工作室)' }) studioName!: string | null;
  @Field(() => [String]) languages!: string[];
  @Field(() => Boolean, { description: 'Gold-medal mediator (金牌调解员)' }) goldMedal!: boolean;
  @Field(() => Int, { description: 'Most cases this mediator handles at once' }) maxConcurrentCases!: number;
}

@ObjectType('StaffMember', { description: 'A person working at the center' })
export class StaffMemberType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'The Keycloak subject this person signs in as' })
  keycloakSubject!: string | null;
  @Field(() => [String]) roles!: string[];
  departmentId!: string | null;
  orgUnitId!: string | null;
  @Field(() => Boolean) active!: boolean;
  profile!: MediatorProfileType | null;

  static from(s: StaffFields): StaffMemberType {
    return Object.assign(new StaffMemberType(), {
      id: s.id,
      name: s.name,
      keycloakSubject: s.keycloakSubject,
      roles: s.roles,
      departmentId: s.departmentId,
      orgUnitId: s.orgUnitId,
      active: s.active,
      profile: s.isMediator
        ? Object.assign(new MediatorProfileType(), {
            staffId: s.id,
            studioName: s.studioName,
            languages: s.languages,
            goldMedal: s.goldMedal,
            maxConcurrentCases: s.maxConcurrentCases,
          })
        : null,
    });
  }
}

export const StaffMemberConnection = createConnectionType('StaffMember', StaffMemberType);
export const StaffUserError = createUserErrorType('Staff', StaffErrorCode);

@ObjectType()
export class StaffMemberPayload {
  @Field(() => StaffMemberType, { nullable: true }) staffMember!: StaffMemberType | null;
  @Field(() => [StaffUserError]) userErrors!: InstanceType<typeof StaffUserError>[];
}

@InputType()
export class MediatorProfileInput {
  @Field(() => [ID], { description: 'Categories this mediator takes (a category covers its sub-categories)' })
  specialtyIds!: string[];
  @Field(() => String, { nullable: true }) studioName?: string | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => Boolean, { nullable: true }) goldMedal?: boolean | null;
  @Field(() => Int) maxConcurrentCases!: number;
}

@InputType()
export class StaffFilter {
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => ID, { nullable: true }) orgUnitId?: string | null;
  @Field(() => String, { nullable: true }) role?: string | null;
  @Field(() => Boolean, { nullable: true }) mediatorsOnly?: boolean | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) includeInactive?: boolean | null;
}

@InputType()
export class MediatorFilter {
  @Field(() => ID, { nullable: true, description: 'Mediators whose specialties cover this category' }) categoryId?:
    string | null;
  @Field(() => ID, { nullable: true, description: 'At this unit (on duty there, when availableAt is given)' })
  orgUnitId?: string | null;
  @Field(() => Date, { nullable: true, description: 'On duty at this instant' }) availableAt?: Date | null;
}

@InputType()
export class CreateStaffMemberInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) keycloakSubject?: string | null;
  @Field(() => [String], { nullable: true }) roles?: string[] | null;
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => ID, { nullable: true }) orgUnitId?: string | null;
  @Field(() => MediatorProfileInput, { nullable: true }) mediatorProfile?: MediatorProfileInput | null;
}

@InputType()
export class UpdateStaffMemberInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) keycloakSubject?: string | null;
  @Field(() => [String], { nullable: true }) roles?: string[] | null;
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => ID, { nullable: true }) orgUnitId?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
  @Field(() => MediatorProfileInput, { nullable: true, description: 'Explicit null removes the mediator profile' })
  mediatorProfile?: MediatorProfileInput | null;
}
