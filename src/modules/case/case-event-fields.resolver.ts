import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/graphql/context';
import { groupLoader } from '../../core/graphql/loaders';
import { StaffMemberEntity } from '../staff/staff.entity';
import { CaseEventType } from './case.type';
import { t } from '../../core/i18n/translate';
import { isResidentSubject, isSystemSubject } from '../../shared/subjects';

/** The digital file is read by people: who did a step, by the name the center knows them by. */
@Resolver(() => CaseEventType)
export class CaseEventFieldsResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The staff member the actor is in this tenant, or "the resident" for a resident\'s own step; null for processes and unknown sign-ins',
  })
  async actorName(@Root() e: CaseEventType, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!e.actorSubject || isSystemSubject(e.actorSubject)) return null;
    // A resident's own step (a report by QR code, a booking) names no person: their phone is masked.
    if (isResidentSubject(e.actorSubject)) return t(ctx.locale, 'event.actor.resident');
    const [staff] = await groupLoader(
      ctx,
      'staff.bySubject',
      (em, t, subjects) =>
        em.find(
          StaffMemberEntity,
          { tenantId: t, keycloakSubject: { $in: [...subjects] } },
          { fields: ['id', 'name', 'keycloakSubject'] },
        ),
      (s) => s.keycloakSubject ?? '',
    ).load(e.actorSubject);
    return staff?.name ?? null;
  }
}
