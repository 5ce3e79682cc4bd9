import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../core/graphql/scalars';
import { RiskLevelEnum } from '../category/category.type';
import type { RiskLevel } from '../category/category.entity';
import type { Channel, FailedMediationAction, PartyKind, PartyRole, WarningLevel } from './case.entity';
import type { CaseStatus } from './case.states';
import {
  CaseStatusEnum,
  ChannelEnum,
  FailedMediationActionEnum,
  PartyKindEnum,
  PartyRoleEnum,
  WarningLevelEnum,
} from './case.type';

export enum CaseOrderEnum {
  REPORTED_AT_DESC = 'REPORTED_AT_DESC',
  REPORTED_AT_ASC = 'REPORTED_AT_ASC',
}
registerEnumType(CaseOrderEnum, { name: 'CaseOrder' });

@InputType()
export class PartyInput {
  @Field(() => PartyRoleEnum) role!: PartyRole;
  @Field(() => PartyKindEnum) kind!: PartyKind;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: '18-character resident ID (checked)' }) idNumber?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true, description: 'Unified social credit code, for organisations' }) creditCode?:
    string | null;
}

@InputType()
export class ReportCaseInput {
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field(() => RiskLevelEnum, { nullable: true, description: "Defaults to the category's risk level" })
  riskLevel?: RiskLevel | null;
  @Field(() => Int, { nullable: true, description: 'Defaults to the number of applicants' }) peopleInvolved?:
    number | null;
  @Field(() => DecimalScalar, { nullable: true }) amountInvolved?: string | null;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => ID, { nullable: true, description: 'The unit or grid where it was reported; routing rules match on it' })
  reportedOrgUnitId?: string | null;
  @Field(() => [PartyInput], { nullable: true }) parties?: PartyInput[] | null;
  @Field(() => String, { nullable: true, description: "The feed's own reference; machine feeds must send it" })
  externalRef?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A retried report with the same key returns the same case; machine feeds must send it',
  })
  idempotencyKey?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Staff entering the report for a resident' })
  onBehalfOfResident?: boolean | null;
}

@InputType()
export class CaseFilter {
  @Field(() => [CaseStatusEnum], { nullable: true }) statuses?: CaseStatus[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only cases not closed, rejected or merged' }) openOnly?:
    boolean | null;
  @Field(() => ID, { nullable: true, description: 'This category and those under it' }) categoryId?: string | null;
  @Field(() => [RiskLevelEnum], { nullable: true }) riskLevels?: RiskLevel[] | null;
  @Field(() => [WarningLevelEnum], { nullable: true }) warningLevels?: WarningLevel[] | null;
  @Field(() => ID, { nullable: true, description: 'Handled at this unit or any unit under it' }) orgUnitId?:
    string | null;
  @Field(() => ID, { nullable: true }) assigneeId?: string | null;
  @Field(() => [ChannelEnum], { nullable: true }) channels?: Channel[] | null;
  @Field(() => Date, { nullable: true, description: 'Inclusive' }) reportedFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Exclusive' }) reportedTo?: Date | null;
  @Field(() => String, { nullable: true, description: 'Substring of title or description (Chinese works)' }) text?:
    string | null;
  @Field(() => String, { nullable: true }) externalRef?: string | null;
}

@InputType()
export class AcceptCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => ID, { nullable: true, description: 'Correct the category' }) categoryId?: string | null;
  @Field(() => RiskLevelEnum, { nullable: true, description: 'Correct the risk level' }) riskLevel?: RiskLevel | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class CaseReasonInput {
  @Field(() => ID) caseId!: string;
  @Field(() => String) reason!: string;
}

@InputType()
export class DispatchCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => ID, { nullable: true, description: 'Leave both targets empty to dispatch by the routing rules' })
  orgUnitId?: string | null;
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class AssignCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => [ID], { description: 'Replaces the people on the case' }) staffIds!: string[];
  @Field(() => ID, { nullable: true, description: 'The lead handler (default: the first)' }) leadId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A leader puts a mediator on the case beyond their limit of open cases, saying why (audited)',
  })
  overrideReason?: string | null;
}

@InputType()
export class AddCaseNoteInput {
  @Field(() => ID) caseId!: string;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) legalBasis?: string | null;
}

@InputType()
export class ResolveCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => String, { description: 'What was agreed or decided' }) resolution!: string;
  @Field(() => Boolean, { nullable: true, description: 'Settled on site by the front end (patrol, grid, station)' })
  resolvedOnSite?: boolean | null;
  @Field(() => String, { nullable: true }) legalBasis?: string | null;
  @Field(() => ID, { nullable: true, description: 'Who visits afterwards (default: the lead handler)' })
  followUpAssigneeId?: string | null;
}

@InputType()
export class CloseCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class MergeCasesInput {
  @Field(() => ID, { description: 'The case that stays' }) survivorId!: string;
  @Field(() => [ID]) duplicateIds!: string[];
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType()
export class UpdateCaseSettingsInput {
  @Field(() => Int, { nullable: true }) groupDisputeThreshold?: number | null;
  @Field(() => Int, { nullable: true }) duplicateWindowHours?: number | null;
  @Field(() => Int, { nullable: true }) failedMediationLimit?: number | null;
  @Field(() => FailedMediationActionEnum, { nullable: true }) failedMediationAction?: FailedMediationAction | null;
  @Field(() => Int, { nullable: true }) followUpDays?: number | null;
  @Field(() => Int, { nullable: true }) followUpWindowDays?: number | null;
  @Field(() => [String], { nullable: true }) personalDataRoles?: string[] | null;
  @Field(() => [String], { nullable: true }) revealRoles?: string[] | null;
}

@InputType()
export class RevealPartyInput {
  @Field(() => ID) partyId!: string;
  @Field(() => String, { description: 'Why you need it (kept in the audit trail)' }) reason!: string;
}
