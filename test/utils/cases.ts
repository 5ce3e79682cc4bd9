import type { Harness } from './harness';
import { withTenantScope } from '../../src/core/tenancy/tenant-tx';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import type { NotifyInput } from '../../src/modules/notification/notification.service';
import { CREATE_ORG_UNIT } from './ops';

/** GraphQL operations and a small center for the case tests. */
export const CASE_FIELDS = /* GraphQL */ `id number status riskLevel warningLevel isGroupDispute peopleInvolved amountInvolved resolvedOnSite
  escalationSuggested reportedAt acceptedAt dispatchedAt resolvedAt closedAt orgUnit { id name } department { id code }`;

export const REPORT_CASE = /* GraphQL */ `
  mutation($i: ReportCaseInput!) { reportCase(input: $i) { replayed case { ${CASE_FIELDS} } userErrors { field code message } } }`;

/** `mutation($i: XInput!) { x(input: $i) { case { … } userErrors { … } } }` for a case step. */
export const caseStep = (name: string, inputType: string) => /* GraphQL */ `
  mutation($i: ${inputType}!) { ${name}(input: $i) { case { ${CASE_FIELDS} } userErrors { field code message } } }`;

export const STEPS = {
  accept: caseStep('acceptCase', 'AcceptCaseInput'),
  reject: caseStep('rejectCase', 'CaseReasonInput'),
  dispatch: caseStep('dispatchCase', 'DispatchCaseInput'),
  return: caseStep('returnCase', 'CaseReasonInput'),
  assign: caseStep('assignCase', 'AssignCaseInput'),
  note: caseStep('addCaseNote', 'AddCaseNoteInput'),
  resolve: caseStep('resolveCase', 'ResolveCaseInput'),
  unresolved: caseStep('markCaseUnresolved', 'CaseReasonInput'),
  escalate: caseStep('escalateCase', 'CaseReasonInput'),
  takeBack: caseStep('takeBackCase', 'CaseReasonInput'),
  close: caseStep('closeCase', 'CloseCaseInput'),
  reopen: caseStep('reopenCase', 'CaseReasonInput'),
  merge: caseStep('mergeCases', 'MergeCasesInput'),
  refer: caseStep('referCase', 'ReferCaseInput'),
  scheduleFollowUp: caseStep('scheduleFollowUp', 'ScheduleFollowUpInput'),
  completeFollowUp: caseStep('completeFollowUp', 'CompleteFollowUpInput'),
} as const;

export const SCHEDULE_MEDIATION = /* GraphQL */ `
  mutation($i: ScheduleMediationInput!) { scheduleMediation(input: $i) { session { id status mediators { id name } departments { code } } userErrors { field code message } } }`;
export const RECORD_OUTCOME = /* GraphQL */ `
  mutation($i: RecordMediationOutcomeInput!) { recordMediationOutcome(input: $i) { session { id status outcome } userErrors { field code message } } }`;

export interface CaseView {
  id: string;
  number: string;
  status: string;
  riskLevel: string;
  [k: string]: unknown;
}

export interface UserErrorView {
  field: string[] | null;
  code: string;
  message: string;
}

/** Runs a mutation and returns its payload, failing the test on a top-level error. */
export async function mutate<P = { case: CaseView | null; userErrors: UserErrorView[] }>(
  h: Harness,
  token: string,
  query: string,
  i: Record<string, unknown>,
): Promise<P> {
  const r = await h.gql<Record<string, P>>(token, query, { i });
  if (r.body.errors?.length) throw new Error(`${query.match(/\{\s*(\w+)\(/)?.[1]}: ${JSON.stringify(r.body.errors)}`);
  return Object.values(r.body.data!)[0]!;
}

/** Like {@link mutate}, and the step must succeed. */
export async function step(h: Harness, token: string, query: string, i: Record<string, unknown>): Promise<CaseView> {
  const p = await mutate(h, token, query, i);
  if (p.userErrors.length) throw new Error(`refused: ${JSON.stringify(p.userErrors)}`);
  return p.case!;
}

export interface Center {
  centerId: string;
  stationId: string;
  gridId: string;
  dept: Record<string, string>;
  category: Record<string, string>;
  staff: Record<string, string>;
}

/** A town center → station (the patrol team) → grid, its seeded departments and categories, and a few people. */
export async function buildCenter(
  h: Harness,
  admin: string,
  people: { key: string; name: string; dept?: string; mediator?: boolean; subject?: string; limit?: number }[] = [],
): Promise<Center> {
  const unit = async (kind: string, name: string, parentId?: string) =>
    (
      await h.gql<{ createOrgUnit: { orgUnit: { id: string } } }>(admin, CREATE_ORG_UNIT, {
        input: { kind, name, parentId },
      })
    ).body.data!.createOrgUnit.orgUnit.id;
  const centerId = await unit('CENTER', '织里镇社会治理中心');
  const stationId = await unit('STATION', '民生服务队', centerId);
  const gridId = await unit('GRID', '大河网格', stationId);
  const d = await h.gql<{ departments: { edges: { node: { id: string; code: string } }[] } }>(
    admin,
    '{ departments(first: 100) { edges { node { id code } } } }',
  );
  const dept = Object.fromEntries(d.body.data!.departments.edges.map((e) => [e.node.code, e.node.id]));
  const c = await h.gql<{ categories: { edges: { node: { id: string; code: string } }[] } }>(
    admin,
    '{ categories(first: 100) { edges { node { id code } } } }',
  );
  const category = Object.fromEntries(c.body.data!.categories.edges.map((e) => [e.node.code, e.node.id]));
  const staff: Record<string, string> = {};
  for (const p of people) {
    const r = await h.gql<{ createStaffMember: { staffMember: { id: string }; userErrors: unknown[] } }>(
      admin,
      'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } userErrors { code message } } }',
      {
        i: {
          name: p.name,
          keycloakSubject: p.subject,
          departmentId: p.dept ? dept[p.dept] : undefined,
          orgUnitId: centerId,
          mediatorProfile: p.mediator ? { specialtyIds: [], maxConcurrentCases: p.limit ?? 10 } : undefined,
        },
      },
    );
    staff[p.key] = r.body.data!.createStaffMember.staffMember.id;
  }
  return { centerId, stationId, gridId, dept, category, staff };
}

/** A staff member with roles at a unit (and a Keycloak subject, to act as them); returns the id. */
export async function createStaff(
  h: Harness,
  admin: string,
  name: string,
  roles: string[],
  orgUnitId: string,
  keycloakSubject?: string,
): Promise<string> {
  const r = await h.gql<{ createStaffMember: { staffMember: { id: string } | null; userErrors: unknown[] } }>(
    admin,
    'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } userErrors { field code message } } }',
    { i: { name, roles, orgUnitId, keycloakSubject } },
  );
  const made = r.body.data?.createStaffMember;
  if (!made?.staffMember) throw new Error(`staff ${name}: ${JSON.stringify(made?.userErrors ?? r.body.errors)}`);
  return made.staffMember.id;
}

/** The case operations, each tried across tenants in test/tenancy/case-isolation.test.ts. */
export const CASE_OPERATIONS = [
  'case',
  'caseByNumber',
  'cases',
  'caseSettings',
  'reportCase',
  'acceptCase',
  'rejectCase',
  'dispatchCase',
  'returnCase',
  'assignCase',
  'addCaseNote',
  'resolveCase',
  'markCaseUnresolved',
  'escalateCase',
  'takeBackCase',
  'closeCase',
  'reopenCase',
  'mergeCases',
  'updateCaseSettings',
  'revealParty',
  'routingRules',
  'upsertRoutingRule',
  'deleteRoutingRule',
  'scheduleMediation',
  'recordMediationOutcome',
  'recordJudicialConfirmation',
  'referCase',
  'recordReferralOutcome',
  'scheduleFollowUp',
  'completeFollowUp',
];

/** The notification and webhook operations, each tried across tenants in test/tenancy/notification-isolation.test.ts. */
export const NOTIFICATION_OPERATIONS = [
  'notifications',
  'unreadNotificationCount',
  'markNotificationsRead',
  'notificationSettings',
  'updateNotificationSettings',
  'webhookSubscriptions',
  'createWebhookSubscription',
  'updateWebhookSubscription',
  'deleteWebhookSubscription',
  'webhookDeliveries',
  'redeliverWebhookDelivery',
];

/** Calls NotificationService.notify as another module would: inside a transaction of the tenant. */
export function notifyIn(h: Harness, tenant: TenantRecord, input: NotifyInput): Promise<{ created: number }> {
  return withTenantScope(h.rt.orm, tenant, { subject: 'system:test', requestId: 'test', ip: null }, (scope) =>
    h.rt.services.notifications.notify(scope, input),
  );
}

/** Creates a staff member signed in as `subject`, with roles, at a unit. */
export async function addStaff(
  h: Harness,
  admin: string,
  p: { name: string; subject?: string; roles?: string[]; orgUnitId?: string | null },
): Promise<string> {
  const r = await h.gql<{ createStaffMember: { staffMember: { id: string }; userErrors: unknown[] } }>(
    admin,
    'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } userErrors { code message } } }',
    { i: { name: p.name, keycloakSubject: p.subject, roles: p.roles ?? [], orgUnitId: p.orgUnitId ?? null } },
  );
  if (!r.body.data?.createStaffMember.staffMember) throw new Error(JSON.stringify(r.body));
  return r.body.data.createStaffMember.staffMember.id;
}

/** SLA operations, tried across tenants in test/tenancy/sla-isolation.test.ts. */
export const SLA_OPERATIONS = [
  'slaPolicies',
  'upsertSlaPolicy',
  'deleteSlaPolicy',
  'workingCalendar',
  'updateWorkingCalendar',
  'requestDeadlineExtension',
  'decideDeadlineExtension',
  'superviseCase',
  'replySupervision',
  'queueStatus',
];

/** Oversight operations; test/integration/metrics.test.ts shows a parent reads only children's aggregates. */
export const METRICS_OPERATIONS = ['caseMetrics', 'childTenantMetrics', 'warningBoard'];
