import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';
import type { RiskLevel } from '../category/category.entity';
import type { CaseStatus } from './case.states';

export const CHANNELS = [
  'WALK_IN',
  'HOTLINE',
  'HOTLINE_12345',
  'POLICE_110',
  'MINI_PROGRAM',
  'QR_CODE',
  'GRID_WORKER',
  'PATROL',
  'COURT_DIVERSION',
  'PETITION',
  'REFERRAL',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const WARNING_LEVELS = ['NONE', 'GREEN', 'YELLOW', 'RED'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

@Entity({ tableName: 'cases' })
export class CaseEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'text' }) number!: string;
  @Property({ type: 'text' }) title!: string;
  @Property({ type: 'text' }) description: string = '';
  /** title and description as readers without personal-data rights see them, for their text search (case-search.ts) */
  @Property({ type: 'text', nullable: true }) maskedText: string | null = null;
  @Property({ type: 'uuid', nullable: true }) categoryId: string | null = null;
  @Property({ type: 'text' }) channel!: Channel;
  @Property({ type: 'text' }) status!: CaseStatus;
  @Property({ type: 'text' }) riskLevel!: RiskLevel;
  @Property({ type: 'text' }) warningLevel: WarningLevel = 'GREEN';
  @Property({ type: 'boolean' }) isGroupDispute: boolean = false;
  @Property({ type: 'integer' }) peopleInvolved: number = 1;
  /** yuan with two decimals, kept as the string PostgreSQL returns so no float ever touches money */
  @Property({ type: 'decimal', precision: 16, scale: 2, nullable: true }) amountInvolved: string | null = null;
  @Property({ type: 'text', nullable: true }) location: string | null = null;
  @Property({ type: 'uuid', nullable: true }) reportedOrgUnitId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) orgUnitId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) departmentId: string | null = null;
  @Property({ type: 'text', nullable: true }) reporterSubject: string | null = null;
  /** the OAuth client of a machine feed that reported it (12345, 110): feeds read only their own reports */
  @Property({ type: 'text', nullable: true }) reporterClientId: string | null = null;
  @Property({ type: 'boolean' }) reportedOnBehalf: boolean = false;
  @Property({ type: 'text', nullable: true }) externalRef: string | null = null;
  @Property({ type: 'text', nullable: true }) idempotencyKey: string | null = null;
  @Property({ type: 'boolean', nullable: true }) resolvedOnSite: boolean | null = null;
  @Property({ type: 'text', nullable: true }) resolution: string | null = null;
  @Property({ type: 'text', nullable: true }) rejectReason: string | null = null;
  @Property({ type: 'boolean' }) escalationSuggested: boolean = false;
  @Property({ type: 'integer' }) failedMediationsAtLevel: number = 0;
  @Property({ type: 'uuid', nullable: true }) recurrenceOfId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) mergedIntoId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) originTenantId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) originCaseId: string | null = null;
  @Property({ type: 'datetime' }) reportedAt: Date = new Date();
  @Property({ type: 'datetime', nullable: true }) acceptedAt: Date | null = null;
  @Property({ type: 'datetime', nullable: true }) dispatchedAt: Date | null = null;
  @Property({ type: 'datetime', nullable: true }) resolvedAt: Date | null = null;
  @Property({ type: 'datetime', nullable: true }) closedAt: Date | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}

export const PARTY_ROLES = ['APPLICANT', 'RESPONDENT', 'THIRD_PARTY'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_KINDS = ['PERSON', 'ORGANISATION'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

@Entity({ tableName: 'case_parties' })
export class CasePartyEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'text' }) role!: PartyRole;
  @Property({ type: 'text' }) kind!: PartyKind;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'text', nullable: true }) idNumber: string | null = null;
  @Property({ type: 'text', nullable: true }) phone: string | null = null;
  @Property({ type: 'text', nullable: true }) address: string | null = null;
  @Property({ type: 'text', nullable: true }) creditCode: string | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}

@Entity({ tableName: 'case_assignees' })
export class CaseAssigneeEntity {
  [PrimaryKeyProp]?: ['tenantId', 'caseId', 'staffId'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) caseId!: string;
  @PrimaryKey({ type: 'uuid' }) staffId!: string;
  @Property({ type: 'boolean' }) isLead: boolean = false;
  @Property({ type: 'datetime' }) assignedAt: Date = new Date();
}

/** One entry of the digital file; never updated or deleted (the app role has no grant to). */
@Entity({ tableName: 'case_events' })
export class CaseEventEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'datetime' }) occurredAt: Date = new Date();
  @Property({ type: 'text', nullable: true }) actorSubject: string | null = null;
  @Property({ type: 'text' }) type!: string;
  @Property({ type: 'json' }) data: Record<string, unknown> = {};
  @Property({ type: 'text', nullable: true }) legalBasis: string | null = null;
}

export const DUPLICATE_REASONS = ['SAME_PHONE', 'SAME_ID_NUMBER', 'SAME_PLACE_AND_CATEGORY'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

@Entity({ tableName: 'case_duplicates' })
export class CaseDuplicateEntity {
  [PrimaryKeyProp]?: ['tenantId', 'caseId', 'otherCaseId', 'reason'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) caseId!: string;
  @PrimaryKey({ type: 'uuid' }) otherCaseId!: string;
  @PrimaryKey({ type: 'text' }) reason!: DuplicateReason;
}

@Entity({ tableName: 'case_escalations' })
export class CaseEscalationEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'uuid', nullable: true }) fromOrgUnitId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) toOrgUnitId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) toTenantId: string | null = null;
  @Property({ type: 'text' }) reason!: string;
  @Property({ type: 'text', nullable: true }) actorSubject: string | null = null;
  @Property({ type: 'text', nullable: true }) handoffState: 'PENDING' | 'DONE' | null = null;
  @Property({ type: 'uuid', nullable: true }) parentCaseId: string | null = null;
  @Property({ type: 'datetime' }) escalatedAt: Date = new Date();
}

export const FAILED_MEDIATION_ACTIONS = ['NOTIFY_LEADER', 'ESCALATE'] as const;
export type FailedMediationAction = (typeof FAILED_MEDIATION_ACTIONS)[number];

/** Per-tenant case rules a tenant admin edits; a tenant without a row uses the column defaults. */
@Entity({ tableName: 'case_settings' })
export class CaseSettingsEntity {
  [PrimaryKeyProp]?: 'tenantId';

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @Property({ type: 'integer' }) groupDisputeThreshold: number = 5;
  @Property({ type: 'integer' }) duplicateWindowHours: number = 72;
  @Property({ type: 'integer' }) failedMediationLimit: number = 3;
  /** what reaching the limit does: tell the unit's leaders to decide, or raise the case a level at once */
  @Property({ type: 'text' }) failedMediationAction: FailedMediationAction = 'NOTIFY_LEADER';
  @Property({ type: 'integer' }) followUpDays: number = 7;
  /** a visit may be completed from this many days before it is due (365: any time once scheduled) */
  @Property({ type: 'integer' }) followUpWindowDays: number = 365;
  @Property({ type: 'text[]' }) personalDataRoles: string[] = ['intake-clerk'];
  @Property({ type: 'text[]' }) revealRoles: string[] = [
    'dispatcher',
    'mediator',
    'liaison',
    'leader',
    'tenant-admin',
    'grid-worker',
  ];
  @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}
