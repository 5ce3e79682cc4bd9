import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { createUserErrorType } from '../../core/graphql/user-error';
import { HolidayErrorCode, type HolidayCoverageState, type PlatformHolidayYear } from './holidays.service';

export const HolidayUserError = createUserErrorType('Holiday', HolidayErrorCode);

@ObjectType('HolidayDate')
export class HolidayDateType {
  @Field(() => String, { description: 'YYYY-MM-DD' }) date!: string;
  @Field(() => String, { description: 'e.g. 元旦, 春节' }) name!: string;
}

@ObjectType('PlatformHolidayYear', {
  description: "A year's official holidays and make-up working days, as a platform admin entered them",
})
export class PlatformHolidayYearType {
  @Field(() => Int) year!: number;
  @Field(() => [HolidayDateType]) holidays!: HolidayDateType[];
  @Field(() => [HolidayDateType], { description: '调休上班: weekend days that are working days' })
  makeupWorkdays!: HolidayDateType[];
  @Field(() => String) enteredBy!: string;
  @Field(() => Date) enteredAt!: Date;

  static from(y: PlatformHolidayYear): PlatformHolidayYearType {
    return Object.assign(new PlatformHolidayYearType(), y);
  }
}

@ObjectType('HolidayCoverage', { description: 'How far the official holiday schedule is known' })
export class HolidayCoverageType {
  @Field(() => String, { description: 'e.g. chinese-days@1.5.7 + platform 2027' }) source!: string;
  @Field(() => Int) lastYear!: number;
  @Field(() => String, { description: 'The last day whose status is known (YYYY-MM-DD)' }) knownUntil!: string;
  @Field(() => Int) daysLeft!: number;
  @Field(() => Boolean, { description: 'Within 60 days of the end: enter the next year' }) nextYearDue!: boolean;

  static from(c: HolidayCoverageState): HolidayCoverageType {
    return Object.assign(new HolidayCoverageType(), {
      source: c.source,
      lastYear: c.lastYear,
      knownUntil: c.knownUntil,
      daysLeft: c.daysLeft,
      nextYearDue: c.nextYearDue,
    });
  }
}

@InputType()
export class HolidayDateInput {
  @Field(() => String) date!: string;
  @Field(() => String) name!: string;
}

@InputType()
export class SetPlatformHolidayYearInput {
  @Field(() => Int) year!: number;
  @Field(() => [HolidayDateInput], { description: 'Every day off of the published arrangement' })
  holidays!: HolidayDateInput[];
  @Field(() => [HolidayDateInput], { nullable: true }) makeupWorkdays?: HolidayDateInput[] | null;
}

@ObjectType()
export class PlatformHolidayYearPayload {
  @Field(() => PlatformHolidayYearType, { nullable: true }) holidayYear!: PlatformHolidayYearType | null;
  @Field(() => [HolidayUserError]) userErrors!: InstanceType<typeof HolidayUserError>[];
}
