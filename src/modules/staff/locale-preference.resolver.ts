import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { toPayload } from '../../core/graphql/payload';
import { adoptLocale } from '../../core/i18n/locale';
import { ViewerType } from '../tenant/tenant.type';
import { StaffUserError } from './staff.type';

@InputType()
export class SetMyLocaleInput {
  @Field(() => String, {
    nullable: true,
    description: 'zh-CN or en; null forgets the choice, and Accept-Language decides again',
  })
  locale?: string | null;
}

@ObjectType()
export class SetMyLocalePayload {
  @Field(() => String, { nullable: true, description: 'The language now saved, null when none is' })
  locale!: string | null;
  @Field(() => [StaffUserError]) userErrors!: InstanceType<typeof StaffUserError>[];
}

/**
 * The language a person chose in the tenant they act in (the console's language switch). It
 * outranks Accept-Language and words what workers write for them (docs/architecture.md, "Language").
 */
@Resolver(() => ViewerType)
export class LocalePreferenceResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The language the caller saved in the current tenant (zh-CN or en), null when none',
  })
  async locale(@Root() v: ViewerType, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!ctx.tenant || !ctx.uow || ctx.viewer.resident) return null;
    const uow = ctx.uow;
    return ctx.services.localePreferences.preferred(ctx.tenant.id, v.subject, uow.read);
  }

  @Mutation(() => SetMyLocalePayload, {
    description: "Saves the caller's language in the current tenant; this answer is already in it",
  })
  async setMyLocale(@Ctx() ctx: RequestContext, @Arg('input', () => SetMyLocaleInput) input: SetMyLocaleInput) {
    const scope = await tenantScope(ctx);
    const r = await ctx.services.localePreferences.set(scope, input.locale ?? null);
    if (r.ok && r.value) {
      ctx.locale = r.value;
      adoptLocale(r.value);
    }
    return toPayload(ctx, r, 'locale', (l) => l);
  }
}
