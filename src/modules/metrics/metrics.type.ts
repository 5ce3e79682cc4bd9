import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { createConnectionType } from '../../core/graphql/connection';
import { TenantType } from '../tenant/tenant.type';
import { DecimalScalar } from '../../core/graphql/scalars';
import { ConsultationTopicEnum } from '../consultation/consultation.type';
import type { ConsultationTopic } from '../consultation/consultation.entity';
import {
  GROUP_BYS,
  replyOnTime,
  type CaseMetrics,
  type Durations,
  type GroupBy,
  type Ratio,
  type SupervisionCounts,
  type SupervisionFigures,
} from './metrics.service';

export const GroupByEnum = Object.fromEntries(GROUP_BYS.map((g) => [g, g])) as Record<GroupBy, GroupBy>;
registerEnumType(GroupByEnum, { name: 'MetricsGroupBy' });

/** Below this many cases a rate is shown but flagged: 3 of 4 is not 75 % of anything. */
export const LOW_CONFIDENCE_BELOW = 30;

@ObjectType('Ratio', { description: 'numerator / denominator, with both; rate is null when the denominator is 0' })
export class RatioType {
  @Field(() => Int) numerator!: number;
  @Field(() => Int) denominator!: number;
  @Field(() => Float, { nullable: true, description: '0 to 1' }) rate!: number | null;
  @Field(() => Boolean, { description: `Fewer than ${LOW_CONFIDENCE_BELOW} cases counted: read with care` })
  lowConfidence!: boolean;

  static from(r: Ratio): RatioType {
    return Object.assign(new RatioType(), { ...r, lowConfidence: r.denominator < LOW_CONFIDENCE_BELOW });
  }
}

@ObjectType('DurationStats', { description: 'Hours from report to the step, over the cases that reached it' })
export class DurationStatsType {
  @Field(() => Float, { nullable: true }) medianHours!: number | null;
  @Field(() => Float, { nullable: true }) p90Hours!: number | null;
  @Field(() => Int) count!: number;

  static from(d: Durations): DurationStatsType {
    return Object.assign(new DurationStatsType(), { medianHours: d.median, p90Hours: d.p90, count: d.count });
  }
}

@ObjectType('WarningCounts', { description: 'Open cases now, by warning level' })
export class WarningCountsType {
  @Field(() => Int) green!: number;
  @Field(() => Int) yellow!: number;
  @Field(() => Int) red!: number;
}

@ObjectType('SupervisionTotals', {
  description: 'Supervision notices (督办) issued in the range and how they were answered',
})
export class SupervisionTotalsType {
  @Field(() => Int) issued!: number;
  @Field(() => Int, { description: 'Sent by hand by a leader; the rest were raised by SLA escalation' })
  manual!: number;
  @Field(() => Int) replied!: number;
  @Field(() => Int, { description: 'Answered after the reply-by time' }) repliedLate!: number;
  @Field(() => Int, { description: 'Not answered and past the reply-by time now' }) unansweredOverdue!: number;
  @Field(() => RatioType, { description: 'Answered in time / answered, plus unanswered past the reply-by time' })
  replyOnTime!: RatioType;

  static totals(c: SupervisionCounts): SupervisionTotalsType {
    return Object.assign(new SupervisionTotalsType(), {
      issued: c.issued,
      manual: c.manual,
      replied: c.replied,
      repliedLate: c.repliedLate,
      unansweredOverdue: c.unansweredOverdue,
      replyOnTime: RatioType.from(replyOnTime(c)),
    });
  }
}

@ObjectType('SupervisionUnitFigures', {
  description: "A unit's supervision notices: the unit a notice was sent to answers for it",
})
export class SupervisionUnitFiguresType {
  orgUnitId!: string | null;
  @Field(() => Int) issued!: number;
  @Field(() => Int) replied!: number;
  @Field(() => Int) repliedLate!: number;
  @Field(() => Int) unansweredOverdue!: number;
}

@ObjectType('SupervisionFigures')
export class SupervisionFiguresType extends SupervisionTotalsType {
  @Field(() => [SupervisionUnitFiguresType], { description: 'Per unit the notices were sent to, most notices first' })
  byUnit!: SupervisionUnitFiguresType[];

  static from(f: SupervisionFigures): SupervisionFiguresType {
    return Object.assign(new SupervisionFiguresType(), SupervisionTotalsType.totals(f), {
      byUnit: f.byUnit.map((u) => Object.assign(new SupervisionUnitFiguresType(), u)),
    });
  }
}

@ObjectType('MetricGroup')
export class MetricGroupType {
  @Field(() => String, { nullable: true, description: 'Id or code of the group (null: none, e.g. no category)' }) key!:
    string | null;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => Int) reported!: number;
  @Field(() => Int) resolved!: number;
  @Field(() => Int) open!: number;
}

@ObjectType('Satisfaction', {
  description: "1–5 scores of the cohort's cases: follow-up visits' and residents' own ratings together",
})
export class SatisfactionType {
  @Field(() => Float, { nullable: true, description: 'Mean of every score (two decimals); null when none' })
  average!: number | null;
  @Field(() => Int) count!: number;
  @Field(() => Int, { description: 'scores recorded at follow-up visits' }) fromVisits!: number;
  @Field(() => Int, { description: "residents' own ratings" }) fromResidents!: number;
}

@ObjectType('ConsultationTopicFigures')
export class ConsultationTopicFiguresType {
  @Field(() => ConsultationTopicEnum) topic!: ConsultationTopic;
  @Field(() => Int) count!: number;
  @Field(() => Int) minutes!: number;
}

@ObjectType('ConsultationFigures', {
  description: 'Consultations (法律咨询, 心理疏导 …) that took place in the range, at units of the subtree',
})
export class ConsultationFiguresType {
  @Field(() => Int) total!: number;
  @Field(() => Int, { description: 'Minutes spent helping, added up' }) minutes!: number;
  @Field(() => Int, { description: 'Of them, turned into cases (those count among the cases too)' })
  turnedIntoCases!: number;
  @Field(() => [ConsultationTopicFiguresType], { description: 'Most frequent topic first' })
  byTopic!: ConsultationTopicFiguresType[];
}

@ObjectType('RecoveryFigures', {
  description:
    'Money paid on agreements’ instalments in the range (decimal yuan), and how instalments due in it were kept',
})
export class RecoveryFiguresType {
  @Field(() => DecimalScalar, { description: 'Payments recorded as arrived in the range' }) amountPaid!: string;
  @Field(() => DecimalScalar, { description: 'Of it, on labour disputes (category labor and below): wages recovered' })
  wagesRecovered!: string;
  @Field(() => Int) payments!: number;
  @Field(() => Int, { description: 'Instalments falling due in the range' }) instalmentsDue!: number;
  @Field(() => Int, { description: 'Of them, not paid in full by the end of their due date' })
  instalmentsLate!: number;
}

@ObjectType('CaseMetrics', {
  description:
    'Definitions: docs/metrics.md. The cohort is the cases reported in the range (merged duplicates left out).',
})
export class CaseMetricsType {
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
  @Field(() => String, { description: 'Whose calendar day "same day" means' }) timeZone!: string;
  @Field(() => Int) reported!: number;
  @Field(() => RatioType, { description: 'Accepted (or rejected) on the local day it was reported / reported' })
  sameDayAcceptance!: RatioType;
  @Field(() => RatioType, { description: 'Resolved on site by the front end / resolved' }) onSiteResolution!: RatioType;
  @Field(() => RatioType, { description: 'Resolved / accepted' }) resolution!: RatioType;
  @Field(() => RatioType, {
    description: 'Came back (recurrence, or follow-up found it broken) / resolved at least once',
  })
  backflow!: RatioType;
  @Field(() => RatioType, {
    description: 'Resolution clocks met in time / clocks met or past due (open ones past due count as late)',
  })
  onTime!: RatioType;
  @Field(() => DurationStatsType) timeToAccept!: DurationStatsType;
  @Field(() => DurationStatsType) timeToDispatch!: DurationStatsType;
  @Field(() => DurationStatsType) timeToResolve!: DurationStatsType;
  @Field(() => WarningCountsType, { description: 'All open cases now (not only the cohort)' })
  openByWarning!: WarningCountsType;
  @Field(() => SupervisionFiguresType, {
    description: 'Notices issued in the range to units of the subtree (not only about cohort cases)',
  })
  supervision!: SupervisionFiguresType;
  @Field(() => SatisfactionType) satisfaction!: SatisfactionType;
  @Field(() => ConsultationFiguresType) consultations!: ConsultationFiguresType;
  @Field(() => RecoveryFiguresType) recovery!: RecoveryFiguresType;
  @Field(() => [MetricGroupType], { description: 'The cohort by the dimension asked for in groupBy' })
  groups!: MetricGroupType[];

  static from(m: CaseMetrics, groups: MetricGroupType[] = []): CaseMetricsType {
    return Object.assign(new CaseMetricsType(), {
      from: m.from,
      to: m.to,
      timeZone: m.timeZone,
      reported: m.reported,
      openByWarning: m.openByWarning,
      groups,
      sameDayAcceptance: RatioType.from(m.sameDayAcceptance),
      onSiteResolution: RatioType.from(m.onSiteResolution),
      resolution: RatioType.from(m.resolution),
      backflow: RatioType.from(m.backflow),
      onTime: RatioType.from(m.onTime),
      timeToAccept: DurationStatsType.from(m.timeToAccept),
      timeToDispatch: DurationStatsType.from(m.timeToDispatch),
      timeToResolve: DurationStatsType.from(m.timeToResolve),
      supervision: SupervisionFiguresType.from(m.supervision),
      satisfaction: m.satisfaction,
      consultations: m.consultations,
      recovery: m.recovery,
    });
  }
}

@ObjectType('ChildTenantMetrics', {
  description: "A child tenant's figures: aggregates only, computed inside the child's own isolation",
})
export class ChildTenantMetricsType {
  @Field(() => TenantType) tenant!: TenantType;
  @Field(() => Int, { description: 'Levels below the reader: 1 a child, 2 a grandchild, …' }) depth!: number;
  @Field(() => ID, { nullable: true, description: 'The tenant it reports to' }) parentTenantId!: string | null;
  @Field(() => CaseMetricsType) metrics!: CaseMetricsType;
  @Field(() => [MetricGroupType], { description: 'Reported, resolved and open by category (its own names)' })
  byCategory!: MetricGroupType[];
  @Field(() => [MetricGroupType]) byChannel!: MetricGroupType[];
  @Field(() => [ChildSupervisionUnitType], { description: 'Supervision per unit the notices were sent to, named' })
  supervisionByUnit!: ChildSupervisionUnitType[];
}

@ObjectType('ChildSupervisionUnit', { description: 'A unit of a tenant below, by name (its id means nothing here)' })
export class ChildSupervisionUnitType {
  @Field(() => String, { nullable: true }) orgUnitName!: string | null;
  @Field(() => Int) issued!: number;
  @Field(() => Int) replied!: number;
  @Field(() => Int) repliedLate!: number;
  @Field(() => Int) unansweredOverdue!: number;
}

@ObjectType('ChildTenantRollup')
export class ChildTenantRollupType {
  @Field(() => [ChildTenantMetricsType]) children!: ChildTenantMetricsType[];
  @Field(() => Int) reported!: number;
  @Field(() => RatioType, {
    description: 'Sums of the children’s numerators and denominators (medians do not add up, so none here)',
  })
  sameDayAcceptance!: RatioType;
  @Field(() => RatioType) onSiteResolution!: RatioType;
  @Field(() => RatioType) resolution!: RatioType;
  @Field(() => RatioType) backflow!: RatioType;
  @Field(() => RatioType) onTime!: RatioType;
  @Field(() => WarningCountsType) openByWarning!: WarningCountsType;
  @Field(() => SupervisionTotalsType) supervision!: SupervisionTotalsType;
  @Field(() => ConsultationFiguresType, { description: 'Every level below, added up by topic' })
  consultations!: ConsultationFiguresType;
  @Field(() => [MetricGroupType], { description: 'Every level below, by category name' })
  byCategory!: MetricGroupType[];
  @Field(() => [MetricGroupType], { description: 'Every level below, by channel' }) byChannel!: MetricGroupType[];
}

@InputType()
export class DateRangeInput {
  @Field(() => Date, { description: 'Inclusive' }) from!: Date;
  @Field(() => Date, { description: 'Exclusive' }) to!: Date;
}

@ObjectType('BoardUnitCount')
export class BoardUnitCountType {
  orgUnitId!: string | null;
  @Field(() => Int) red!: number;
  @Field(() => Int) yellow!: number;
}

@ObjectType('BoardEntry')
export class BoardEntryType {
  caseId!: string;
  @Field(() => Date, { nullable: true, description: 'The soonest due time of its running clocks' })
  nextDueAt!: Date | null;
}

export const BoardEntryConnection = createConnectionType('BoardEntry', BoardEntryType);

@ObjectType('WarningBoard', {
  description: 'The one-screen overview: RED and YELLOW cases of a unit subtree, soonest due first',
})
export class WarningBoardType {
  @Field(() => BoardEntryConnection) entries!: InstanceType<typeof BoardEntryConnection>;
  @Field(() => [BoardUnitCountType], { description: 'RED and YELLOW counts of every unit in the subtree' })
  perUnit!: BoardUnitCountType[];
}
