import { enumOf } from '../../core/graphql/enum-of';
import { ALLOWED_ACTIONS } from './case-actions';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PersonalText } from '../../core/graphql/personal-text';
import { GraphQLJSON } from 'graphql-scalars';
import { createUserErrorType } from '../../core/graphql/user-error';
import { createConnectionType } from '../../core/graphql/connection';
import { DecimalScalar } from '../../core/graphql/scalars';
import { RiskLevelEnum } from '../category/category.type';
import type { RiskLevel } from '../category/category.entity';
import {
  CHANNELS,
  DUPLICATE_REASONS,
  PARTY_KINDS,
  PARTY_ROLES,
  WARNING_LEVELS,
  type CaseEscalationEntity,
  type CaseSettingsEntity,
  FAILED_MEDIATION_ACTIONS,
  type FailedMediationAction,
  type Channel,
  type DuplicateReason,
  type PartyKind,
  type PartyRole,
  type WarningLevel,
} from './case.entity';
import { CASE_STATUSES, type CaseStatus } from './case.states';
import { CaseErrorCodeEnum } from './case.errors';
import { maskAddress, maskIdNumber, maskPhone } from './personal-data';
import type { AssigneeFields, CaseFields, EventFields, PartyFields } from './case-rows';
import type { CategoryFields } from '../category/category.rows';
import type { StaffFields } from '../staff/staff.rows';

/** An assignee with its staff row, as a page's statement brings it along. */
export type JoinedAssignee = AssigneeFields & { staff: StaffFields | null };

export const FailedMediationActionEnum = enumOf(FAILED_MEDIATION_ACTIONS);
registerEnumType(FailedMediationActionEnum, { name: 'FailedMediationAction' });
export const ChannelEnum = enumOf(CHANNELS);
registerEnumType(ChannelEnum, { name: 'Channel', description: 'Where a report came in' });
export const AllowedActionEnum = enumOf(ALLOWED_ACTIONS);
registerEnumType(AllowedActionEnum, {
  name: 'CaseAction',
  description: 'A step the signed-in person may take on a case now (its state and their roles)',
});
export const CaseStatusEnum = enumOf(CASE_STATUSES);
registerEnumType(CaseStatusEnum, { name: 'CaseStatus', description: 'See docs/case-lifecycle.md' });
export const WarningLevelEnum = enumOf(WARNING_LEVELS);
registerEnumType(WarningLevelEnum, {
  name: 'WarningLevel',
  description: 'NONE once closed; GREEN on track; YELLOW, RED closer to or past a deadline',
});
export const PartyRoleEnum = enumOf(PARTY_ROLES);
registerEnumType(PartyRoleEnum, { name: 'PartyRole' });
export const PartyKindEnum = enumOf(PARTY_KINDS);
registerEnumType(PartyKindEnum, { name: 'PartyKind' });
export const DuplicateReasonEnum = enumOf(DUPLICATE_REASONS);
registerEnumType(DuplicateReasonEnum, { name: 'DuplicateReason' });

export const CaseUserError = createUserErrorType('Case', CaseErrorCodeEnum);

@ObjectType('Case', {
  simpleResolvers: true,
  description:
    'One dispute (矛盾纠纷), from report to closure, with its digital file. ID numbers and phones typed into its free text (title, description, location, notes and reasons, timeline data) are masked unless your role sees personal data.',
})
export class CaseType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Per tenant and year, e.g. ZL-2026-000123' }) number!: string;
  @PersonalText() @Field(() => String) title!: string;
  @PersonalText() @Field(() => String) description!: string;
  categoryId!: string | null;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => CaseStatusEnum) status!: CaseStatus;
  @Field(() => RiskLevelEnum) riskLevel!: RiskLevel;
  @Field(() => WarningLevelEnum) warningLevel!: WarningLevel;
  @Field(() => Boolean) isGroupDispute!: boolean;
  @Field(() => Int) peopleInvolved!: number;
  @Field(() => DecimalScalar, { nullable: true }) amountInvolved!: string | null;
  @PersonalText() @Field(() => String, { nullable: true, description: 'Where the dispute happened' }) location!:
    string | null;
  reportedOrgUnitId!: string | null;
  orgUnitId!: string | null;
  departmentId!: string | null;
  @Field(() => Boolean, { description: 'Entered by staff for a resident' }) reportedOnBehalf!: boolean;
  @Field(() => String, { nullable: true, description: "The feed's own reference (12345, 110)" }) externalRef!:
    string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Resolved on site by the front end (patrol, grid, station): the on-site resolution rate',
  })
  resolvedOnSite!: boolean | null;
  @PersonalText() @Field(() => String, { nullable: true }) resolution!: string | null;
  @PersonalText() @Field(() => String, { nullable: true }) rejectReason!: string | null;
  @Field(() => Boolean, { description: 'Too many failed mediations at this level: consider escalating' })
  escalationSuggested!: boolean;
  @Field(() => Int) failedMediationsAtLevel!: number;
  recurrenceOfId!: string | null;
  mergedIntoId!: string | null;
  @Field(() => Boolean, { description: 'Opened by an escalation from a child tenant' }) fromChildTenant!: boolean;
  @Field(() => Date) reportedAt!: Date;
  @Field(() => Date, { nullable: true }) acceptedAt!: Date | null;
  @Field(() => Date, { nullable: true }) dispatchedAt!: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => Date) updatedAt!: Date;
  /** the category the page's statement joined in (undefined: not joined, the loader reads it) */
  joinedCategory?: CategoryFields | null;
  /** the parties and assignees the page's statement brought along (undefined: the loaders read them) */
  joinedParties?: PartyFields[];
  joinedAssignees?: JoinedAssignee[];

  static from(
    c: CaseFields & { category?: CategoryFields | null; parties?: PartyFields[]; assignees?: JoinedAssignee[] },
  ): CaseType {
    return Object.assign(new CaseType(), {
      joinedCategory: c.category,
      joinedParties: c.parties,
      joinedAssignees: c.assignees,
      id: c.id,
      number: c.number,
      title: c.title,
      description: c.description,
      categoryId: c.categoryId,
      channel: c.channel,
      status: c.status,
      riskLevel: c.riskLevel,
      warningLevel: c.warningLevel,
      isGroupDispute: c.isGroupDispute,
      peopleInvolved: c.peopleInvolved,
      amountInvolved: c.amountInvolved,
      location: c.location,
      reportedOrgUnitId: c.reportedOrgUnitId,
      orgUnitId: c.orgUnitId,
      departmentId: c.departmentId,
      reportedOnBehalf: c.reportedOnBehalf,
      externalRef: c.externalRef,
      resolvedOnSite: c.resolvedOnSite,
      resolution: c.resolution,
      rejectReason: c.rejectReason,
      escalationSuggested: c.escalationSuggested,
      failedMediationsAtLevel: c.failedMediationsAtLevel,
      recurrenceOfId: c.recurrenceOfId,
      mergedIntoId: c.mergedIntoId,
      fromChildTenant: c.originCaseId !== null,
      reportedAt: c.reportedAt,
      acceptedAt: c.acceptedAt,
      dispatchedAt: c.dispatchedAt,
      resolvedAt: c.resolvedAt,
      closedAt: c.closedAt,
      updatedAt: c.updatedAt,
    });
  }
}

@ObjectType('Party', {
  simpleResolvers: true,
  description:
    'A party to a case. ID number, phone and address are masked unless your role sees them; revealParty shows them, audited.',
})
export class PartyType {
  @Field(() => ID) id!: string;
  @Field(() => PartyRoleEnum) role!: PartyRole;
  @Field(() => PartyKindEnum) kind!: PartyKind;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) idNumber!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Unified social credit code (organisations; public, not masked)',
  })
  creditCode!: string | null;
  @Field(() => Boolean, { description: 'true when idNumber, phone and address are masked' }) masked!: boolean;

  static from(p: PartyFields, visible: boolean): PartyType {
    return Object.assign(new PartyType(), {
      id: p.id,
      role: p.role,
      kind: p.kind,
      name: p.name,
      creditCode: p.creditCode,
      masked: !visible,
      idNumber: visible ? p.idNumber : maskIdNumber(p.idNumber),
      phone: visible ? p.phone : maskPhone(p.phone),
      address: visible ? p.address : maskAddress(p.address),
    });
  }
}

@ObjectType('CaseEvent', { simpleResolvers: true, description: 'One immutable entry of the digital file' })
export class CaseEventType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The case it was written on (a merged case keeps its own events)' }) caseId!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => String, { nullable: true, description: 'Keycloak subject, or system:<process>' }) actorSubject!:
    string | null;
  @Field(() => String, {
    description: 'e.g. REPORTED, ACCEPTED, DISPATCHED, ESCALATED, MEDIATION_OUTCOME, RESOLVED, CLOSED',
  })
  type!: string;
  @PersonalText()
  @Field(() => GraphQLJSON, { description: 'Ids and values only; parties are referred to by id' })
  data!: unknown;
  @PersonalText()
  @Field(() => String, { nullable: true, description: 'Law or regulation the step relied on' })
  legalBasis!: string | null;

  static from(e: EventFields): CaseEventType {
    return Object.assign(new CaseEventType(), {
      id: e.id,
      caseId: e.caseId,
      occurredAt: e.occurredAt,
      actorSubject: e.actorSubject,
      type: e.type,
      data: e.data,
      legalBasis: e.legalBasis,
    });
  }
}
export const CaseEventConnection = createConnectionType('CaseEvent', CaseEventType);
export const CaseConnection = createConnectionType('Case', CaseType);

@ObjectType('PossibleDuplicate')
export class PossibleDuplicateType {
  otherCaseId!: string;
  @Field(() => [DuplicateReasonEnum]) reasons!: DuplicateReason[];
}

@ObjectType('CaseEscalation', { description: 'A raise to the unit above, or to the parent tenant' })
export class CaseEscalationType {
  @Field(() => ID) id!: string;
  fromOrgUnitId!: string | null;
  toOrgUnitId!: string | null;
  @Field(() => Boolean, { description: 'Handed to the parent tenant' }) toParentTenant!: boolean;
  @Field(() => String, { nullable: true, description: 'PENDING until the parent tenant has its case, then DONE' })
  handoffState!: string | null;
  @PersonalText() @Field(() => String) reason!: string;
  @Field(() => String, { nullable: true }) actorSubject!: string | null;
  @Field(() => Date) escalatedAt!: Date;

  static from(e: CaseEscalationEntity): CaseEscalationType {
    return Object.assign(new CaseEscalationType(), {
      id: e.id,
      fromOrgUnitId: e.fromOrgUnitId,
      toOrgUnitId: e.toOrgUnitId,
      toParentTenant: e.toTenantId !== null,
      handoffState: e.handoffState,
      reason: e.reason,
      actorSubject: e.actorSubject,
      escalatedAt: e.escalatedAt,
    });
  }
}

@ObjectType('LinkedParentCase', {
  description: "The parent tenant's case opened by this case's escalation: its progress and outcome only",
})
export class LinkedParentCaseType {
  @Field(() => String) tenantCode!: string;
  @Field(() => String) tenantName!: string;
  @Field(() => String) number!: string;
  @Field(() => CaseStatusEnum) status!: CaseStatus;
  @Field(() => Date, { nullable: true }) acceptedAt!: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @PersonalText() @Field(() => String, { nullable: true }) resolution!: string | null;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType('CaseSettings', { description: "The tenant's case rules (tenant admins change them)" })
export class CaseSettingsType {
  @Field(() => Int, { description: 'peopleInvolved at or above this marks a group dispute (risk at least MEDIUM)' })
  groupDisputeThreshold!: number;
  @Field(() => Int, { description: 'Look-back for likely duplicates, hours' }) duplicateWindowHours!: number;
  @Field(() => Int, { description: 'Failed mediation sessions at one level before escalation is suggested' })
  failedMediationLimit!: number;
  @Field(() => FailedMediationActionEnum, {
    description:
      "At the limit: NOTIFY_LEADER tells the unit's leaders to decide; ESCALATE raises the case a level at once",
  })
  failedMediationAction!: FailedMediationAction;
  @Field(() => Int, { description: 'Days after resolution the follow-up visit is due (0: none by default)' })
  followUpDays!: number;
  @Field(() => Int, {
    description:
      'A follow-up visit may be completed from this many days before it is due (365: any time once scheduled)',
  })
  followUpWindowDays!: number;
  @Field(() => [String], { description: 'Roles that see ID numbers, phones and addresses unmasked' })
  personalDataRoles!: string[];
  @Field(() => [String], { description: 'Roles that may reveal them, one party at a time, audited' })
  revealRoles!: string[];

  static from(s: CaseSettingsEntity): CaseSettingsType {
    return Object.assign(new CaseSettingsType(), {
      groupDisputeThreshold: s.groupDisputeThreshold,
      duplicateWindowHours: s.duplicateWindowHours,
      failedMediationLimit: s.failedMediationLimit,
      failedMediationAction: s.failedMediationAction,
      followUpDays: s.followUpDays,
      followUpWindowDays: s.followUpWindowDays,
      personalDataRoles: s.personalDataRoles,
      revealRoles: s.revealRoles,
    });
  }
}

@ObjectType()
export class CasePayload {
  @Field(() => CaseType, { nullable: true }) case!: CaseType | null;
  @Field(() => [CaseUserError]) userErrors!: InstanceType<typeof CaseUserError>[];
}

@ObjectType()
export class ReportCasePayload {
  @Field(() => CaseType, { nullable: true }) case!: CaseType | null;
  @Field(() => Boolean, {
    description: 'true when an earlier report with this idempotency key answered (nothing new was created)',
  })
  replayed!: boolean;
  @Field(() => [CaseUserError]) userErrors!: InstanceType<typeof CaseUserError>[];
}

@ObjectType()
export class CaseSettingsPayload {
  @Field(() => CaseSettingsType, { nullable: true }) caseSettings!: CaseSettingsType | null;
  @Field(() => [CaseUserError]) userErrors!: InstanceType<typeof CaseUserError>[];
}

@ObjectType('PartyContact', { description: 'Unmasked personal data of one party; every reveal is in the audit trail' })
export class PartyContactType {
  @Field(() => ID) partyId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) idNumber!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
}

@ObjectType()
export class RevealPartyPayload {
  @Field(() => PartyContactType, { nullable: true }) party!: PartyContactType | null;
  @Field(() => [CaseUserError]) userErrors!: InstanceType<typeof CaseUserError>[];
}
