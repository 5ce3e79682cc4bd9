import { enumOf } from '../../core/graphql/enum-of';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PersonalText } from '../../core/graphql/personal-text';
import { createUserErrorType } from '../../core/graphql/user-error';
import { createConnectionType } from '../../core/graphql/connection';
import { RiskLevelEnum } from '../category/category.type';
import type { RiskLevel } from '../category/category.entity';
import { CaseUserError } from '../case/case.type';
import {
  ESCALATION_ACTIONS,
  NOTIFY_ROLES,
  SLA_STEPS,
  TARGET_MODES,
  type EscalationActionType,
  type NotifyRole,
  type SlaStep,
  type TargetMode,
} from './sla.policy';
import {
  noticeLate,
  type DeadlineEntity,
  type ExtensionRequestEntity,
  type SlaPolicyEntity,
  type SupervisionNoticeEntity,
  type TenantCalendarEntity,
} from './sla.entity';

export const SlaStepEnum = enumOf(SLA_STEPS);
registerEnumType(SlaStepEnum, { name: 'SlaStep' });
export const TargetModeEnum = enumOf(TARGET_MODES);
registerEnumType(TargetModeEnum, {
  name: 'SlaTargetMode',
  description:
    'CALENDAR or WORKING time (Chinese working days and the tenant hours), or SAME_DAY: by the end of the local day',
});
export const EscalationActionEnum = enumOf(ESCALATION_ACTIONS);
registerEnumType(EscalationActionEnum, { name: 'EscalationActionType' });
export const NotifyRoleEnum = enumOf(NOTIFY_ROLES);
registerEnumType(NotifyRoleEnum, {
  name: 'NotifyRole',
  description:
    "HANDLER: the case's assignees; UNIT_LEAD: leaders of its unit; CENTER_LEAD: of the top unit; LEADER: every leader",
});
export const SlaErrorCodeEnum = enumOf([
  'INVALID',
  'NOT_FOUND',
  'CATEGORY_NOT_FOUND',
  'STAFF_NOT_FOUND',
  'SCOPE_TAKEN',
] as const);
export const SlaUserError = createUserErrorType('Sla', SlaErrorCodeEnum);

@ObjectType('SlaTarget')
export class SlaTargetType {
  @Field(() => SlaStepEnum) step!: SlaStep;
  @Field(() => String, { description: 'ISO 8601, e.g. P3D, PT4H (P0D with SAME_DAY)' }) duration!: string;
  @Field(() => TargetModeEnum) mode!: TargetMode;
}

@ObjectType('WarningPoint', { description: 'A share of the time used, or a duration before the due time' })
export class WarningPointType {
  @Field(() => Float, { nullable: true }) share!: number | null;
  @Field(() => String, { nullable: true }) before!: string | null;
}

@ObjectType('EscalationAction')
export class EscalationActionObject {
  @Field(() => EscalationActionEnum) type!: EscalationActionType;
  @Field(() => [NotifyRoleEnum], { nullable: true }) roles!: NotifyRole[] | null;
  @Field(() => ID, { nullable: true }) staffId!: string | null;
}

@ObjectType('EscalationLevel')
export class EscalationLevelType {
  @Field(() => String, { description: 'After the due time; a leading "-" means before it' }) offset!: string;
  @Field(() => [EscalationActionObject]) actions!: EscalationActionObject[];
}

@ObjectType('SlaPolicy', {
  description: 'Deadlines per step for a category (and those under it) and risk; the most specific policy applies',
})
export class SlaPolicyType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  categoryId!: string | null;
  @Field(() => RiskLevelEnum, { nullable: true }) riskLevel!: RiskLevel | null;
  @Field(() => [SlaTargetType]) targets!: SlaTargetType[];
  @Field(() => WarningPointType) yellow!: WarningPointType;
  @Field(() => WarningPointType) red!: WarningPointType;
  @Field(() => [EscalationLevelType]) escalations!: EscalationLevelType[];
  @Field(() => [String], { description: 'Case states that stop the clock' }) pauseStatuses!: string[];

  static from(p: SlaPolicyEntity): SlaPolicyType {
    return Object.assign(new SlaPolicyType(), {
      id: p.id,
      name: p.name,
      categoryId: p.categoryId,
      riskLevel: p.riskLevel,
      pauseStatuses: p.pauseStatuses,
      targets: SLA_STEPS.filter((s) => p.targets[s]).map((step) => ({ step, ...p.targets[step]! })),
      yellow: { share: p.yellow.share ?? null, before: p.yellow.before ?? null },
      red: { share: p.red.share ?? null, before: p.red.before ?? null },
      escalations: p.escalations.map((l) => ({
        offset: l.offset,
        actions: l.actions.map((a) => ({ type: a.type, roles: a.roles ?? null, staffId: a.staffId ?? null })),
      })),
    });
  }
}
export const SlaPolicyConnection = createConnectionType('SlaPolicy', SlaPolicyType);

@InputType()
export class SlaTargetInput {
  @Field(() => SlaStepEnum) step!: SlaStep;
  @Field(() => String) duration!: string;
  @Field(() => TargetModeEnum) mode!: TargetMode;
}

@InputType()
export class WarningPointInput {
  @Field(() => Float, { nullable: true }) share?: number | null;
  @Field(() => String, { nullable: true }) before?: string | null;
}

@InputType()
export class EscalationActionInput {
  @Field(() => EscalationActionEnum) type!: EscalationActionType;
  @Field(() => [NotifyRoleEnum], { nullable: true }) roles?: NotifyRole[] | null;
  @Field(() => ID, { nullable: true }) staffId?: string | null;
}

@InputType()
export class EscalationLevelInput {
  @Field(() => String) offset!: string;
  @Field(() => [EscalationActionInput]) actions!: EscalationActionInput[];
}

@InputType()
export class UpsertSlaPolicyInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String) name!: string;
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field(() => RiskLevelEnum, { nullable: true }) riskLevel?: RiskLevel | null;
  @Field(() => [SlaTargetInput]) targets!: SlaTargetInput[];
  @Field(() => WarningPointInput) yellow!: WarningPointInput;
  @Field(() => WarningPointInput) red!: WarningPointInput;
  @Field(() => [EscalationLevelInput], { defaultValue: [] }) escalations!: EscalationLevelInput[];
  @Field(() => [String], { defaultValue: [] }) pauseStatuses!: string[];
}

@InputType()
export class DeleteSlaPolicyInput {
  @Field(() => ID) id!: string;
}

@ObjectType()
export class SlaPolicyPayload {
  @Field(() => SlaPolicyType, { nullable: true }) slaPolicy!: SlaPolicyType | null;
  @Field(() => [SlaUserError]) userErrors!: InstanceType<typeof SlaUserError>[];
}

@ObjectType('Deadline', { description: "One step's clock on a case" })
export class DeadlineType {
  @Field(() => ID) id!: string;
  @Field(() => SlaStepEnum) step!: SlaStep;
  @Field(() => String) target!: string;
  @Field(() => TargetModeEnum) mode!: TargetMode;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date) dueAt!: Date;
  @Field(() => Date) yellowAt!: Date;
  @Field(() => Date) redAt!: Date;
  @Field(() => String, { description: 'OPEN, MET or CANCELLED' }) status!: string;
  @Field(() => Date, { nullable: true }) metAt!: Date | null;
  @Field(() => Boolean, { description: 'Stopped while the case waits (policy pause states)' }) paused!: boolean;
  @Field(() => Boolean, { description: 'Met after its due time, or still open past it' }) breached!: boolean;
  @Field(() => Int) extensions!: number;

  static from(d: DeadlineEntity, now = new Date()): DeadlineType {
    return Object.assign(new DeadlineType(), {
      id: d.id,
      step: d.step,
      target: d.target,
      mode: d.mode,
      startedAt: d.startedAt,
      dueAt: d.dueAt,
      yellowAt: d.yellowAt,
      redAt: d.redAt,
      status: d.status,
      metAt: d.metAt,
      paused: d.pausedAt !== null,
      extensions: d.extensions,
      breached: d.status === 'MET' ? d.metAt! > d.dueAt : d.status === 'OPEN' && !d.pausedAt && now > d.dueAt,
    });
  }
}

@ObjectType('ExtensionRequest')
export class ExtensionRequestType {
  @Field(() => ID) id!: string;
  @Field(() => ID) deadlineId!: string;
  @Field(() => String, { nullable: true }) requestedBy!: string | null;
  @PersonalText() @Field(() => String) reason!: string;
  @Field(() => Date) requestedDueAt!: Date;
  @Field(() => String, { description: 'PENDING, APPROVED or REJECTED' }) status!: string;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @PersonalText() @Field(() => String, { nullable: true }) decisionNote!: string | null;

  static from(r: ExtensionRequestEntity): ExtensionRequestType {
    return Object.assign(new ExtensionRequestType(), {
      id: r.id,
      deadlineId: r.deadlineId,
      requestedBy: r.requestedBy,
      reason: r.reason,
      requestedDueAt: r.requestedDueAt,
      status: r.status,
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt,
      decisionNote: r.decisionNote,
    });
  }
}

@ObjectType('SupervisionNotice', { description: '督办: a notice to the handling unit with a reply-by time' })
export class SupervisionNoticeType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'MANUAL (a leader) or SLA (the escalation chain)' }) source!: string;
  @Field(() => String, { nullable: true }) issuedBy!: string | null;
  @PersonalText() @Field(() => String) message!: string;
  @Field(() => Date, { nullable: true }) replyBy!: Date | null;
  @PersonalText() @Field(() => String, { nullable: true }) reply!: string | null;
  @Field(() => Date, { nullable: true }) repliedAt!: Date | null;
  @Field(() => Boolean, { description: 'Answered after the reply-by time, or still unanswered past it' })
  late!: boolean;

  static from(n: SupervisionNoticeEntity, now = new Date()): SupervisionNoticeType {
    const late = noticeLate(n, now);
    return Object.assign(new SupervisionNoticeType(), {
      id: n.id,
      source: n.source,
      issuedBy: n.issuedBy,
      message: n.message,
      replyBy: n.replyBy,
      reply: n.reply,
      repliedAt: n.repliedAt,
      late,
    });
  }
}

@ObjectType('WorkingPeriod')
export class WorkingPeriodType {
  @Field(() => String) start!: string;
  @Field(() => String) end!: string;
}

@ObjectType('WeekdayHours')
export class WeekdayHoursType {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) weekday!: number;
  @Field(() => [WorkingPeriodType]) periods!: WorkingPeriodType[];
}

@ObjectType('WorkingCalendar', {
  description: "Official holidays and make-up working days, the tenant's own closed and working dates, and its hours",
})
export class WorkingCalendarType {
  @Field(() => String) timeZone!: string;
  @Field(() => [WeekdayHoursType], {
    nullable: true,
    description: 'Empty: the default Mon–Fri 08:30–12:00, 14:00–17:30',
  })
  workingHours!: WeekdayHoursType[] | null;
  @Field(() => [String]) closedDates!: string[];
  @Field(() => [String]) workingDates!: string[];
  @Field(() => String, { description: 'Which official data, e.g. chinese-days@1.5.7' }) holidaySource!: string;
  @Field(() => Int, { description: 'Last year with official holidays; later years count as plain weeks until updated' })
  holidaysKnownUntil!: number;

  static from(
    tz: string,
    s: TenantCalendarEntity,
    coverage: { source: string; lastYear: number },
  ): WorkingCalendarType {
    return Object.assign(new WorkingCalendarType(), {
      timeZone: tz,
      closedDates: s.closedDates,
      workingDates: s.workingDates,
      holidaySource: coverage.source,
      holidaysKnownUntil: coverage.lastYear,
      workingHours: s.workingHours
        ? Object.entries(s.workingHours).map(([weekday, periods]) => ({ weekday: Number(weekday), periods }))
        : null,
    });
  }
}

@InputType()
export class WorkingPeriodInput {
  @Field(() => String) start!: string;
  @Field(() => String) end!: string;
}

@InputType()
export class WeekdayHoursInput {
  @Field(() => Int) weekday!: number;
  @Field(() => [WorkingPeriodInput]) periods!: WorkingPeriodInput[];
}

@InputType()
export class UpdateWorkingCalendarInput {
  @Field(() => [WeekdayHoursInput], { nullable: true, description: 'Replaces the whole week; omit to keep' })
  workingHours?: WeekdayHoursInput[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Back to the default hours' }) resetWorkingHours?:
    boolean | null;
  @Field(() => [String], {
    nullable: true,
    description: 'YYYY-MM-DD the center is closed although the official calendar says work',
  })
  closedDates?: string[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'YYYY-MM-DD the center works although the official calendar says rest',
  })
  workingDates?: string[] | null;
}

@ObjectType()
export class WorkingCalendarPayload {
  @Field(() => WorkingCalendarType, { nullable: true }) workingCalendar!: WorkingCalendarType | null;
  @Field(() => [SlaUserError]) userErrors!: InstanceType<typeof SlaUserError>[];
}

@InputType()
export class RequestDeadlineExtensionInput {
  @Field(() => ID) deadlineId!: string;
  @Field(() => Date) newDueAt!: Date;
  @Field(() => String) reason!: string;
}

@InputType()
export class DecideDeadlineExtensionInput {
  @Field(() => ID) requestId!: string;
  @Field(() => Boolean) approve!: boolean;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType()
export class ExtensionRequestPayload {
  @Field(() => ExtensionRequestType, { nullable: true }) extensionRequest!: ExtensionRequestType | null;
  @Field(() => [CaseUserError]) userErrors!: InstanceType<typeof CaseUserError>[];
}

@InputType()
export class SuperviseCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => String) message!: string;
  @Field(() => Date) replyBy!: Date;
}

@InputType()
export class ReplySupervisionInput {
  @Field(() => ID) noticeId!: string;
  @Field(() => String) reply!: string;
}

@ObjectType()
export class SupervisionNoticePayload {
  @Field(() => SupervisionNoticeType, { nullable: true }) supervisionNotice!: SupervisionNoticeType | null;
  @Field(() => [CaseUserError]) userErrors!: InstanceType<typeof CaseUserError>[];
}
