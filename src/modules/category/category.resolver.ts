import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { toPayload } from '../../core/graphql/payload';
import { categoryLoaders } from './category.loaders';
import {
  CategoryConnection,
  CategoryFilter,
  CategoryPayload,
  CategoryType,
  UpsertCategoryInput,
} from './category.type';

@Resolver(() => CategoryType)
export class CategoryResolver {
  @Query(() => CategoryConnection, { description: 'Dispute categories, by code' })
  async categories(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CategoryFilter, { nullable: true }) filter?: CategoryFilter,
  ) {
    const req = pageRequest(page, ['string']);
    const scope = await tenantScope(ctx);
    return connectionFrom(await ctx.services.categories.list(scope, filter ?? {}, req), CategoryType.from);
  }

  @Query(() => CategoryType, { nullable: true })
  async category(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const c = await ctx.services.categories.find(await tenantScope(ctx), id);
    return c && CategoryType.from(c);
  }

  @FieldResolver(() => CategoryType, { nullable: true })
  async parent(@Root() c: CategoryType, @Ctx() ctx: RequestContext) {
    if (!c.parentId) return null;
    const p = await categoryLoaders(ctx).byId.load(c.parentId);
    return p && CategoryType.from(p);
  }

  @FieldResolver(() => [CategoryType], { description: 'Active sub-categories, by code' })
  async children(@Root() c: CategoryType, @Ctx() ctx: RequestContext) {
    return (await categoryLoaders(ctx).childrenOf.load(c.id)).map(CategoryType.from);
  }

  @Mutation(() => CategoryPayload)
  async upsertCategory(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpsertCategoryInput) input: UpsertCategoryInput,
  ) {
    const scope = await tenantScope(ctx, 'tenant-admin');
    return toPayload(ctx, await ctx.services.categories.upsert(scope, input), 'category', CategoryType.from);
  }
}
