import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireRole, type RequestContext } from '../../core/graphql/context';
import { toPayload } from '../../core/graphql/payload';
import {
  HolidayCoverageType,
  PlatformHolidayYearPayload,
  PlatformHolidayYearType,
  SetPlatformHolidayYearInput,
} from './holidays.type';

@Resolver()
export class HolidayResolver {
  @Query(() => [PlatformHolidayYearType], { description: 'Platform admins: the holiday years entered by hand' })
  async platformHolidayYears(@Ctx() ctx: RequestContext) {
    requireRole(ctx, 'platform-admin');
    return (await ctx.services.holidays.years()).map(PlatformHolidayYearType.from);
  }

  @Query(() => HolidayCoverageType, { description: 'Platform admins: how far the official holiday schedule is known' })
  async holidayCoverage(@Ctx() ctx: RequestContext) {
    requireRole(ctx, 'platform-admin');
    return HolidayCoverageType.from(await ctx.services.holidays.coverage());
  }

  @Mutation(() => PlatformHolidayYearPayload, {
    description:
      "Enter a year's holidays and make-up working days as the State Council published them; every tenant's calendar uses them before its own overrides",
  })
  async setPlatformHolidayYear(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SetPlatformHolidayYearInput) input: SetPlatformHolidayYearInput,
  ) {
    requireRole(ctx, 'platform-admin');
    const r = await ctx.services.holidays.set({ subject: ctx.viewer.subject, requestId: ctx.reqId }, input);
    return toPayload(ctx, r, 'holidayYear', PlatformHolidayYearType.from);
  }
}
