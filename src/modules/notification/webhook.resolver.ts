import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { idLoader } from '../../core/graphql/loaders';
import { toPayload } from '../../core/graphql/payload';
import type { Result } from '../../shared/result';
import type { SubscriptionWithSecret } from './webhook.service';
import {
  CreateWebhookSubscriptionInput,
  DeleteWebhookSubscriptionPayload,
  UpdateWebhookSubscriptionInput,
  WebhookDeliveryConnection,
  WebhookDeliveryFilter,
  WebhookDeliveryPayload,
  WebhookDeliveryType,
  WebhookIdInput,
  WebhookSubscriptionConnection,
  WebhookSubscriptionPayload,
  WebhookSubscriptionType,
} from './webhook.type';

function withSecret(ctx: RequestContext, r: Result<SubscriptionWithSecret>) {
  const p = toPayload(ctx, r, 'webhookSubscription', (v) => WebhookSubscriptionType.from(v.subscription));
  return { ...p, secret: r.ok ? r.value.secret : null };
}

/** Tenant admins only: receivers, their secrets, and what was sent to them. */
@Resolver(() => WebhookDeliveryType)
export class WebhookResolver {
  @Query(() => WebhookSubscriptionConnection, { description: 'Oldest first; deleted ones are not listed' })
  async webhookSubscriptions(@Ctx() ctx: RequestContext, @Args(() => PageArgs) page: PageArgs) {
    const req = pageRequest(page, ['uuid']);
    const scope = await tenantScope(ctx, 'tenant-admin');
    return connectionFrom(await ctx.services.webhooks.list(scope, req), WebhookSubscriptionType.from);
  }

  @Mutation(() => WebhookSubscriptionPayload, { description: 'The payload carries the signing secret, this once' })
  async createWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateWebhookSubscriptionInput) input: CreateWebhookSubscriptionInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return withSecret(ctx, await ctx.services.webhooks.create(scope, input));
  }

  @Mutation(() => WebhookSubscriptionPayload)
  async updateWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateWebhookSubscriptionInput) input: UpdateWebhookSubscriptionInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return withSecret(ctx, await ctx.services.webhooks.update(scope, input));
  }

  @Mutation(() => DeleteWebhookSubscriptionPayload, {
    description: 'Its waiting deliveries end DEAD; its history stays readable',
  })
  async deleteWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WebhookIdInput) input: WebhookIdInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(
      ctx,
      await ctx.services.webhooks.delete(scope, input.id),
      'webhookSubscription',
      WebhookSubscriptionType.from,
    );
  }

  @Query(() => WebhookDeliveryConnection, { description: 'Newest first, dead letters included' })
  async webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => WebhookDeliveryFilter, { nullable: true }) filter?: WebhookDeliveryFilter,
  ) {
    const req = pageRequest(page, ['uuid']);
    const scope = await tenantScope(ctx, 'tenant-admin');
    return connectionFrom(await ctx.services.webhooks.deliveries(scope, filter ?? {}, req), WebhookDeliveryType.from);
  }

  @Mutation(() => WebhookDeliveryPayload, { description: 'A DEAD delivery tried again from its first attempt' })
  async redeliverWebhookDelivery(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WebhookIdInput) input: WebhookIdInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(
      ctx,
      await ctx.services.webhooks.redeliver(scope, input.id),
      'webhookDelivery',
      WebhookDeliveryType.from,
    );
  }

  @FieldResolver(() => WebhookSubscriptionType)
  async subscription(@Root() d: WebhookDeliveryType, @Ctx() ctx: RequestContext) {
    const s = await idLoader(ctx, 'webhook.subscriptionById', (em, t, ids) =>
      ctx.services.webhooks.byIds(em, t, ids),
    ).load(d.subscriptionId);
    return WebhookSubscriptionType.from(s!);
  }
}
