import type { Orm } from '../../core/db/orm';
import type { TenantScope } from '../../core/tenancy/scope';
import { withTenantScope } from '../../core/tenancy/tenant-tx';
import type { TenantDirectory } from '../tenant/tenant.directory';
import type { CaseWorkflow } from '../case/case.workflow';
import type { NotifyInput } from '../notification/notification.service';
import { InstalmentEntity, type ReminderKind } from './instalment.entity';
import { fromFen, toFen } from './instalment.service';

const SYSTEM = 'system:instalments';

interface Notifier {
  notify(scope: TenantScope, input: NotifyInput): Promise<unknown>;
}

/**
 * Fires one instalment reminder. The PENDING → FIRED update is the claim, in the same transaction
 * as the notice it sends: a retried or duplicated job finds nothing to claim, and a reminder of an
 * instalment paid meanwhile was cancelled with the payment and sends nothing.
 */
export class ReminderService {
  private notifier: Notifier | null = null;

  constructor(
    private readonly orm: Orm,
    private readonly directory: TenantDirectory,
    private readonly workflow: CaseWorkflow,
  ) {}

  setNotifier(n: Notifier): void {
    this.notifier = n;
  }

  async fire(tenantId: string, reminderId: string): Promise<'fired' | 'nothing'> {
    const [tenant] = await this.directory.byIds([tenantId]);
    if (!tenant || tenant.status !== 'ACTIVE') return 'nothing';
    const actor = { subject: SYSTEM, requestId: `instalment-${reminderId}`, ip: null };
    return withTenantScope(this.orm, tenant, actor, async (scope) => {
      // A second of tolerance: a delayed job may run a hair before its due time.
      const [claimed] = await scope.em.execute<{ instalment_id: string; kind: ReminderKind }[]>(
        `update instalment_reminders set status = 'FIRED', fired_at = now()
         where tenant_id = ? and id = ? and status = 'PENDING' and due_at <= now() + interval '1 second'
         returning instalment_id, kind`,
        [tenantId, reminderId],
      );
      if (!claimed) return 'nothing';
      const i = await scope.em.findOneOrFail(InstalmentEntity, { tenantId, id: claimed.instalment_id });
      if (i.status === 'PAID') return 'nothing';
      const c = await this.workflow.lock(scope, i.caseId);
      if (!c) return 'nothing';
      const outstanding = fromFen(toFen(i.amount) - toFen(i.paidAmount));
      const overdue = claimed.kind === 'AFTER';
      if (overdue)
        this.workflow.timeline.record(scope, c.id, {
          type: 'INSTALMENT_OVERDUE',
          actor: SYSTEM,
          data: { instalmentId: i.id, agreementId: i.agreementId, seq: i.seq, dueOn: i.dueOn, outstanding },
        });
      await this.notifier?.notify(scope, {
        caseId: c.id,
        type: overdue ? 'INSTALMENT_OVERDUE' : 'INSTALMENT_DUE_SOON',
        level: overdue ? 'YELLOW' : 'INFO',
        title: overdue
          ? `${c.number} 第${i.seq}期履行款（${i.dueOn}到期）尚未付清，请督促履行`
          : `${c.number} 第${i.seq}期履行款将于${i.dueOn}到期`,
        data: { instalmentId: i.id, agreementId: i.agreementId, dueOn: i.dueOn },
        recipients: { audiences: ['HANDLER'] },
        dedupeKey: `instalment-reminder-${reminderId}`,
      });
      await this.workflow.finishStep(scope);
      return 'fired';
    });
  }
}
