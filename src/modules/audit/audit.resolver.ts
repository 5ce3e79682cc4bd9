import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { listAuditEvents } from './audit.service';
import { AuditEventConnection, AuditEventFilter, AuditEventType } from './audit.type';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'Tenant admins and auditors: the audit trail, newest first' })
  async auditEvents(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter,
  ) {
    const req = pageRequest(page, ['timestamp', 'uuid']);
    const scope = await tenantScope(ctx, 'tenant-admin', 'auditor');
    return connectionFrom(await listAuditEvents(scope, filter ?? {}, req), AuditEventType.from);
  }
}
