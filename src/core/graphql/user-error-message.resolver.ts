import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from './context';
import { UserError } from './user-error';
import type { UserErrorData } from '../../shared/user-error';
import { render } from '../i18n/translate';

/**
 * Words every userError in the request's locale, where the payload is shaped: services hand
 * over a catalogue key and values, and times read in the tenant's zone. On the interface, so
 * every area's `<Area>UserError` inherits it.
 */
@Resolver(() => UserError)
export class UserErrorMessageResolver {
  @FieldResolver(() => String)
  message(@Root() e: UserErrorData, @Ctx() ctx: RequestContext): string {
    // A plain string is a message some caller built itself; shown as it is.
    if (typeof e.message === 'string') return e.message;
    return render(ctx.locale, e.message, { timeZone: ctx.tenant?.timeZone });
  }
}
