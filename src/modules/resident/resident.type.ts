import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../core/graphql/enum-of';
import { createUserErrorType } from '../../core/graphql/user-error';
import { createConnectionType } from '../../core/graphql/connection';
import { PersonalText } from '../../core/graphql/personal-text';
import { DecimalScalar } from '../../core/graphql/scalars';
import { CaseStatusEnum } from '../case/case.type';
import type { CaseStatus } from '../case/case.states';
import { MediationMethodEnum, SessionStatusEnum } from '../mediation/mediation.type';
import type { MediationMethod, SessionStatus } from '../mediation/mediation.entity';
import { MEDIATION_WAYS, REQUEST_STATUSES, type MediationWay, type RequestStatus } from './resident.entity';
import { RESIDENT_ERROR_CODES } from './resident.errors';

export const ResidentErrorCodeEnum = enumOf(RESIDENT_ERROR_CODES);
export const ResidentUserError = createUserErrorType('Resident', ResidentErrorCodeEnum);
type ResidentUserErrors = InstanceType<typeof ResidentUserError>[];

export const MediationWayEnum = enumOf(MEDIATION_WAYS);
registerEnumType(MediationWayEnum, {
  name: 'MediationWay',
  description: 'How a resident would meet: AT_CENTER (在中心), ONLINE (线上), AT_VILLAGE (到村（社区）)',
});
export const ResidentRequestStatusEnum = enumOf(REQUEST_STATUSES);
registerEnumType(ResidentRequestStatusEnum, { name: 'ResidentMediationRequestStatus' });
export const ResidentChannelEnum = enumOf(['QR_CODE', 'MINI_PROGRAM'] as const);
registerEnumType(ResidentChannelEnum, { name: 'ResidentChannel' });

@ObjectType({ description: 'The unit a QR code opens: what the resident page shows before sign-in' })
export class ResidentUnitType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) tenantName!: string;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true, description: "the unit's public phone" }) phone!: string | null;
  @Field(() => [ResidentCategoryType]) categories!: ResidentCategoryType[];
}

@ObjectType({ description: 'A dispute category in plain words' })
export class ResidentCategoryType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType('ResidentSession')
export class ResidentSessionType {
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @PersonalText() @Field(() => String, { nullable: true }) place!: string | null;
  @Field(() => Boolean) online!: boolean;
  @Field(() => MediationMethodEnum) method!: MediationMethod;
  @Field(() => SessionStatusEnum) status!: SessionStatus;
  @Field(() => [String]) mediatorNames!: string[];
}

@ObjectType('ResidentInstalment')
export class ResidentInstalmentType {
  @Field(() => String, { description: 'local date YYYY-MM-DD' }) dueOn!: string;
  @Field(() => DecimalScalar) amount!: string;
}

@ObjectType('ResidentMediationRequest')
export class ResidentMediationRequestType {
  @Field(() => ID) id!: string;
  @Field(() => ID) caseId!: string;
  @Field(() => ID) mediatorId!: string;
  @Field(() => MediationWayEnum) way!: MediationWay;
  @Field(() => String, { nullable: true, description: "the resident's note" }) note!: string | null;
  @Field(() => ResidentRequestStatusEnum) status!: RequestStatus;
  @Field(() => String) statusText!: string;
  @Field(() => String, { nullable: true }) mediatorName!: string | null;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => Date, { nullable: true }) proposedStartsAt!: Date | null;
  @Field(() => Date, { nullable: true }) proposedEndsAt!: Date | null;
  @Field(() => String, { nullable: true }) proposedMediatorName!: string | null;
  @PersonalText() @Field(() => String, { nullable: true }) staffMessage!: string | null;
}

export const ResidentMediationRequestConnection = createConnectionType(
  'ResidentMediationRequest',
  ResidentMediationRequestType,
);

@ObjectType('ResidentCase', { description: "A resident's own case as they see it: no other party, no staff phones" })
export class ResidentCaseType {
  @Field(() => ID) id!: string;
  @Field(() => String) number!: string;
  @Field(() => CaseStatusEnum) status!: CaseStatus;
  @Field(() => String, { description: 'the status in plain words: 已受理、调解中 …' }) statusText!: string;
  @Field(() => String, { nullable: true }) nextStep!: string | null;
  @Field(() => Date, { nullable: true }) nextStepDue!: Date | null;
  @Field(() => Date) reportedAt!: Date;
  @Field(() => String, { description: 'what the resident wrote' }) whatHappened!: string;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => String, { nullable: true }) unitName!: string | null;
  @Field(() => String, { nullable: true, description: 'the department handling it' }) departmentName!: string | null;
  @Field(() => [ResidentSessionType]) sessions!: ResidentSessionType[];
  @Field(() => DecimalScalar, { nullable: true }) agreementAmount!: string | null;
  @Field(() => [ResidentInstalmentType]) instalments!: ResidentInstalmentType[];
  @Field(() => [ResidentMediationRequestType]) mediationRequests!: ResidentMediationRequestType[];
  @Field(() => Boolean) canRequestMediation!: boolean;
  @Field(() => Boolean) canRate!: boolean;
  @Field(() => Int, { nullable: true }) rating!: number | null;
  @Field(() => String, { nullable: true }) ratingComment!: string | null;
}

@ObjectType('ResidentSlot')
export class ResidentSlotType {
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
}

@ObjectType('OfferedMediator', { description: 'A mediator the center offers residents for their case' })
export class OfferedMediatorType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'personal mediation studio (个人调解工作室)' }) studioName!:
    string | null;
  @Field(() => [String], { description: 'category names' }) specialties!: string[];
  @Field(() => Boolean, { description: '金牌调解员' }) goldMedal!: boolean;
  @Field(() => [String]) languages!: string[];
  @Field(() => [ResidentSlotType], { description: 'next free hour-long slots (rosters, opening hours, sessions)' })
  nextFreeSlots!: ResidentSlotType[];
  @Field(() => [MediationWayEnum]) ways!: MediationWay[];
}

@ObjectType()
export class ResidentCodePayload {
  @Field(() => String, { nullable: true, description: 'where the code went, masked: 138****5678' }) sentTo!:
    string | null;
  @Field(() => Int, { nullable: true }) expiresInSeconds!: number | null;
  @Field(() => [ResidentUserError]) userErrors!: ResidentUserErrors;
}

@ObjectType()
export class ResidentSessionPayload {
  @Field(() => String, { nullable: true, description: 'send as "Authorization: Bearer <token>"' }) token!:
    string | null;
  @Field(() => Date, { nullable: true }) expiresAt!: Date | null;
  @Field(() => [ResidentUserError]) userErrors!: ResidentUserErrors;
}

@ObjectType()
export class ResidentCasePayload {
  @Field(() => ResidentCaseType, { nullable: true }) case!: ResidentCaseType | null;
  @Field(() => [ResidentUserError]) userErrors!: ResidentUserErrors;
}

@ObjectType({ description: "The receipt of a resident's report" })
export class ResidentReportPayload {
  @Field(() => String, { nullable: true }) caseNumber!: string | null;
  @Field(() => Date, { nullable: true }) reportedAt!: Date | null;
  @Field(() => ResidentCaseType, { nullable: true }) case!: ResidentCaseType | null;
  @Field(() => [ResidentUserError]) userErrors!: ResidentUserErrors;
}

@ObjectType({ description: "Staff's answer to a resident's booking" })
export class ResidentMediationRequestPayload {
  @Field(() => ResidentMediationRequestType, { nullable: true }) request!: ResidentMediationRequestType | null;
  @Field(() => [ResidentUserError]) userErrors!: ResidentUserErrors;
}

@InputType()
export class ResidentRequestCodeInput {
  @Field(() => String) phone!: string;
}

@InputType()
export class ResidentVerifyInput {
  @Field(() => String) phone!: string;
  @Field(() => String) code!: string;
}

@InputType()
export class ResidentReportCaseInput {
  @Field(() => ID, { description: 'the unit of the QR code' }) orgUnitId!: string;
  @Field(() => ResidentChannelEnum, { nullable: true, defaultValue: 'QR_CODE' }) channel?: 'QR_CODE' | 'MINI_PROGRAM';
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field(() => String) whatHappened!: string;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => Date, { nullable: true }) happenedAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'the other party, if known' }) otherPartyName?: string | null;
  @Field(() => String) contactName!: string;
  @Field(() => String, { nullable: true, description: 'the same key answers with the same case (a retried send)' })
  idempotencyKey?: string | null;
}

@InputType()
export class ResidentRequestMediationInput {
  @Field(() => String) caseNumber!: string;
  @Field(() => ID) mediatorId!: string;
  @Field(() => Date, { description: 'one of the offered nextFreeSlots' }) startsAt!: Date;
  @Field(() => MediationWayEnum) way!: MediationWay;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class ResidentRespondInput {
  @Field(() => ID) requestId!: string;
  @Field(() => Boolean) accept!: boolean;
}

@InputType()
export class ResidentRateInput {
  @Field(() => String) caseNumber!: string;
  @Field(() => Int, { description: '1 to 5' }) rating!: number;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@InputType()
export class ConfirmResidentMediationRequestInput {
  @Field(() => ID) requestId!: string;
  @Field(() => String, { nullable: true }) place?: string | null;
  @Field(() => ID, { nullable: true }) orgUnitId?: string | null;
}

@InputType()
export class ProposeResidentMediationSlotInput {
  @Field(() => ID) requestId!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => ID, { nullable: true }) mediatorId?: string | null;
  @Field(() => String, { nullable: true }) message?: string | null;
}
