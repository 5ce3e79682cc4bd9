import { OrgUnitEntity } from '../../modules/org-unit/org-unit.entity';
import { DepartmentEntity } from '../../modules/department/department.entity';
import { AuditEventEntity } from '../../modules/audit/audit.entity';
import { CategoryEntity } from '../../modules/category/category.entity';
import { MediatorSpecialtyEntity, StaffMemberEntity } from '../../modules/staff/staff.entity';
import { ResidencyEntity, RotationShiftEntity, ShiftAssignmentEntity } from '../../modules/residency/residency.entity';
import {
  CaseAssigneeEntity,
  CaseDuplicateEntity,
  CaseEntity,
  CaseEscalationEntity,
  CaseEventEntity,
  CasePartyEntity,
  CaseSettingsEntity,
} from '../../modules/case/case.entity';
import { RoutingRuleEntity } from '../../modules/routing/routing.entity';
import {
  AgreementEntity,
  MediationSessionEntity,
  SessionDepartmentEntity,
  SessionMediatorEntity,
} from '../../modules/mediation/mediation.entity';
import { ConsultationEntity } from '../../modules/consultation/consultation.entity';
import {
  InstalmentEntity,
  InstalmentPaymentEntity,
  InstalmentReminderEntity,
} from '../../modules/instalment/instalment.entity';
import { ReferralEntity } from '../../modules/referral/referral.entity';
import { FollowUpEntity } from '../../modules/follow-up/follow-up.entity';
import {
  CheckpointEntity,
  DeadlineEntity,
  ExtensionRequestEntity,
  SlaPolicyEntity,
  SupervisionNoticeEntity,
  TenantCalendarEntity,
} from '../../modules/sla/sla.entity';
import { NotificationEntity, NotificationSettingsEntity } from '../../modules/notification/notification.entity';
import { WebhookDeliveryEntity, WebhookSubscriptionEntity } from '../../modules/notification/webhook.entity';
import {
  ResidentMediationRequestEntity,
  ResidentRatingEntity,
  ResidentReportEntity,
} from '../../modules/resident/resident.entity';

export const TENANT_FILTER = 'tenant';

/**
 * Entities whose rows belong to one tenant; the tenant filter applies to all of them.
 * `tenants` itself has no entity: the app reads it through `tenant_directory()` and writes it
 * only through the platform functions (see modules/tenant/tenant.repository.ts).
 */
export const tenantEntities = [
  OrgUnitEntity,
  DepartmentEntity,
  CategoryEntity,
  AuditEventEntity,
  StaffMemberEntity,
  MediatorSpecialtyEntity,
  ResidencyEntity,
  RotationShiftEntity,
  ShiftAssignmentEntity,
  CaseEntity,
  CasePartyEntity,
  CaseAssigneeEntity,
  CaseEventEntity,
  CaseDuplicateEntity,
  CaseEscalationEntity,
  CaseSettingsEntity,
  RoutingRuleEntity,
  MediationSessionEntity,
  SessionMediatorEntity,
  SessionDepartmentEntity,
  AgreementEntity,
  ReferralEntity,
  ConsultationEntity,
  InstalmentEntity,
  InstalmentReminderEntity,
  InstalmentPaymentEntity,
  FollowUpEntity,
  SlaPolicyEntity,
  TenantCalendarEntity,
  DeadlineEntity,
  CheckpointEntity,
  ExtensionRequestEntity,
  SupervisionNoticeEntity,
  NotificationEntity,
  NotificationSettingsEntity,
  WebhookSubscriptionEntity,
  WebhookDeliveryEntity,
  ResidentReportEntity,
  ResidentMediationRequestEntity,
  ResidentRatingEntity,
];
