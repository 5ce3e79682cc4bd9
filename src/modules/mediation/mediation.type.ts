import { enumOf } from '../../core/graphql/enum-of';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { PersonalText } from '../../core/graphql/personal-text';
import { DecimalScalar } from '../../core/graphql/scalars';
import { CaseUserError } from '../case/case.type';
import {
  MEDIATION_METHODS,
  MEDIATION_OUTCOMES,
  type AgreementEntity,
  type ChosenBy,
  type ConfirmationStatus,
  type Instalment,
  type MediationMethod,
  type MediationOutcome,
  type MediationSessionEntity,
  type SessionStatus,
} from './mediation.entity';

export const MediationMethodEnum = enumOf(MEDIATION_METHODS);
registerEnumType(MediationMethodEnum, { name: 'MediationMethod' });
export const MediationOutcomeEnum = enumOf(MEDIATION_OUTCOMES);
registerEnumType(MediationOutcomeEnum, { name: 'MediationOutcome' });
export const ChosenByEnum = enumOf(['PARTIES', 'CLERK'] as const);
registerEnumType(ChosenByEnum, {
  name: 'MediatorChosenBy',
  description: 'Residents may choose their mediator and method',
});
export const SessionStatusEnum = enumOf(['SCHEDULED', 'HELD', 'CANCELLED'] as const);
registerEnumType(SessionStatusEnum, { name: 'MediationSessionStatus' });
export const ConfirmationStatusEnum = enumOf(['NONE', 'REQUESTED', 'CONFIRMED', 'REFUSED'] as const);
registerEnumType(ConfirmationStatusEnum, { name: 'JudicialConfirmationStatus' });
export const ConfirmationStepEnum = enumOf(['REQUESTED', 'CONFIRMED', 'REFUSED'] as const);
registerEnumType(ConfirmationStepEnum, { name: 'JudicialConfirmationStep' });

@ObjectType('MediationSession', { description: 'A booked mediation; several mediators or departments make it joint' })
export class MediationSessionType {
  @Field(() => ID) id!: string;
  caseId!: string;
  orgUnitId!: string | null;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @PersonalText() @Field(() => String, { nullable: true }) place!: string | null;
  @Field(() => Boolean) online!: boolean;
  @Field(() => MediationMethodEnum) method!: MediationMethod;
  @Field(() => ChosenByEnum) chosenBy!: ChosenBy;
  @Field(() => SessionStatusEnum) status!: SessionStatus;
  @Field(() => MediationOutcomeEnum, { nullable: true }) outcome!: MediationOutcome | null;
  @PersonalText() @Field(() => String, { nullable: true }) outcomeNote!: string | null;

  static from(s: MediationSessionEntity): MediationSessionType {
    return Object.assign(new MediationSessionType(), {
      id: s.id,
      caseId: s.caseId,
      orgUnitId: s.orgUnitId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      place: s.place,
      online: s.online,
      method: s.method,
      chosenBy: s.chosenBy,
      status: s.status,
      outcome: s.outcome,
      outcomeNote: s.outcomeNote,
    });
  }
}

@ObjectType('Instalment')
export class InstalmentType {
  @Field(() => String, { description: 'YYYY-MM-DD' }) dueOn!: string;
  @Field(() => DecimalScalar) amount!: string;
}

@ObjectType('Agreement', { description: 'A mediation agreement and its judicial confirmation' })
export class AgreementType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) sessionId!: string | null;
  @PersonalText() @Field(() => String) terms!: string;
  @Field(() => DecimalScalar, { nullable: true }) amount!: string | null;
  @Field(() => [InstalmentType]) instalments!: Instalment[];
  @Field(() => Date) signedAt!: Date;
  @Field(() => ConfirmationStatusEnum) confirmationStatus!: ConfirmationStatus;
  @Field(() => String, { nullable: true }) confirmationCourt!: string | null;
  @Field(() => String, { nullable: true }) confirmationCaseNumber!: string | null;
  @Field(() => Date, { nullable: true }) confirmationRequestedAt!: Date | null;
  @Field(() => Date, { nullable: true }) confirmationDecidedAt!: Date | null;

  static from(a: AgreementEntity): AgreementType {
    return Object.assign(new AgreementType(), {
      id: a.id,
      sessionId: a.sessionId,
      terms: a.terms,
      amount: a.amount,
      instalments: a.instalments,
      signedAt: a.signedAt,
      confirmationStatus: a.confirmationStatus,
      confirmationCourt: a.confirmationCourt,
      confirmationCaseNumber: a.confirmationCaseNumber,
      confirmationRequestedAt: a.confirmationRequestedAt,
      confirmationDecidedAt: a.confirmationDecidedAt,
    });
  }
}

@InputType()
export class ScheduleMediationInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => ID, { nullable: true, description: "Where; defaults to the case's unit" }) orgUnitId?: string | null;
  @Field(() => String, { nullable: true }) place?: string | null;
  @Field(() => Boolean, { nullable: true }) online?: boolean | null;
  @Field(() => MediationMethodEnum) method!: MediationMethod;
  @Field(() => ChosenByEnum) chosenBy!: ChosenBy;
  @Field(() => [ID]) mediatorIds!: string[];
  @Field(() => [ID], { nullable: true, description: 'Departments joining: a joint mediation' }) departmentIds?:
    string[] | null;
  @Field(() => String, {
    nullable: true,
    description: "A leader books outside the place's hours or a participant's roster, saying why (audited)",
  })
  overrideReason?: string | null;
}

@InputType()
export class RescheduleMediationInput {
  @Field(() => ID) sessionId!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => String, { description: 'Why it moves; the mediators are told' }) reason!: string;
  @Field(() => String, {
    nullable: true,
    description: "A leader moves it outside the place's hours or a participant's roster, saying why (audited)",
  })
  overrideReason?: string | null;
}

@InputType()
export class CancelMediationInput {
  @Field(() => ID) sessionId!: string;
  @Field(() => String, { description: 'Why it is called off; the mediators are told' }) reason!: string;
}

@InputType()
export class InstalmentInput {
  @Field(() => String) dueOn!: string;
  @Field(() => DecimalScalar) amount!: string;
}

@InputType()
export class AgreementInput {
  @Field(() => String) terms!: string;
  @Field(() => DecimalScalar, { nullable: true }) amount?: string | null;
  @Field(() => [InstalmentInput], { nullable: true }) instalments?: InstalmentInput[] | null;
}

@InputType()
export class RecordMediationOutcomeInput {
  @Field(() => ID) sessionId!: string;
  @Field(() => MediationOutcomeEnum) outcome!: MediationOutcome;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => AgreementInput, { nullable: true, description: 'For AGREED or PARTLY_AGREED' })
  agreement?: AgreementInput | null;
  @Field(() => String, {
    nullable: true,
    description: 'Required when the outcome is entered after the day the session took place (audited)',
  })
  lateReason?: string | null;
}

@InputType()
export class RecordJudicialConfirmationInput {
  @Field(() => ID) agreementId!: string;
  @Field(() => ConfirmationStepEnum) status!: 'REQUESTED' | 'CONFIRMED' | 'REFUSED';
  @Field(() => String) court!: string;
  @Field(() => String, { nullable: true }) courtCaseNumber?: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was requested or decided (default: now)' })
  at?: Date | null;
}

@ObjectType()
export class MediationSessionPayload {
  @Field(() => MediationSessionType, { nullable: true }) session!: MediationSessionType | null;
  @Field(() => [CaseUserError]) userErrors!: InstanceType<typeof CaseUserError>[];
}

@ObjectType()
export class AgreementPayload {
  @Field(() => AgreementType, { nullable: true }) agreement!: AgreementType | null;
  @Field(() => [CaseUserError]) userErrors!: InstanceType<typeof CaseUserError>[];
}
