import type { TenantScope } from '../../core/tenancy/scope';
import { userError } from '../../shared/user-error';
import { CalendarConfigError, type WorkingHours } from '../../core/calendar/calendar-config';
import { WorkingCalendar } from '../../core/calendar/working-calendar';
import type { HolidaySource } from '../../core/calendar/holiday-source';
import { fail, ok, type Result } from '../../shared/result';
import { snapshot, type AuditService } from '../audit/audit.service';
import { TenantCalendarEntity } from './sla.entity';

/** distinct tenant calendars kept per schedule; past it the memo starts again */
const BUILT_LIMIT = 1_000;

export interface CalendarFields {
  workingHours?: Record<string, { start: string; end: string }[]> | null;
  closedDates?: string[] | null;
  workingDates?: string[] | null;
}

/** A tenant's working calendar: official holidays and make-up days, its overrides, its hours. */
export class SlaCalendarService {
  /** calendars built, per official schedule (a new schedule object after a platform edit starts afresh) */
  private readonly built = new WeakMap<HolidaySource, Map<string, WorkingCalendar>>();

  constructor(
    private readonly audit: AuditService,
    /** the official schedule: the library and the platform's own years (modules/holidays) */
    private readonly holidays: (em: TenantScope['em']) => Promise<HolidaySource>,
  ) {}

  async settings(scope: TenantScope): Promise<TenantCalendarEntity> {
    return (
      (await scope.em.findOne(TenantCalendarEntity, { tenantId: scope.tenant.id })) ??
      Object.assign(new TenantCalendarEntity(), { tenantId: scope.tenant.id })
    );
  }

  async calendar(scope: TenantScope): Promise<WorkingCalendar> {
    const settings = await this.settings(scope);
    const holidays = await this.holidays(scope.em);
    // A calendar is a pure function of its settings and the official schedule, and building one
    // (validating the zone, normalising the hours) cost more than the clock arithmetic of a
    // whole report: built once per distinct settings, and its day plans are kept with it.
    let built = this.built.get(holidays);
    if (!built) this.built.set(holidays, (built = new Map()));
    const key = JSON.stringify([
      scope.tenant.timeZone,
      settings.workingHours,
      settings.closedDates,
      settings.workingDates,
    ]);
    let cal = built.get(key);
    if (!cal) {
      if (built.size >= BUILT_LIMIT) built.clear();
      built.set(key, (cal = build(scope.tenant.timeZone, settings, holidays)));
    }
    return cal;
  }

  async update(scope: TenantScope, input: CalendarFields): Promise<Result<TenantCalendarEntity, 'INVALID'>> {
    const current = await scope.em.findOne(TenantCalendarEntity, { tenantId: scope.tenant.id });
    const next = Object.assign(new TenantCalendarEntity(), {
      tenantId: scope.tenant.id,
      workingHours: input.workingHours !== undefined ? input.workingHours : (current?.workingHours ?? null),
      closedDates: [...new Set(input.closedDates ?? current?.closedDates ?? [])].sort(),
      workingDates: [...new Set(input.workingDates ?? current?.workingDates ?? [])].sort(),
    });
    try {
      build(scope.tenant.timeZone, next);
    } catch (e) {
      if (e instanceof CalendarConfigError)
        return fail(userError(['input', ...e.field.split('.')], 'INVALID', 'calendar.invalid'));
      throw e;
    }
    const before = current ? snapshot(current) : null;
    const row = current ?? next;
    if (current)
      Object.assign(current, {
        workingHours: next.workingHours,
        closedDates: next.closedDates,
        workingDates: next.workingDates,
      });
    else scope.em.persist(next);
    this.audit.record(scope, {
      action: 'calendar.update',
      targetType: 'TenantCalendar',
      targetId: null,
      before,
      after: snapshot(row),
    });
    await scope.em.flush();
    return ok(row);
  }
}

function build(timeZone: string, s: TenantCalendarEntity, holidays?: HolidaySource): WorkingCalendar {
  return new WorkingCalendar(
    {
      timeZone,
      ...(s.workingHours ? { workingHours: s.workingHours as unknown as WorkingHours } : {}),
      overrides: { closedDates: s.closedDates, workingDates: s.workingDates },
    },
    holidays,
  );
}
