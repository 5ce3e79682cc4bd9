import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { tenantReadScope, tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { toPayload } from '../../core/graphql/payload';
import { ROLES, type Role } from '../../core/auth/roles';
import { render } from '../../core/i18n/translate';
import { caseLoaders } from '../case/case.loaders';
import { CaseType } from '../case/case.type';
import { READ_ROLES } from '../case/case.states';
import {
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
  NotificationConnection,
  NotificationFilter,
  NotificationSettingsPayload,
  NotificationSettingsType,
  NotificationType,
  UpdateNotificationSettingsInput,
} from './notification.type';

/** People with an inbox: every staff role; machine feeds and platform admins have none. */
const STAFF_ROLES: Role[] = ROLES.filter((r) => r !== 'platform-admin' && r !== 'intake-system');

@Resolver(() => NotificationType)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: 'My delivered notifications, newest first' })
  async notifications(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => NotificationFilter, { nullable: true }) filter?: NotificationFilter,
  ) {
    const req = pageRequest(page, ['timestamp', 'uuid']);
    const scope = tenantReadScope(ctx, ...STAFF_ROLES);
    return connectionFrom(
      await ctx.services.notifications.inbox(scope, ctx.viewer.subject, filter ?? {}, req),
      NotificationType.from,
    );
  }

  @Query(() => Int, { description: 'My delivered notifications not yet read' })
  async unreadNotificationCount(@Ctx() ctx: RequestContext) {
    return ctx.services.notifications.unreadCount(tenantReadScope(ctx, ...STAFF_ROLES), ctx.viewer.subject);
  }

  @Mutation(() => MarkNotificationsReadPayload)
  async markNotificationsRead(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => MarkNotificationsReadInput) input: MarkNotificationsReadInput,
  ) {
    const scope = await tenantScope(ctx, ...STAFF_ROLES);
    const r = await ctx.services.notifications.markRead(scope, ctx.viewer.subject, input);
    const p = toPayload(ctx, r, 'result', (v) => v);
    return { markedCount: p.result?.marked ?? 0, unreadCount: p.result?.unread ?? 0, userErrors: p.userErrors };
  }

  @Query(() => NotificationSettingsType)
  async notificationSettings(@Ctx() ctx: RequestContext) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return NotificationSettingsType.from(await ctx.services.notificationSettings.get(scope), scope.tenant.timeZone);
  }

  @Mutation(() => NotificationSettingsPayload)
  async updateNotificationSettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateNotificationSettingsInput) input: UpdateNotificationSettingsInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(ctx, await ctx.services.notificationSettings.update(scope, input), 'notificationSettings', (s) =>
      NotificationSettingsType.from(s, scope.tenant.timeZone),
    );
  }

  @FieldResolver(() => String)
  title(@Root() n: NotificationType, @Ctx() ctx: RequestContext): string {
    return n.titleMessage ? render(ctx.locale, n.titleMessage, { timeZone: ctx.tenant?.timeZone }) : n.title;
  }

  @FieldResolver(() => CaseType, { nullable: true, description: 'Null for people who may not read cases' })
  async case(@Root() n: NotificationType, @Ctx() ctx: RequestContext) {
    if (!n.caseId || !READ_ROLES.some((r) => ctx.viewer.roles.has(r))) return null;
    const c = await caseLoaders(ctx).byId.load(n.caseId);
    return c && CaseType.from(c);
  }
}
