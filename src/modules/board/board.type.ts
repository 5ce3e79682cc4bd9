import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CaseStatusEnum, WarningLevelEnum } from '../case/case.type';
import type { WarningLevel } from '../case/case.entity';
import type { CaseStatus } from '../case/case.states';
import { BOARD_EVENT_TYPES, type BoardEvent, type BoardEventKind } from './board.events';

export const BoardEventTypeEnum = Object.fromEntries(BOARD_EVENT_TYPES.map((v) => [v, v])) as Record<
  BoardEventKind,
  BoardEventKind
>;
registerEnumType(BoardEventTypeEnum, {
  name: 'BoardEventType',
  valuesConfig: {
    CASE_CHANGED: { description: 'A step on the case: reported, accepted, dispatched, resolved, …' },
    WARNING_RAISED: { description: 'A deadline warning (YELLOW or RED) was raised' },
  },
});

@ObjectType('BoardEvent', {
  description:
    'Something happened to a case of your center. Ids and states only, no names or titles: fetch what the board shows with the case query.',
})
export class BoardEventType {
  @Field(() => BoardEventTypeEnum) type!: BoardEventKind;
  @Field(() => ID) caseId!: string;
  @Field(() => String) caseNumber!: string;
  @Field(() => CaseStatusEnum, { description: 'After this event' }) status!: CaseStatus;
  @Field(() => WarningLevelEnum, { description: 'After this event' }) warningLevel!: WarningLevel;
  @Field(() => ID, { nullable: true, description: 'The unit handling the case after this event' }) orgUnitId!:
    string | null;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => String, { description: 'The timeline event: REPORTED, ACCEPTED, DISPATCHED, WARNING_RAISED, …' })
  eventType!: string;

  static from(e: BoardEvent): BoardEventType {
    return Object.assign(new BoardEventType(), {
      type: e.type,
      caseId: e.caseId,
      caseNumber: e.caseNumber,
      status: e.status,
      warningLevel: e.warningLevel,
      orgUnitId: e.orgUnitId,
      occurredAt: new Date(e.occurredAt),
      eventType: e.eventType,
    });
  }
}

@InputType('BoardEventFilter')
export class BoardEventFilterInput {
  @Field(() => ID, { nullable: true, description: 'Cases handled in this unit or under it' }) orgUnitId?: string | null;
  @Field(() => [WarningLevelEnum], {
    nullable: true,
    description: 'Only cases at one of these warning levels after the event',
  })
  warningLevels?: WarningLevel[] | null;
}
