import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { createUserErrorType } from '../../core/graphql/user-error';
import { createConnectionType } from '../../core/graphql/connection';
import { TENANT_LEVELS, TENANT_STATUSES, type TenantLevel, type TenantRecord, type TenantStatus } from './tenant.model';
import { TenantErrorCode } from './tenant.errors';

export const TenantLevelEnum = Object.fromEntries(TENANT_LEVELS.map((k) => [k, k])) as Record<TenantLevel, TenantLevel>;
registerEnumType(TenantLevelEnum, { name: 'TenantLevel' });
export const TenantStatusEnum = Object.fromEntries(TENANT_STATUSES.map((k) => [k, k])) as Record<
  TenantStatus,
  TenantStatus
>;
registerEnumType(TenantStatusEnum, { name: 'TenantStatus' });

@ObjectType('Tenant', { description: 'A county or town center: the unit of isolation' })
export class TenantType {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => TenantLevelEnum) level!: TenantLevel;
  parentId!: string | null;
  @Field(() => String, { description: 'IANA zone in which "today" and working hours are counted' }) timeZone!: string;
  @Field(() => String, { description: 'Prefix of case numbers, e.g. ZL in ZL-2026-000123' }) caseNumberPrefix!: string;
  @Field(() => TenantStatusEnum) status!: TenantStatus;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(t: TenantRecord): TenantType {
    return Object.assign(new TenantType(), t);
  }
}

export const TenantConnection = createConnectionType('Tenant', TenantType);
export const TenantUserError = createUserErrorType('Tenant', TenantErrorCode);

@ObjectType()
export class TenantPayload {
  @Field(() => TenantType, { nullable: true }) tenant!: TenantType | null;
  @Field(() => [TenantUserError]) userErrors!: InstanceType<typeof TenantUserError>[];
}

@InputType()
export class CreateTenantInput {
  @Field(() => String, { description: 'Lower-case key, e.g. zhili; Keycloak organization alias' }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => TenantLevelEnum) level!: TenantLevel;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => String, { nullable: true, defaultValue: 'Asia/Shanghai' }) timeZone?: string | null;
  @Field(() => String, { nullable: true }) caseNumberPrefix?: string | null;
}

@InputType()
export class UpdateTenantInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => TenantLevelEnum, { nullable: true }) level?: TenantLevel | null;
  @Field(() => ID, { nullable: true, description: 'null detaches the tenant from its parent' }) parentId?:
    string | null;
  @Field(() => String, { nullable: true }) timeZone?: string | null;
  @Field(() => String, { nullable: true }) caseNumberPrefix?: string | null;
}

@InputType()
export class SuspendTenantInput {
  @Field(() => ID) id!: string;
  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'false reactivates the tenant' })
  suspended?: boolean;
}

@ObjectType('Viewer', { description: 'Who is calling, and where' })
export class ViewerType {
  @Field(() => String, { description: 'Subject (Keycloak user or service-account id)' }) subject!: string;
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => String, { nullable: true, description: 'Set for machine clients (client-credentials tokens)' })
  clientId!: string | null;
  @Field(() => [String]) roles!: string[];
  @Field(() => [TenantType], { description: 'Tenants the token allows' }) tenants!: TenantType[];
  @Field(() => TenantType, { nullable: true, description: 'The tenant this request acts in' })
  currentTenant!: TenantType | null;
}
