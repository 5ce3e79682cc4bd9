import type { Orm } from '../../core/db/orm';
import type { Actor } from '../../core/tenancy/scope';
import { withTenantScope, type Em } from '../../core/tenancy/tenant-tx';
import {
  chineseHolidays,
  tableHolidaySource,
  withPlatformYears,
  type HolidayCoverage,
  type HolidaySource,
} from '../../core/calendar/holiday-source';
import { daysFrom, isLocalDate, localDateOf } from '../../core/calendar/local-date';
import { userError, type UserErrorData } from '../../shared/user-error';
import { fail, ok, type Result } from '../../shared/result';
import type { TenantService } from '../tenant/tenant.service';
import type { NotificationService } from '../notification/notification.service';

export enum HolidayErrorCode {
  INVALID = 'INVALID',
}

export interface HolidayDate {
  date: string;
  name: string;
}

export interface PlatformHolidayYear {
  year: number;
  holidays: HolidayDate[];
  makeupWorkdays: HolidayDate[];
  enteredBy: string;
  enteredAt: Date;
}

export interface HolidayCoverageState extends HolidayCoverage {
  /** the last day whose status is known */
  knownUntil: string;
  daysLeft: number;
  /** within WARN_DAYS of the end: the next year's schedule should be entered */
  nextYearDue: boolean;
}

/** How long before the known calendar ends admins are told (issue 17: 60 days). */
export const WARN_DAYS = 60;
/** Other API replicas see a newly entered year within this long. */
const CACHE_MS = 60_000;
const ZONE = 'Asia/Shanghai';

interface Row {
  year: number;
  holidays: Record<string, string>;
  makeup_workdays: Record<string, string>;
  entered_by: string;
  entered_at: Date;
}

/**
 * The official holiday schedule every tenant's working calendar starts from: the `chinese-days`
 * library, and over it the years a platform admin entered (a year the State Council published
 * after the library's release). Tenants' closed and working dates apply on top (sla-calendar).
 */
export class HolidayService {
  private cached: { at: number; source: HolidaySource } | null = null;
  private notifications: NotificationService | null = null;

  constructor(
    private readonly orm: Orm,
    private readonly tenants: TenantService,
  ) {}

  setNotifier(n: NotificationService): void {
    this.notifications = n;
  }

  async years(): Promise<PlatformHolidayYear[]> {
    return (await this.rows()).map(toYear);
  }

  /**
   * The schedule to build calendars from; cached per process for a minute. Read on the caller's
   * connection when it has one (a request's transaction): a second pool connection per request
   * would starve the pool under concurrent intake.
   */
  async source(em?: Em): Promise<HolidaySource> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.source;
    const rows = await this.rows(em);
    const platform = tableHolidaySource({
      source: 'platform',
      holidays: Object.assign({}, ...rows.map((r) => r.holidays)) as Record<string, string>,
      makeupWorkdays: Object.assign({}, ...rows.map((r) => r.makeup_workdays)) as Record<string, string>,
      years: rows.map((r) => r.year),
    });
    const source = withPlatformYears(chineseHolidays(), platform);
    this.cached = { at: Date.now(), source };
    return source;
  }

  async coverage(now = new Date()): Promise<HolidayCoverageState> {
    const c = (await this.source()).coverage();
    const knownUntil = `${c.lastYear}-12-31`;
    const daysLeft = daysFrom(localDateOf(now, ZONE), knownUntil);
    return { ...c, knownUntil, daysLeft, nextYearDue: daysLeft <= WARN_DAYS };
  }

  async set(
    actor: { subject: string; requestId: string | null },
    input: { year: number; holidays: HolidayDate[]; makeupWorkdays?: HolidayDate[] | null },
  ): Promise<Result<PlatformHolidayYear, HolidayErrorCode>> {
    const errors = validate(input);
    if (errors.length) return fail(...errors);
    const table = (list: HolidayDate[]) => Object.fromEntries(list.map((d) => [d.date, d.name.trim()]));
    const [row] = await this.orm.em
      .fork()
      .getConnection()
      .execute<Row[]>('select * from platform_set_holiday_year(?, ?, ?, ?::jsonb, ?::jsonb)', [
        actor.subject,
        actor.requestId,
        input.year,
        JSON.stringify(table(input.holidays)),
        JSON.stringify(table(input.makeupWorkdays ?? [])),
      ]);
    this.cached = null;
    return ok(toYear(row!));
  }

  /**
   * Daily: once the known calendar ends within WARN_DAYS, every tenant's admins get a notice
   * (once per missing year), and the platform's admins see `holidayCoverage.nextYearDue` and a
   * warning in the workers' log, where alerts are raised from.
   */
  async checkCoverage(log: { warn(o: object, msg: string): void }, now = new Date()): Promise<number> {
    const c = await this.coverage(now);
    if (!c.nextYearDue || !this.notifications) return 0;
    const missing = c.lastYear + 1;
    log.warn({ knownUntil: c.knownUntil, daysLeft: c.daysLeft, missingYear: missing }, 'holiday schedule ends soon');
    const actor: Actor = { subject: 'system:holidays', requestId: `holidays-${missing}`, ip: null };
    let told = 0;
    for (let after: string | null = null; ;) {
      const page = await this.tenants.list(after, 100);
      for (const t of page.filter((x) => x.status === 'ACTIVE')) {
        const r = await withTenantScope(this.orm, t, actor, (scope) =>
          this.notifications!.notify(scope, {
            caseId: null,
            type: 'HOLIDAYS_UNKNOWN_SOON',
            level: 'YELLOW',
            title: `${missing}年法定节假日安排尚未录入，${c.knownUntil}后的工作日按普通周计算`,
            data: { knownUntil: c.knownUntil, missingYear: missing },
            recipients: { roles: ['tenant-admin'] },
            dedupeKey: `holidays-unknown-${missing}`,
          }),
        );
        told += r.created;
      }
      if (page.length < 100) return told;
      after = page[page.length - 1]!.code;
    }
  }

  private async rows(em?: Em): Promise<Row[]> {
    const sql = 'select * from platform_holiday_years order by year';
    return em ? em.execute<Row[]>(sql) : this.orm.em.fork().getConnection().execute<Row[]>(sql);
  }
}

function toYear(r: Row): PlatformHolidayYear {
  const list = (t: Record<string, string>) =>
    Object.entries(t)
      .map(([date, name]) => ({ date, name }))
      .sort((a, b) => a.date.localeCompare(b.date));
  return {
    year: r.year,
    holidays: list(r.holidays),
    makeupWorkdays: list(r.makeup_workdays),
    enteredBy: r.entered_by,
    enteredAt: new Date(r.entered_at),
  };
}

function validate(input: {
  year: number;
  holidays: HolidayDate[];
  makeupWorkdays?: HolidayDate[] | null;
}): UserErrorData<HolidayErrorCode>[] {
  const errors: UserErrorData<HolidayErrorCode>[] = [];
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2200)
    return [userError(['input', 'year'], HolidayErrorCode.INVALID, 'holidays.year')];
  if (!input.holidays.length)
    errors.push(userError(['input', 'holidays'], HolidayErrorCode.INVALID, 'holidays.listRequired'));
  const seen = new Set<string>();
  for (const key of ['holidays', 'makeupWorkdays'] as const) {
    (input[key] ?? []).forEach((d, i) => {
      const at = ['input', key, String(i)];
      if (!isLocalDate(d.date) || !d.date.startsWith(`${input.year}-`))
        errors.push(
          userError([...at, 'date'], HolidayErrorCode.INVALID, 'holidays.dateInYear', {
            year: String(input.year),
          }),
        );
      else if (seen.has(d.date))
        errors.push(userError([...at, 'date'], HolidayErrorCode.INVALID, 'holidays.listedTwice', { date: d.date }));
      seen.add(d.date);
      const name = d.name.trim();
      if (!name || name.length > 50) errors.push(userError([...at, 'name'], HolidayErrorCode.INVALID, 'holidays.name'));
    });
  }
  return errors;
}
