import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { createUserErrorType } from '../../core/graphql/user-error';
import { createConnectionType } from '../../core/graphql/connection';
import { DEPARTMENT_KINDS, type DepartmentEntity, type DepartmentKind } from './department.entity';
import { DepartmentErrorCode } from './department.errors';

export const DepartmentKindEnum = Object.fromEntries(DEPARTMENT_KINDS.map((k) => [k, k])) as Record<
  DepartmentKind,
  DepartmentKind
>;
registerEnumType(DepartmentKindEnum, { name: 'DepartmentKind', description: 'A government body or social force' });

@ObjectType('Department', { description: "A government body or social force in the tenant's catalogue" })
export class DepartmentType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Stable key within the tenant' }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => DepartmentKindEnum) kind!: DepartmentKind;
  @Field(() => String, { nullable: true }) contactName!: string | null;
  @Field(() => String, { nullable: true, description: 'Office phone' }) contactPhone!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Boolean) archived!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(d: DepartmentEntity): DepartmentType {
    return Object.assign(new DepartmentType(), {
      id: d.id,
      code: d.code,
      name: d.name,
      kind: d.kind,
      contactName: d.contactName,
      contactPhone: d.contactPhone,
      description: d.description,
      archived: d.archivedAt !== null,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    });
  }
}

export const DepartmentConnection = createConnectionType('Department', DepartmentType);
export const DepartmentUserError = createUserErrorType('Department', DepartmentErrorCode);

@ObjectType()
export class DepartmentPayload {
  @Field(() => DepartmentType, { nullable: true }) department!: DepartmentType | null;
  @Field(() => [DepartmentUserError]) userErrors!: InstanceType<typeof DepartmentUserError>[];
}

@InputType()
export class DepartmentFilter {
  @Field(() => DepartmentKindEnum, { nullable: true }) kind?: DepartmentKind | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) includeArchived?: boolean | null;
}

@InputType()
export class CreateDepartmentInput {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => DepartmentKindEnum) kind!: DepartmentKind;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String, { nullable: true }) contactPhone?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType()
export class UpdateDepartmentInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => DepartmentKindEnum, { nullable: true }) kind?: DepartmentKind | null;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String, { nullable: true }) contactPhone?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Archive (true) or restore (false); history is kept' })
  archived?: boolean | null;
}
