import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../core/graphql/enum-of';
import { createConnectionType } from '../../core/graphql/connection';
import { createUserErrorType } from '../../core/graphql/user-error';
import { PersonalText } from '../../core/graphql/personal-text';
import { CaseType } from '../case/case.type';
import { RiskLevelEnum } from '../category/category.type';
import type { RiskLevel } from '../category/category.entity';
import {
  CONSULTATION_OUTCOMES,
  CONSULTATION_TOPICS,
  type ConsultationEntity,
  type ConsultationOutcome,
  type ConsultationTopic,
} from './consultation.entity';
import { ConsultationErrorCode } from './consultation.errors';

export const ConsultationTopicEnum = enumOf(CONSULTATION_TOPICS);
registerEnumType(ConsultationTopicEnum, {
  name: 'ConsultationTopic',
  description:
    'LEGAL 法律咨询, PSYCHOLOGICAL 心理疏导, LABOUR 劳动政策, FAMILY 婚姻家庭, POLICY 政策咨询, PETITION 信访事项, OTHER',
});
export const ConsultationOutcomeEnum = enumOf(CONSULTATION_OUTCOMES);
registerEnumType(ConsultationOutcomeEnum, {
  name: 'ConsultationOutcome',
  description: 'TURNED_INTO_CASE only through turnConsultationIntoCase',
});

@ObjectType('Consultation', {
  description:
    'Help at the window that is not a dispute (法律咨询, 心理疏导 …). The visitor’s phone is masked unless your role sees personal data.',
})
export class ConsultationType {
  @Field(() => ID) id!: string;
  @Field(() => ConsultationTopicEnum) topic!: ConsultationTopic;
  @Field(() => ConsultationOutcomeEnum) outcome!: ConsultationOutcome;
  @Field(() => Int) minutes!: number;
  @PersonalText() @Field(() => String, { nullable: true }) visitorName!: string | null;
  visitorPhone!: string | null;
  @PersonalText() @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => Date) occurredAt!: Date;
  departmentId!: string | null;
  orgUnitId!: string | null;
  staffId!: string | null;
  caseId!: string | null;

  static from(k: ConsultationEntity): ConsultationType {
    return Object.assign(new ConsultationType(), {
      id: k.id,
      topic: k.topic,
      outcome: k.outcome,
      minutes: k.minutes,
      visitorName: k.visitorName,
      visitorPhone: k.visitorPhone,
      summary: k.summary,
      occurredAt: k.occurredAt,
      departmentId: k.departmentId,
      orgUnitId: k.orgUnitId,
      staffId: k.staffId,
      caseId: k.caseId,
    });
  }
}

export const ConsultationConnection = createConnectionType('Consultation', ConsultationType);
export const ConsultationUserError = createUserErrorType('Consultation', ConsultationErrorCode);

@InputType()
export class RecordConsultationInput {
  @Field(() => ConsultationTopicEnum) topic!: ConsultationTopic;
  @Field(() => ConsultationOutcomeEnum) outcome!: ConsultationOutcome;
  @Field(() => Int, { description: 'How long the visitor was helped, 1 to 600' }) minutes!: number;
  @Field(() => String, { nullable: true }) visitorName?: string | null;
  @Field(() => String, { nullable: true }) visitorPhone?: string | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => ID, { nullable: true, description: 'The department that helped (a resident one, e.g. 司法所)' })
  departmentId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Where; defaults to the recording staff member’s unit' })
  orgUnitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Who helped; defaults to the staff member recording it' })
  staffId?: string | null;
  @Field(() => Date, { nullable: true, description: 'When it took place (default now; never in the future)' })
  occurredAt?: Date | null;
}

@InputType()
export class TurnConsultationIntoCaseInput {
  @Field(() => ID) consultationId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true, description: 'Defaults to the consultation’s summary' })
  description?: string | null;
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field(() => RiskLevelEnum, { nullable: true }) riskLevel?: RiskLevel | null;
}

@InputType()
export class ConsultationFilterInput {
  @Field(() => Date, { nullable: true, description: 'Inclusive' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Exclusive' }) to?: Date | null;
  @Field(() => ConsultationTopicEnum, { nullable: true }) topic?: ConsultationTopic | null;
}

@ObjectType()
export class ConsultationPayload {
  @Field(() => ConsultationType, { nullable: true }) consultation!: ConsultationType | null;
  @Field(() => [ConsultationUserError]) userErrors!: InstanceType<typeof ConsultationUserError>[];
}

@ObjectType()
export class TurnConsultationIntoCasePayload {
  @Field(() => ConsultationType, { nullable: true }) consultation!: ConsultationType | null;
  @Field(() => CaseType, { nullable: true }) case!: CaseType | null;
  @Field(() => [ConsultationUserError]) userErrors!: InstanceType<typeof ConsultationUserError>[];
}
