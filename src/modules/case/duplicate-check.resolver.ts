import { Arg, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { clean } from '../../shared/result';
import { isUuid } from '../../shared/ids';
import { caseSettingsFor } from './case.loaders';
import { REPORT_ROLES } from './case.states';
import { PossibleDuplicateType } from './case.type';
import { DuplicateFinder } from './duplicates';
import { normalIdNumber, normalPhone } from './personal-data';

@InputType()
export class DuplicateCheckInput {
  @Field(() => [String], { nullable: true }) phones?: string[] | null;
  @Field(() => [String], { nullable: true }) idNumbers?: string[] | null;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
}

/**
 * The window's check before saving: the cases a report with these numbers, place and category
 * would be flagged against once saved (the same finder intake uses), so the clerk can say
 * "same dispute" instead of opening a second case.
 */
@Resolver()
export class DuplicateCheckResolver {
  @Query(() => [PossibleDuplicateType], {
    description: 'Open or recent cases a report with these details would be flagged as a likely duplicate of',
  })
  async duplicateCandidates(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DuplicateCheckInput) input: DuplicateCheckInput,
  ): Promise<PossibleDuplicateType[]> {
    const scope = await tenantScope(ctx, ...REPORT_ROLES);
    const settings = await caseSettingsFor(ctx);
    const found = await new DuplicateFinder(ctx.services.timeline).find(
      scope,
      {
        caseId: null,
        phones: (input.phones ?? []).slice(0, 50).map(normalPhone),
        idNumbers: (input.idNumbers ?? []).slice(0, 50).map(normalIdNumber),
        location: clean(input.location) ?? null,
        categoryId: input.categoryId && isUuid(input.categoryId) ? input.categoryId : null,
        reportedAt: new Date(),
      },
      settings.duplicateWindowHours,
    );
    return [...found].map(([otherCaseId, e]) =>
      Object.assign(new PossibleDuplicateType(), { otherCaseId, reasons: [...e.reasons] }),
    );
  }
}
