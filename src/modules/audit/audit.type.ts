import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { createConnectionType } from '../../core/graphql/connection';
import type { AuditEventEntity } from './audit.entity';

@ObjectType('AuditEvent', { description: 'Who changed what, when, from where: append-only' })
export class AuditEventType {
  @Field(() => ID) id!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => String, { nullable: true }) actorSubject!: string | null;
  @Field(() => String, { description: 'e.g. orgUnit.move, residency.end' }) action!: string;
  @Field(() => String, { nullable: true }) targetType!: string | null;
  @Field(() => ID, { nullable: true }) targetId!: string | null;
  @Field(() => Boolean) success!: boolean;
  @Field(() => String, { nullable: true }) sourceIp!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => GraphQLJSON, { nullable: true }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after!: unknown;

  static from(e: AuditEventEntity): AuditEventType {
    return Object.assign(new AuditEventType(), {
      id: e.id,
      occurredAt: e.occurredAt,
      actorSubject: e.actorSubject,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      success: e.success,
      sourceIp: e.sourceIp,
      requestId: e.requestId,
      before: e.before,
      after: e.after,
    });
  }
}

export const AuditEventConnection = createConnectionType('AuditEvent', AuditEventType);

@InputType()
export class AuditEventFilter {
  @Field(() => String, { nullable: true }) action?: string | null;
  @Field(() => String, { nullable: true }) targetType?: string | null;
  @Field(() => ID, { nullable: true }) targetId?: string | null;
  @Field(() => String, { nullable: true }) actorSubject?: string | null;
  @Field(() => Date, { nullable: true, description: 'Inclusive' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Exclusive' }) to?: Date | null;
}
