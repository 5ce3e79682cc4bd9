import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';
import { loader, tenantScope, type RequestContext } from './context';
import { maskPersonalValues, valueContainsPersonalData } from '../../shared/personal-text';

const PERSONAL_TEXT = 'personalText';

/**
 * Marks an output field holding free text that people type ID numbers and phones into (titles,
 * descriptions, places, notes, reasons, supervision messages, timeline data). Its value is masked
 * for readers without personal-data rights by {@link maskPersonalTextFields}: one place for every
 * type and every path a case's text is read through (case, cases, relations, notifications, the
 * timeline), instead of each `from()` remembering it.
 */
export const PersonalText = (): ReturnType<typeof Extensions> => Extensions({ [PERSONAL_TEXT]: true });

/** Decided once per request, and only when some text actually holds a number to mask. */
function readerSees(ctx: RequestContext): Promise<boolean> {
  return loader(ctx, 'personalText.readerSees', async () =>
    ctx.tenant ? ctx.services.personalData.readerSees(await tenantScope(ctx)) : false,
  );
}

function guard(value: unknown, ctx: RequestContext): unknown {
  if (!valueContainsPersonalData(value)) return value;
  return readerSees(ctx).then((sees) => (sees ? value : maskPersonalValues(value)));
}

const isPromiseLike = (v: unknown): v is PromiseLike<unknown> =>
  typeof (v as PromiseLike<unknown> | null)?.then === 'function';

/**
 * Wraps the resolver of every field marked {@link PersonalText}. The stored text stays as it is;
 * what leaves for a reader without rights is masked (text without a number passes untouched and
 * costs no lookup of the reader's rights).
 */
export function maskPersonalTextFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.extensions?.[PERSONAL_TEXT]) continue;
      const inner = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx: RequestContext, info) => {
        const v = inner(source, args, ctx, info);
        return isPromiseLike(v) ? Promise.resolve(v).then((x) => guard(x, ctx)) : guard(v, ctx);
      };
    }
  }
  return schema;
}
