import type { Redis } from 'ioredis';
import type { Orm } from '../../core/db/orm';
import type { Logger } from '../../core/observability/logger';
import type { AuditService } from '../audit/audit.service';
import type { IntakeService } from '../case/intake.service';
import type { CategoryService } from '../category/category.service';
import type { DepartmentService } from '../department/department.service';
import type { FollowUpService } from '../follow-up/follow-up.service';
import type { MediationService } from '../mediation/mediation.service';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import type { DutyService } from '../residency/duty.service';
import type { RosterService } from '../residency/roster.service';
import type { StaffService } from '../staff/staff.service';
import type { NotificationService } from '../notification/notification.service';
import { ResidentAuthService } from './resident-auth.service';
import { ResidentBookingService } from './resident-booking.service';
import { ResidentCodes, type CodeSettings } from './resident-codes';
import { ResidentLimits, type ResidentLimitSettings } from './resident-limits';
import { ResidentTokens } from './resident-token';
import { ResidentView } from './resident-view';
import { ResidentService } from './resident.service';
import type { SmsSender } from './sms/sms-sender';

export interface ResidentOptions {
  redis: Redis;
  prefix: string;
  sms: SmsSender;
  /** null: a random key of this process (development, tests) */
  tokenSecret: string | null;
  tokenTtlSeconds: number;
  codes: CodeSettings;
  limits: ResidentLimitSettings;
  /** base URL of the resident page; the QR code of a unit opens <pageUrl>/<tenant code>/<unit id> */
  pageUrl: string;
  log: Logger;
}

/** The resident module's services, built once per process when residents are configured. */
export interface ResidentServices {
  tokens: ResidentTokens;
  auth: ResidentAuthService;
  cases: ResidentService;
  view: ResidentView;
  booking: ResidentBookingService;
  sms: SmsSender;
  pageUrl: string;
}

export interface ResidentDeps {
  orm: Orm;
  audit: AuditService;
  intake: IntakeService;
  orgUnits: OrgUnitService;
  categories: CategoryService;
  departments: DepartmentService;
  staff: StaffService;
  mediation: MediationService;
  followUps: FollowUpService;
  duty: DutyService;
  rosters: RosterService;
  notifications: NotificationService;
}

export function createResidentServices(d: ResidentDeps, o: ResidentOptions): ResidentServices {
  const tokens = new ResidentTokens(o.tokenSecret, o.tokenTtlSeconds);
  // Codes are hashed with a key of their own, so a Redis dump alone cannot be brute-forced offline.
  const codes = new ResidentCodes(
    o.redis,
    o.prefix,
    `${o.tokenSecret ?? tokens.pseudonym('codes', 'key')}:codes`,
    o.codes,
  );
  const limits = new ResidentLimits(o.redis, o.prefix, o.limits);
  const cases = new ResidentService(d.audit, d.intake, d.orgUnits, d.categories, limits);
  return {
    tokens,
    auth: new ResidentAuthService(d.orm, d.audit, tokens, codes, limits, o.sms, o.log),
    cases,
    view: new ResidentView(d.orgUnits, d.departments, d.staff, d.mediation, d.followUps),
    booking: new ResidentBookingService(
      d.audit,
      cases,
      d.duty,
      d.rosters,
      d.mediation,
      d.staff,
      d.orgUnits,
      d.categories,
      o.sms,
      d.notifications,
    ),
    sms: o.sms,
    pageUrl: o.pageUrl.replace(/\/+$/, ''),
  };
}
