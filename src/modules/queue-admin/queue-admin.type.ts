import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('QueueFailure', { description: 'A job that failed for good (kept a week); ids only, no personal data' })
export class QueueFailureType {
  @Field(() => String) jobId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) failedReason!: string;
  @Field(() => Int) attemptsMade!: number;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType('QueueStatus', { description: 'One BullMQ queue as the on-call operator needs to see it' })
export class QueueStatusType {
  @Field(() => String) name!: string;
  @Field(() => Int) waiting!: number;
  @Field(() => Int) active!: number;
  @Field(() => Int) delayed!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Boolean) paused!: boolean;
  @Field(() => [String], { description: 'Job schedulers declared on the queue (the sweeps)' }) schedulers!: string[];
  @Field(() => [QueueFailureType], { description: 'The latest failures, newest first' })
  recentFailures!: QueueFailureType[];
}
