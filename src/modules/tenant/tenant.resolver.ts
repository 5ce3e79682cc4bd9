import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireRole, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { toPage } from '../../shared/page';
import { toPayload } from '../../core/graphql/payload';
import { forbidden } from '../../core/errors/errors';
import { tenantsById } from './tenant.loaders';
import {
  CreateTenantInput,
  SuspendTenantInput,
  TenantConnection,
  TenantPayload,
  TenantType,
  UpdateTenantInput,
  ViewerType,
} from './tenant.type';

const actor = (ctx: RequestContext) => ({ subject: ctx.viewer.subject, requestId: ctx.reqId });

@Resolver(() => TenantType)
export class TenantResolver {
  @Query(() => ViewerType)
  me(@Ctx() ctx: RequestContext): ViewerType {
    return {
      subject: ctx.viewer.subject,
      username: ctx.viewer.username,
      clientId: ctx.viewer.clientId,
      roles: [...ctx.viewer.roles].sort(),
      tenants: ctx.allowedTenants.map(TenantType.from),
      currentTenant: ctx.tenant && TenantType.from(ctx.tenant),
    };
  }

  @Query(() => TenantType, { description: 'The tenant this request acts in' })
  tenant(@Ctx() ctx: RequestContext): TenantType {
    if (!ctx.tenant) throw forbidden({ id: 'error.noCurrentTenant' });
    return TenantType.from(ctx.tenant);
  }

  @FieldResolver(() => TenantType, {
    nullable: true,
    description: "The tenant one level up (a town's county or district)",
  })
  async parent(@Root() t: TenantType, @Ctx() ctx: RequestContext) {
    if (!t.parentId) return null;
    const p = await tenantsById(ctx).load(t.parentId);
    return p && TenantType.from(p);
  }

  @Query(() => TenantConnection, { description: 'Platform admins: every tenant, by code' })
  async tenants(@Ctx() ctx: RequestContext, @Args(() => PageArgs) page: PageArgs) {
    const { first, after: cursor } = pageRequest(page, ['string']);
    requireRole(ctx, 'platform-admin');
    const rows = await ctx.services.tenants.list(cursor?.[0] ?? null, first + 1);
    return connectionFrom(
      toPage(rows, first, (t) => [t.code], !!cursor),
      TenantType.from,
    );
  }

  @Mutation(() => TenantPayload)
  async createTenant(@Ctx() ctx: RequestContext, @Arg('input', () => CreateTenantInput) input: CreateTenantInput) {
    requireRole(ctx, 'platform-admin');
    return toPayload(ctx, await ctx.services.tenants.create(actor(ctx), input), 'tenant', TenantType.from);
  }

  @Mutation(() => TenantPayload)
  async updateTenant(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateTenantInput) input: UpdateTenantInput) {
    requireRole(ctx, 'platform-admin');
    const { id, ...fields } = input;
    return toPayload(ctx, await ctx.services.tenants.update(actor(ctx), id, fields), 'tenant', TenantType.from);
  }

  @Mutation(() => TenantPayload, { description: "Suspend a tenant: its users' requests are refused until reactivated" })
  async suspendTenant(@Ctx() ctx: RequestContext, @Arg('input', () => SuspendTenantInput) input: SuspendTenantInput) {
    requireRole(ctx, 'platform-admin');
    const status = input.suspended === false ? 'ACTIVE' : 'SUSPENDED';
    return toPayload(
      ctx,
      await ctx.services.tenants.setStatus(actor(ctx), input.id, status),
      'tenant',
      TenantType.from,
    );
  }
}
