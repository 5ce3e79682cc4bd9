import type { TenantScope } from '../../core/tenancy/scope';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { StaffMemberEntity } from '../staff/staff.entity';
import { CaseAssigneeEntity, type CaseEntity } from '../case/case.entity';
import type { NotifyRole } from './sla.policy';
import type { MessageRef } from '../../shared/message-ref';

/** What the SLA module needs from notifications (the notification module provides it). */
export interface Notifier {
  notify(
    scope: TenantScope,
    input: {
      caseId: string | null;
      type: string;
      level: 'INFO' | 'YELLOW' | 'RED';
      /** a catalogue message (`notification.<TYPE>`), worded per reader */
      title: MessageRef;
      data?: Record<string, unknown>;
      recipients: { staffIds?: string[] };
      dedupeKey: string;
      urgent?: boolean;
    },
  ): Promise<unknown>;
}

/**
 * Staff ids for the roles a notice goes to: HANDLER the case's assignees (before anyone is
 * assigned: the intake clerks and dispatchers of its unit); UNIT_LEAD leaders of its unit;
 * CENTER_LEAD leaders of the top unit; LEADER every leader.
 */
export async function staffForRoles(
  scope: TenantScope,
  c: CaseEntity,
  roles: readonly NotifyRole[],
): Promise<string[]> {
  const t = scope.tenant.id;
  const ids = new Set<string>();
  const leaders = () =>
    scope.em.find(StaffMemberEntity, { tenantId: t, active: true, roles: { $contains: ['leader'] } });
  for (const role of roles) {
    if (role === 'HANDLER') {
      const assigned = await scope.em.find(CaseAssigneeEntity, { tenantId: t, caseId: c.id });
      for (const a of assigned) ids.add(a.staffId);
      if (!assigned.length && c.orgUnitId) {
        const desk = await scope.em.find(StaffMemberEntity, {
          tenantId: t,
          active: true,
          orgUnitId: c.orgUnitId,
          $or: [{ roles: { $contains: ['intake-clerk'] } }, { roles: { $contains: ['dispatcher'] } }],
        });
        for (const s of desk) ids.add(s.id);
      }
    }
    if (role === 'UNIT_LEAD')
      for (const s of await leaders()) if (s.orgUnitId && s.orgUnitId === c.orgUnitId) ids.add(s.id);
    if (role === 'CENTER_LEAD') {
      const root = await scope.em.findOne(OrgUnitEntity, { tenantId: t, parentId: null, archivedAt: null });
      for (const s of await leaders()) if (root && s.orgUnitId === root.id) ids.add(s.id);
    }
    if (role === 'LEADER') for (const s of await leaders()) ids.add(s.id);
  }
  return [...ids].sort();
}
