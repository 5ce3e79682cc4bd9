import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { ViewerType } from '../tenant/tenant.type';
import { StaffMemberEntity } from './staff.entity';
import { StaffMemberType } from './staff.type';

/** "My cases" and "my unit" need the caller's staff record in the tenant they act in. */
@Resolver(() => ViewerType)
export class ViewerStaffResolver {
  @FieldResolver(() => StaffMemberType, {
    nullable: true,
    description: "The caller's staff record in the current tenant (matched by sign-in subject)",
  })
  async staffMember(@Root() v: ViewerType, @Ctx() ctx: RequestContext): Promise<StaffMemberType | null> {
    if (!ctx.tenant) return null;
    const scope = await tenantScope(ctx);
    const s = await scope.em.findOne(StaffMemberEntity, { tenantId: scope.tenant.id, keycloakSubject: v.subject });
    return s && StaffMemberType.from(s);
  }
}
