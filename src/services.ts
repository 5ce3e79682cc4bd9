import type { Orm } from './core/db/orm';
import type { QueueClient } from './core/queue/queue-client';
import { AuditService } from './modules/audit/audit.service';
import { CategoryService } from './modules/category/category.service';
import { StaffService } from './modules/staff/staff.service';
import { LocalePreferences } from './modules/staff/locale-preference.service';
import { ResidencyService } from './modules/residency/residency.service';
import { RosterService } from './modules/residency/roster.service';
import { DutyService } from './modules/residency/duty.service';
import { DepartmentService } from './modules/department/department.service';
import { OrgUnitService } from './modules/org-unit/org-unit.service';
import { TenantDirectory } from './modules/tenant/tenant.directory';
import { TenantProvisioning } from './modules/tenant/tenant.provisioning';
import { TenantRepository } from './modules/tenant/tenant.repository';
import { TenantService } from './modules/tenant/tenant.service';
import { TimelineService } from './modules/case/timeline.service';
import { CaseWorkflow } from './modules/case/case.workflow';
import { CaseService } from './modules/case/case.service';
import { CaseSettingsService } from './modules/case/case-settings.service';
import { DuplicateFinder } from './modules/case/duplicates';
import { IntakeService } from './modules/case/intake.service';
import { CaseHandlingService } from './modules/case/case-handling.service';
import { MergeService } from './modules/case/merge.service';
import { EscalationService } from './modules/case/escalation.service';
import { RoutingService } from './modules/routing/routing.service';
import { MediationService } from './modules/mediation/mediation.service';
import { SessionFit } from './modules/mediation/session-fit';
import { SessionChangeService } from './modules/mediation/session-change.service';
import { HolidayService } from './modules/holidays/holidays.service';
import { notifyCaseEvents } from './modules/notification/case-event-notices';
import { ConsultationService } from './modules/consultation/consultation.service';
import { InstalmentService } from './modules/instalment/instalment.service';
import { ReminderService } from './modules/instalment/reminder.service';
import { ReminderScheduler } from './modules/instalment/reminder-scheduler';
import { ReferralService } from './modules/referral/referral.service';
import { FollowUpService } from './modules/follow-up/follow-up.service';
import { PersonalDataService } from './modules/case/personal-data.service';
import { SlaPolicyService } from './modules/sla/sla-policy.service';
import { SlaCalendarService } from './modules/sla/sla-calendar.service';
import { DeadlineService } from './modules/sla/deadline.service';
import { CheckpointScheduler } from './modules/sla/checkpoint-scheduler';
import { CheckpointService } from './modules/sla/checkpoint.service';
import { ExtensionService } from './modules/sla/extension.service';
import { SupervisionService } from './modules/sla/supervision.service';
import { MetricsService } from './modules/metrics/metrics.service';
import { metricsExport } from './modules/metrics/metrics.export';
import { MetricDays } from './modules/metrics/metric-days';
import { localDateOf } from './core/calendar/local-date';
import { CaseEntity } from './modules/case/case.entity';
import { NotificationService } from './modules/notification/notification.service';
import { NotificationSettingsService } from './modules/notification/notification-settings.service';
import { WebhookService } from './modules/notification/webhook.service';
import { WebhookDeliveryService, type WebhookDeliveryOptions } from './modules/notification/webhook-delivery.service';
import { ExportService, type ExportOptions } from './modules/export/export.service';
import { casesExport } from './modules/export/cases.export';
import { BoardService, type RealtimeOptions } from './modules/board/board.service';
import {
  createResidentServices,
  type ResidentOptions,
  type ResidentServices,
} from './modules/resident/resident.module';

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
  /** people's saved languages (issue 14) */
  localePreferences: LocalePreferences;
  residencies: ResidencyService;
  rosters: RosterService;
  duty: DutyService;
  timeline: TimelineService;
  caseSettings: CaseSettingsService;
  cases: CaseService;
  intake: IntakeService;
  handling: CaseHandlingService;
  merges: MergeService;
  escalations: EscalationService;
  routing: RoutingService;
  mediation: MediationService;
  /** moving and cancelling booked sessions */
  sessionChanges: SessionChangeService;
  referrals: ReferralService;
  /** agreements' instalments, payments and the reminders around their due dates */
  instalments: InstalmentService;
  instalmentReminders: ReminderService;
  /** help at the window that is not a dispute (法律咨询, 心理疏导) */
  consultations: ConsultationService;
  followUps: FollowUpService;
  personalData: PersonalDataService;
  sla: {
    policies: SlaPolicyService;
    calendars: SlaCalendarService;
    deadlines: DeadlineService;
    scheduler: CheckpointScheduler;
    checkpoints: CheckpointService;
    extensions: ExtensionService;
    supervision: SupervisionService;
  };
  metrics: MetricsService;
  notifications: NotificationService;
  notificationSettings: NotificationSettingsService;
  webhooks: WebhookService;
  webhookDelivery: WebhookDeliveryService;
  /** CSV/XLSX downloads at /exports; other modules add theirs with `exports.register(name, provider)` */
  exports: ExportService;
  /** live board events: published after each case step commits, subscribed to over WebSocket */
  board: BoardService;
  /** residents reaching the center from their phones; null where not configured (workers, production without SMS) */
  resident: ResidentServices | null;
  /** the official holiday schedule: the library and the years platform admins entered */
  holidays: HolidayService;
}

export interface ServiceOptions {
  /** how far ahead deadline checkpoints are fed into Redis */
  slaHorizonSeconds?: number;
  /** production refuses webhook receivers that are not https or sit on private addresses */
  isProduction?: boolean;
  /** retry timing of webhook deliveries (tests shorten it) */
  webhooks?: Partial<WebhookDeliveryOptions>;
  exports?: ExportOptions;
  /** Redis for live board events across processes; without it nothing is published */
  realtime?: RealtimeOptions;
  /** Redis, SMS and limits for residents' sign-in; without them the resident operations are off */
  resident?: ResidentOptions;
}

export function createServices(orm: Orm, queues: QueueClient | null, opts: ServiceOptions = {}): Services {
  const audit = new AuditService();
  const tenantRepo = new TenantRepository(orm);
  const tenantDirectory = new TenantDirectory(tenantRepo);
  const tenants = new TenantService(tenantRepo, tenantDirectory, queues);
  const departments = new DepartmentService(audit);
  const orgUnits = new OrgUnitService(audit);
  const categories = new CategoryService(audit);
  const provisioning = new TenantProvisioning(orm, tenantRepo, tenants, departments, categories);
  const staff = new StaffService(audit, departments, orgUnits, categories);
  const localePreferences = new LocalePreferences(audit);
  const residencies = new ResidencyService(audit, departments, orgUnits);
  const rosters = new RosterService(audit, residencies);
  const duty = new DutyService(orgUnits, residencies, rosters, categories);

  const timeline = new TimelineService();
  const workflow = new CaseWorkflow(timeline);
  const caseSettings = new CaseSettingsService(audit);
  const personalData = new PersonalDataService(audit, caseSettings);
  const cases = new CaseService(personalData);
  const intake = new IntakeService(categories, orgUnits, caseSettings, workflow, new DuplicateFinder(timeline));
  const routing = new RoutingService(audit, categories, orgUnits, departments);
  const followUps = new FollowUpService(workflow, cases, intake, caseSettings, staff);
  const handling = new CaseHandlingService(
    workflow,
    categories,
    orgUnits,
    departments,
    staff,
    routing,
    followUps,
    audit,
    (scope, ids) => cases.openCaseLoad(scope, ids),
  );
  const merges = new MergeService(workflow, cases, intake);
  const escalations = new EscalationService(orm, workflow, cases, intake, orgUnits, tenantDirectory, handling);
  const referrals = new ReferralService(workflow);
  const consultations = new ConsultationService(audit, departments, orgUnits, staff, intake);
  const slaPolicies = new SlaPolicyService(audit, categories, staff);
  const holidays = new HolidayService(orm, tenants);
  const calendars = new SlaCalendarService(audit, (em) => holidays.source(em));
  const sessionFit = new SessionFit(residencies, rosters, (scope) => calendars.calendar(scope));
  const mediation = new MediationService(workflow, caseSettings, staff, orgUnits, departments, audit, sessionFit);
  const sessionChanges = new SessionChangeService(workflow, mediation, orgUnits, audit);
  const scheduler = new CheckpointScheduler(orm, queues, (opts.slaHorizonSeconds ?? 48 * 3600) * 1000);
  const instalments = new InstalmentService(
    workflow,
    new ReminderScheduler(orm, queues, (opts.slaHorizonSeconds ?? 48 * 3600) * 1000),
  );
  const instalmentReminders = new ReminderService(orm, tenantDirectory, workflow);
  workflow.onEvents((scope, c, events) => instalments.onCaseEvents(scope, c, events));
  const deadlines = new DeadlineService(slaPolicies, calendars, scheduler);
  const supervision = new SupervisionService(workflow);
  const sla = {
    policies: slaPolicies,
    calendars,
    deadlines,
    scheduler,
    supervision,
    checkpoints: new CheckpointService(
      orm,
      tenantDirectory,
      workflow,
      deadlines,
      slaPolicies,
      handling,
      escalations,
      supervision,
    ),
    extensions: new ExtensionService(workflow, deadlines),
  };
  workflow.onEvents((scope, c, events) => deadlines.react(scope, c, events));
  const metricDays = new MetricDays(orm, tenantDirectory);
  const metrics = new MetricsService(orm, metricDays);
  // A changed case changes its report day's figures; a recurrence changes its original's too.
  workflow.onEvents(async (scope, c, events) => {
    const tz = scope.tenant.timeZone;
    const days = [localDateOf(c.reportedAt, tz)];
    if (c.recurrenceOfId && events.some((e) => e.type === 'REPORTED')) {
      const original = await scope.em.findOne(CaseEntity, { tenantId: scope.tenant.id, id: c.recurrenceOfId });
      if (original) days.push(localDateOf(original.reportedAt, tz));
    }
    await metricDays.markDirty(scope, days);
  });
  provisioning.addSeeder((em, tenantId) => slaPolicies.seedDefaults(em, tenantId));
  // Hooks the center-structure modules expose so they need not know about cases.
  duty.setCaseLoadProvider((scope, ids) => cases.openCaseLoad(scope, ids));
  orgUnits.addArchiveGuard(async (scope, unit) => {
    const open = await cases.openAtUnit(scope, unit.id);
    return open ? { id: 'orgUnit.openCases', values: { count: open } } : null;
  });
  const notificationSettings = new NotificationSettingsService(audit);
  const webhookDelivery = new WebhookDeliveryService(orm, queues, opts.webhooks);
  const webhooks = new WebhookService(audit, webhookDelivery, opts.isProduction ?? false);
  const notifications = new NotificationService(audit, notificationSettings, webhooks, localePreferences);
  sla.checkpoints.setNotifier(notifications);
  escalations.setNotifier(notifications);
  holidays.setNotifier(notifications);
  mediation.setLimitHandlers(escalations, notifications);
  // A child tenant's case follows the decision its parent's case reaches.
  workflow.onEvents((scope, c, events) => escalations.onParentStep(scope, c, events));
  supervision.setNotifier(notifications);
  instalmentReminders.setNotifier(notifications);
  const exportService = new ExportService(orm, audit, opts.exports);
  exportService.register('cases', casesExport(personalData));
  exportService.register('metrics', metricsExport(metrics));
  // Assignments, dispatches, bookings, returns, arrivals from a child, visits and extension decisions tell their people.
  workflow.onEvents((scope, c, events) =>
    notifyCaseEvents(scope, (sc, input) => notifications.notify(sc, input), c, events),
  );
  // Last listener: the case's warning level is what the SLA listener left it at.
  const board = new BoardService(opts.realtime ?? null);
  workflow.onEvents((scope, c, events) => board.record(scope, c, events));
  return {
    orm,
    queues,
    audit,
    tenantDirectory,
    tenants,
    provisioning,
    departments,
    orgUnits,
    categories,
    staff,
    localePreferences,
    residencies,
    rosters,
    duty,
    timeline,
    caseSettings,
    cases,
    intake,
    handling,
    merges,
    escalations,
    routing,
    mediation,
    sessionChanges,
    referrals,
    instalments,
    instalmentReminders,
    consultations,
    followUps,
    personalData,
    sla,
    metrics,
    notifications,
    notificationSettings,
    webhooks,
    webhookDelivery,
    exports: exportService,
    board,
    resident: opts.resident
      ? createResidentServices(
          {
            orm,
            audit,
            intake,
            orgUnits,
            categories,
            departments,
            staff,
            mediation,
            followUps,
            duty,
            rosters,
            notifications,
          },
          opts.resident,
        )
      : null,
    holidays,
  };
}
