import type { Orm } from './core/db/orm';
import type { QueueClient } from './core/queue/queue-client';
import { AuditService } from './modules/audit/audit.service';
import { CategoryService } from './modules/category/category.service';
import { StaffService } from './modules/staff/staff.service';
import { ResidencyService } from './modules/residency/residency.service';
import { RosterService } from './modules/residency/roster.service';
import { DutyService } from './modules/residency/duty.service';
import { DepartmentService } from './modules/department/department.service';
import { OrgUnitService } from './modules/org-unit/org-unit.service';
import { TenantDirectory } from './modules/tenant/tenant.directory';
import { TenantProvisioning } from './modules/tenant/tenant.provisioning';
import { TenantRepository } from './modules/tenant/tenant.repository';
import { TenantService } from './modules/tenant/tenant.service';

/** The app's service graph, built once per process and shared by the API and the workers. */
export interface Services {
  orm: Orm;
  queues: QueueClient | null;
  audit: AuditService;
  tenantDirectory: TenantDirectory;
  tenants: TenantService;
  provisioning: TenantProvisioning;
  departments: DepartmentService;
  orgUnits: OrgUnitService;
  categories: CategoryService;
  staff: StaffService;
  residencies: ResidencyService;
  rosters: RosterService;
  duty: DutyService;
}

export function createServices(orm: Orm, queues: QueueClient | null): Services {
  const audit = new AuditService();
  const tenantRepo = new TenantRepository(orm);
  const tenantDirectory = new TenantDirectory(tenantRepo);
  const tenants = new TenantService(tenantRepo, tenantDirectory, queues);
  const departments = new DepartmentService(audit);
  const orgUnits = new OrgUnitService(audit);
  const categories = new CategoryService(audit);
  const provisioning = new TenantProvisioning(orm, tenantRepo, tenants, departments, categories);
  const staff = new StaffService(audit, departments, orgUnits, categories);
  const residencies = new ResidencyService(audit, departments, orgUnits);
  const rosters = new RosterService(audit, residencies);
  const duty = new DutyService(orgUnits, residencies, rosters, categories);
  return { orm, queues, audit, tenantDirectory, tenants, provisioning, departments, orgUnits, categories, staff, residencies, rosters, duty };
}
