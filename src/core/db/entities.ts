import { OrgUnitEntity } from '../../modules/org-unit/org-unit.entity';
import { DepartmentEntity } from '../../modules/department/department.entity';
import { AuditEventEntity } from '../../modules/audit/audit.entity';
import { CategoryEntity } from '../../modules/category/category.entity';
import { MediatorSpecialtyEntity, StaffMemberEntity } from '../../modules/staff/staff.entity';
import { ResidencyEntity, RotationShiftEntity, ShiftAssignmentEntity } from '../../modules/residency/residency.entity';

export const TENANT_FILTER = 'tenant';

/**
 * Entities whose rows belong to one tenant; the tenant filter applies to all of them.
 * `tenants` itself has no entity: the app reads it through `tenant_directory()` and writes it
 * only through the platform functions (see modules/tenant/tenant.repository.ts).
 */
export const tenantEntities = [
  OrgUnitEntity, DepartmentEntity, CategoryEntity, AuditEventEntity, StaffMemberEntity, MediatorSpecialtyEntity,
  ResidencyEntity, RotationShiftEntity, ShiftAssignmentEntity,
];
