import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122000001Foundation } from './Migration20261122000001_foundation';
import { Migration20261122000002CenterStructure } from './Migration20261122000002_center_structure';
import { Migration20261122000003Categories } from './Migration20261122000003_categories';
import { Migration20261122000004StaffAndRosters } from './Migration20261122000004_staff_and_rosters';
import { Migration20261123000005Cases } from './Migration20261123000005_cases';
import { Migration20261123000006Sla } from './Migration20261123000006_sla';
import { Migration20261123000007Notifications } from './Migration20261123000007_notifications';
import { Migration20261123000008Metrics } from './Migration20261123000008_metrics';
import { Migration20261123000009MetricDays } from './Migration20261123000009_metric_days';
import { Migration20261123000010SupervisionFigures } from './Migration20261123000010_supervision_figures';
import { Migration20261127000011CaseReporterClient } from './Migration20261127000011_case_reporter_client';
import { Migration20261127000012CaseMaskedText } from './Migration20261127000012_case_masked_text';
import { Migration20261127000013CaseMergedIntoIndex } from './Migration20261127000013_case_merged_into_index';
import { Migration20261127100001SettledByParent } from './Migration20261127100001_settled_by_parent';
import { Migration20261127100002FollowUpWindow } from './Migration20261127100002_follow_up_window';
import { Migration20261127100003PlatformHolidays } from './Migration20261127100003_platform_holidays';
import { Migration20261127100004TenantDescendants } from './Migration20261127100004_tenant_descendants';
import { Migration20261127100005FailedMediationAction } from './Migration20261127100005_failed_mediation_action';
import { Migration20261127100006Consultations } from './Migration20261127100006_consultations';
import { Migration20261127100007Instalments } from './Migration20261127100007_instalments';
import { Migration20261127200001ResidentAccess } from './Migration20261127200001_resident_access';

/** Listed explicitly so migrations run the same from ts (tests) and js (dist) without globbing. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122000001_foundation', class: Migration20261122000001Foundation },
  { name: 'Migration20261122000002_center_structure', class: Migration20261122000002CenterStructure },
  { name: 'Migration20261122000003_categories', class: Migration20261122000003Categories },
  { name: 'Migration20261122000004_staff_and_rosters', class: Migration20261122000004StaffAndRosters },
  { name: 'Migration20261123000005_cases', class: Migration20261123000005Cases },
  { name: 'Migration20261123000006_sla', class: Migration20261123000006Sla },
  { name: 'Migration20261123000007_notifications', class: Migration20261123000007Notifications },
  { name: 'Migration20261123000008_metrics', class: Migration20261123000008Metrics },
  { name: 'Migration20261123000009_metric_days', class: Migration20261123000009MetricDays },
  { name: 'Migration20261123000010_supervision_figures', class: Migration20261123000010SupervisionFigures },
  { name: 'Migration20261127000011_case_reporter_client', class: Migration20261127000011CaseReporterClient },
  { name: 'Migration20261127000012_case_masked_text', class: Migration20261127000012CaseMaskedText },
  { name: 'Migration20261127000013_case_merged_into_index', class: Migration20261127000013CaseMergedIntoIndex },
  { name: 'Migration20261127100001_settled_by_parent', class: Migration20261127100001SettledByParent },
  { name: 'Migration20261127100002_follow_up_window', class: Migration20261127100002FollowUpWindow },
  { name: 'Migration20261127100003_platform_holidays', class: Migration20261127100003PlatformHolidays },
  { name: 'Migration20261127100004_tenant_descendants', class: Migration20261127100004TenantDescendants },
  { name: 'Migration20261127100005_failed_mediation_action', class: Migration20261127100005FailedMediationAction },
  { name: 'Migration20261127100006_consultations', class: Migration20261127100006Consultations },
  { name: 'Migration20261127100007_instalments', class: Migration20261127100007Instalments },
  { name: 'Migration20261127200001_resident_access', class: Migration20261127200001ResidentAccess },
];
