import { buildSchema } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { TenantResolver } from '../../modules/tenant/tenant.resolver';
import { HolidayResolver } from '../../modules/holidays/holidays.resolver';
import { OrgUnitResolver } from '../../modules/org-unit/org-unit.resolver';
import { DepartmentResolver } from '../../modules/department/department.resolver';
import { CategoryResolver } from '../../modules/category/category.resolver';
import { MediatorProfileResolver, StaffResolver } from '../../modules/staff/staff.resolver';
import { ResidencyResolver, RotationShiftResolver } from '../../modules/residency/residency.resolver';
import { AuditResolver } from '../../modules/audit/audit.resolver';
import { CaseResolver } from '../../modules/case/case.resolver';
import { DuplicateCheckResolver } from '../../modules/case/duplicate-check.resolver';
import { CaseEventFieldsResolver } from '../../modules/case/case-event-fields.resolver';
import { ViewerStaffResolver } from '../../modules/staff/viewer-staff.resolver';
import { LocalePreferenceResolver } from '../../modules/staff/locale-preference.resolver';
import {
  CaseAssigneeResolver,
  CaseEscalationResolver,
  CaseFieldsResolver,
  PossibleDuplicateResolver,
} from '../../modules/case/case-fields.resolver';
import { RoutingResolver } from '../../modules/routing/routing.resolver';
import { MediationResolver } from '../../modules/mediation/mediation.resolver';
import { ConsultationResolver } from '../../modules/consultation/consultation.resolver';
import { InstalmentResolver } from '../../modules/instalment/instalment.resolver';
import { ReferralResolver } from '../../modules/referral/referral.resolver';
import { FollowUpResolver } from '../../modules/follow-up/follow-up.resolver';
import { CaseSlaFieldsResolver, SlaResolver } from '../../modules/sla/sla.resolver';
import { QueueAdminResolver } from '../../modules/queue-admin/queue-admin.resolver';
import {
  BoardEntryResolver,
  BoardUnitCountResolver,
  MetricsResolver,
  SupervisionUnitFiguresResolver,
} from '../../modules/metrics/metrics.resolver';
import { NotificationResolver } from '../../modules/notification/notification.resolver';
import { WebhookResolver } from '../../modules/notification/webhook.resolver';
import { BoardResolver } from '../../modules/board/board.resolver';
import { UserErrorMessageResolver } from './user-error-message.resolver';
import { EnumLabelsResolver } from './enum-labels.resolver';
import { CaseEventResolver } from '../../modules/case/case-event.resolver';
import { ResidentResolver } from '../../modules/resident/resident.resolver';
import {
  CaseResidentFieldsResolver,
  OrgUnitResidentFieldsResolver,
  ResidentStaffResolver,
} from '../../modules/resident/resident-staff.resolver';
import { maskPersonalTextFields } from './personal-text';

export const resolvers = [
  TenantResolver,
  OrgUnitResolver,
  DepartmentResolver,
  CategoryResolver,
  StaffResolver,
  MediatorProfileResolver,
  ResidencyResolver,
  RotationShiftResolver,
  AuditResolver,
  CaseResolver,
  DuplicateCheckResolver,
  CaseEventFieldsResolver,
  ViewerStaffResolver,
  LocalePreferenceResolver,
  CaseFieldsResolver,
  CaseAssigneeResolver,
  PossibleDuplicateResolver,
  CaseEscalationResolver,
  RoutingResolver,
  MediationResolver,
  ReferralResolver,
  ConsultationResolver,
  InstalmentResolver,
  FollowUpResolver,
  SlaResolver,
  CaseSlaFieldsResolver,
  QueueAdminResolver,
  MetricsResolver,
  BoardEntryResolver,
  BoardUnitCountResolver,
  SupervisionUnitFiguresResolver,
  NotificationResolver,
  WebhookResolver,
  BoardResolver,
  UserErrorMessageResolver,
  EnumLabelsResolver,
  CaseEventResolver,
  ResidentResolver,
  ResidentStaffResolver,
  CaseResidentFieldsResolver,
  OrgUnitResidentFieldsResolver,
  HolidayResolver,
] as const;

let built: Promise<GraphQLSchema> | null = null;

/** type-graphql keeps metadata globally, so the schema is built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  // type-graphql insists on a pubSub once there is a subscription, though ours brings its own
  // `subscribe` (the tenant's Redis channel, chosen per subscriber): this one carries nothing.
  built ??= buildSchema({ resolvers: [...resolvers], validate: false, pubSub: createPubSub() }).then(
    maskPersonalTextFields,
  );
  return built;
}

/** The SDL committed as schema/schema.graphql; sorted so diffs show real changes only. */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
