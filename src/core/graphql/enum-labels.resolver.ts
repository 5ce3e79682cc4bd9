import { Arg, Ctx, Field, Info, ObjectType, Query, Resolver } from 'type-graphql';
import { isEnumType, type GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from './context';
import { badUserInput } from '../errors/errors';
import { isLocale, LOCALES } from '../i18n/locale';
import { catalogueKeys, t } from '../i18n/translate';

@ObjectType('EnumLabel', { description: 'How a person reads one enum value: 待受理 for CaseStatus.REPORTED' })
export class EnumLabelType {
  @Field(() => String, {
    description: 'The enum, e.g. CaseStatus; Role for sign-in roles (intake-clerk …), CaseEventKind for CaseEvent.type',
  })
  enum!: string;

  @Field(() => String, { description: 'The value as the API sends it; never localized' })
  value!: string;

  @Field(() => String)
  label!: string;
}

/** Enums a person meets that are not GraphQL enums: sign-in roles and timeline entry kinds (CaseEvent.type). */
const EXTRA_ENUMS = ['Role', 'CaseEventKind'];

/**
 * Every enum value's label in one language, so a client shows 待受理 and keeps switching on
 * REPORTED. From the schema itself (every enum, error codes included) plus the roles, so a new
 * value appears here as soon as it exists (the catalogue test makes sure it has words).
 */
@Resolver()
export class EnumLabelsResolver {
  @Query(() => [EnumLabelType], {
    description: "Labels of enum values in `locale` (zh-CN or en; default: the request's Accept-Language)",
  })
  enumLabels(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('enums', () => [String], { nullable: true, description: 'Only these enums (e.g. ["CaseStatus"])' })
    enums?: string[] | null,
    @Arg('locale', () => String, { nullable: true }) locale?: string | null,
  ): EnumLabelType[] {
    if (locale != null && !isLocale(locale)) {
      throw badUserInput({ id: 'error.unknownLocale', values: { locales: { list: [...LOCALES] } } });
    }
    const lang = locale ?? ctx.locale;
    const wanted = enums?.length ? new Set(enums) : null;
    const out: EnumLabelType[] = [];
    const add = (name: string, value: string, key: string) =>
      out.push(Object.assign(new EnumLabelType(), { enum: name, value, label: t(lang, key) }));
    for (const type of Object.values(info.schema.getTypeMap())) {
      if (!isEnumType(type) || type.name.startsWith('__') || (wanted && !wanted.has(type.name))) continue;
      const isCode = type.name.endsWith('ErrorCode');
      for (const v of type.getValues())
        add(type.name, v.name, isCode ? `code.${v.name}` : `enum.${type.name}.${v.name}`);
    }
    for (const name of EXTRA_ENUMS) {
      if (wanted && !wanted.has(name)) continue;
      const prefix = `enum.${name}.`;
      for (const key of catalogueKeys().filter((k) => k.startsWith(prefix))) add(name, key.slice(prefix.length), key);
    }
    return out;
  }
}
