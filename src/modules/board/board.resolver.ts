import { Arg, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { requireRole, type RequestContext } from '../../core/graphql/context';
import { forbidden } from '../../core/errors/errors';
import type { Role } from '../../core/auth/roles';
import { READ_ROLES } from '../case/case.states';
import { BoardEventFilterInput, BoardEventType } from './board.type';
import type { BoardEvent } from './board.events';

/** Staff who may read cases; machine feeds read only the cases they report. */
const BOARD_ROLES: Role[] = READ_ROLES.filter((r) => r !== 'intake-system');

type Data = SubscribeResolverData<unknown, { filter?: BoardEventFilterInput | null }, RequestContext>;

/** The tenant comes from the verified token, never from the operation: there is no tenant argument. */
function subscribe({ context: ctx, args }: Data): AsyncIterable<BoardEvent> {
  if (!ctx.tenant) {
    throw forbidden(ctx.allowedTenants.length > 1 ? { id: 'error.severalTenantsWs' } : { id: 'error.noTenant' });
  }
  requireRole(ctx, ...BOARD_ROLES);
  return ctx.services.board.subscribe(ctx.tenant.id, {
    orgUnitId: args.filter?.orgUnitId,
    warningLevels: args.filter?.warningLevels,
  });
}

@Resolver()
export class BoardResolver {
  @Subscription(() => BoardEventType, {
    description:
      "Live changes on your center's cases, over WebSocket (graphql-transport-ws at /graphql, the token in the connection parameters). " +
      'At most once: after a reconnect, refetch the board over HTTP.',
    subscribe,
  })
  boardEvents(
    @Root() e: BoardEvent,
    @Arg('filter', () => BoardEventFilterInput, { nullable: true }) _filter?: BoardEventFilterInput,
  ): BoardEventType {
    return BoardEventType.from(e);
  }
}
