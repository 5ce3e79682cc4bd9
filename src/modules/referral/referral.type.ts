import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { PersonalText } from '../../core/graphql/personal-text';
import { CaseUserError } from '../case/case.type';
import { REFERRAL_TARGETS, type ReferralEntity, type ReferralTarget } from './referral.entity';

export const ReferralTargetEnum = Object.fromEntries(REFERRAL_TARGETS.map((v) => [v, v])) as Record<
  ReferralTarget,
  ReferralTarget
>;
registerEnumType(ReferralTargetEnum, { name: 'ReferralTarget' });

@ObjectType('Referral', { description: 'Handed to a court, labour arbitration, petitions, legal aid or an authority' })
export class ReferralType {
  @Field(() => ID) id!: string;
  @Field(() => ReferralTargetEnum) target!: ReferralTarget;
  @Field(() => String) targetName!: string;
  @Field(() => String, { nullable: true }) referenceNumber!: string | null;
  @PersonalText() @Field(() => String, { nullable: true }) reason!: string | null;
  @PersonalText() @Field(() => String, { nullable: true }) outcome!: string | null;
  @Field(() => Date, { nullable: true }) outcomeAt!: Date | null;
  @Field(() => Date) referredAt!: Date;

  static from(r: ReferralEntity): ReferralType {
    return Object.assign(new ReferralType(), {
      id: r.id,
      target: r.target,
      targetName: r.targetName,
      referenceNumber: r.referenceNumber,
      reason: r.reason,
      outcome: r.outcome,
      outcomeAt: r.outcomeAt,
      referredAt: r.referredAt,
    });
  }
}

@InputType()
export class ReferCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => ReferralTargetEnum) target!: ReferralTarget;
  @Field(() => String) targetName!: string;
  @Field(() => String, { nullable: true }) referenceNumber?: string | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true }) legalBasis?: string | null;
}

@InputType()
export class RecordReferralOutcomeInput {
  @Field(() => ID) referralId!: string;
  @Field(() => String) outcome!: string;
  @Field(() => String, { nullable: true }) referenceNumber?: string | null;
}

@ObjectType()
export class ReferralPayload {
  @Field(() => ReferralType, { nullable: true }) referral!: ReferralType | null;
  @Field(() => [CaseUserError]) userErrors!: InstanceType<typeof CaseUserError>[];
}
