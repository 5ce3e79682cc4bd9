import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { createUserErrorType } from '../../core/graphql/user-error';
import { createConnectionType } from '../../core/graphql/connection';
import { RISK_LEVELS, type RiskLevel } from './category.entity';
import { CategoryErrorCode } from './category.errors';
import type { CategoryFields } from './category.rows';

export const RiskLevelEnum = Object.fromEntries(RISK_LEVELS.map((k) => [k, k])) as Record<RiskLevel, RiskLevel>;
registerEnumType(RiskLevelEnum, { name: 'RiskLevel', description: 'LOW < MEDIUM < HIGH < MAJOR' });

@ObjectType('Category', { simpleResolvers: true, description: 'A dispute category; the tree is per tenant' })
export class CategoryType {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  parentId!: string | null;
  @Field(() => RiskLevelEnum, { description: 'The risk level a new case of this category starts at' })
  defaultRiskLevel!: RiskLevel;
  @Field(() => Boolean) archived!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(c: CategoryFields): CategoryType {
    return Object.assign(new CategoryType(), {
      id: c.id,
      code: c.code,
      name: c.name,
      parentId: c.parentId,
      defaultRiskLevel: c.defaultRiskLevel,
      archived: c.archivedAt !== null,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    });
  }
}

export const CategoryConnection = createConnectionType('Category', CategoryType);
export const CategoryUserError = createUserErrorType('Category', CategoryErrorCode);

@ObjectType()
export class CategoryPayload {
  @Field(() => CategoryType, { nullable: true }) category!: CategoryType | null;
  @Field(() => [CategoryUserError]) userErrors!: InstanceType<typeof CategoryUserError>[];
}

@InputType()
export class CategoryFilter {
  @Field(() => ID, { nullable: true, description: 'Direct sub-categories of this one' }) parentId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only top-level categories' }) rootsOnly?: boolean | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) includeArchived?: boolean | null;
}

@InputType()
export class UpsertCategoryInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Update this category; without it, the one with this code, or a new one',
  })
  id?: string | null;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => RiskLevelEnum) defaultRiskLevel!: RiskLevel;
  @Field(() => Boolean, { nullable: true, description: 'Archive (true) or restore (false)' }) archived?: boolean | null;
}
