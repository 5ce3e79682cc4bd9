import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { createUserErrorType } from '../../core/graphql/user-error';
import { createConnectionType } from '../../core/graphql/connection';
import { RiskLevelEnum } from '../category/category.type';
import type { RiskLevel } from '../category/category.entity';
import type { RoutingRuleEntity } from './routing.entity';
import { RoutingErrorCode } from './routing.errors';

@ObjectType('RoutingRule', {
  description: 'Category × place × risk → unit and/or department; the lowest priority that matches wins',
})
export class RoutingRuleType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'Lower is tried first' }) priority!: number;
  categoryId!: string | null;
  orgUnitId!: string | null;
  @Field(() => RiskLevelEnum, { nullable: true, description: 'Empty: any risk' }) riskLevel!: RiskLevel | null;
  targetOrgUnitId!: string | null;
  targetDepartmentId!: string | null;
  @Field(() => Boolean) active!: boolean;

  static from(r: RoutingRuleEntity): RoutingRuleType {
    return Object.assign(new RoutingRuleType(), {
      id: r.id,
      name: r.name,
      priority: r.priority,
      categoryId: r.categoryId,
      orgUnitId: r.orgUnitId,
      riskLevel: r.riskLevel,
      targetOrgUnitId: r.targetOrgUnitId,
      targetDepartmentId: r.targetDepartmentId,
      active: r.active,
    });
  }
}

export const RoutingRuleConnection = createConnectionType('RoutingRule', RoutingRuleType);
export const RoutingUserError = createUserErrorType('Routing', RoutingErrorCode);

@ObjectType()
export class RoutingRulePayload {
  @Field(() => RoutingRuleType, { nullable: true }) routingRule!: RoutingRuleType | null;
  @Field(() => [RoutingUserError]) userErrors!: InstanceType<typeof RoutingUserError>[];
}

@InputType()
export class UpsertRoutingRuleInput {
  @Field(() => ID, { nullable: true, description: 'Omit to create' }) id?: string | null;
  @Field(() => String) name!: string;
  @Field(() => Int) priority!: number;
  @Field(() => ID, { nullable: true, description: 'This category and those under it; empty: any' }) categoryId?:
    string | null;
  @Field(() => ID, { nullable: true, description: 'Reported at this unit or grid or under it; empty: anywhere' })
  orgUnitId?: string | null;
  @Field(() => RiskLevelEnum, { nullable: true }) riskLevel?: RiskLevel | null;
  @Field(() => ID, { nullable: true }) targetOrgUnitId?: string | null;
  @Field(() => ID, { nullable: true }) targetDepartmentId?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@InputType()
export class DeleteRoutingRuleInput {
  @Field(() => ID) id!: string;
}
