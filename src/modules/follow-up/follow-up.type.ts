import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PersonalText } from '../../core/graphql/personal-text';
import { FOLLOW_UP_RESULTS, type FollowUpEntity, type FollowUpResult, type FollowUpStatus } from './follow-up.entity';

export const FollowUpResultEnum = Object.fromEntries(FOLLOW_UP_RESULTS.map((v) => [v, v])) as Record<
  FollowUpResult,
  FollowUpResult
>;
registerEnumType(FollowUpResultEnum, {
  name: 'FollowUpResult',
  description: 'BROKEN reopens the case; RECURRED closes it and opens its recurrence',
});
export const FollowUpStatusEnum = Object.fromEntries(['SCHEDULED', 'DONE', 'CANCELLED'].map((v) => [v, v])) as Record<
  FollowUpStatus,
  FollowUpStatus
>;
registerEnumType(FollowUpStatusEnum, { name: 'FollowUpStatus' });

@ObjectType('FollowUp', { description: 'A visit after resolution (回访)' })
export class FollowUpType {
  @Field(() => ID) id!: string;
  @Field(() => Date) dueAt!: Date;
  assigneeId!: string | null;
  @Field(() => FollowUpStatusEnum) status!: FollowUpStatus;
  @Field(() => FollowUpResultEnum, { nullable: true }) result!: FollowUpResult | null;
  @PersonalText() @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Int, { nullable: true, description: '1 to 5' }) satisfaction!: number | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;

  static from(f: FollowUpEntity): FollowUpType {
    return Object.assign(new FollowUpType(), {
      id: f.id,
      dueAt: f.dueAt,
      assigneeId: f.assigneeId,
      status: f.status,
      result: f.result,
      notes: f.notes,
      satisfaction: f.satisfaction,
      completedAt: f.completedAt,
    });
  }
}

@InputType()
export class ScheduleFollowUpInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Date) dueAt!: Date;
  @Field(() => ID, { nullable: true }) assigneeId?: string | null;
}

@InputType()
export class CompleteFollowUpInput {
  @Field(() => ID) followUpId!: string;
  @Field(() => FollowUpResultEnum) result!: FollowUpResult;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => Int, { nullable: true }) satisfaction?: number | null;
}
