import type { MessageRef } from '../../shared/message-ref';
import type { TenantScope } from '../../core/tenancy/scope';
import { localDateOf } from '../../core/calendar/local-date';
import { localParts } from '../../core/calendar/zoned-time';
import type { WorkingCalendar } from '../../core/calendar/working-calendar';
import { userError, type UserErrorData } from '../../shared/user-error';
import type { CaseErrorCode } from '../case/case.states';
import type { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { residencyValidAt, type ResidencyService } from '../residency/residency.service';
import type { RosterService } from '../residency/roster.service';
import type { ResidencyEntity } from '../residency/residency.entity';

export interface SessionFitQuery {
  startsAt: Date;
  endsAt: Date;
  unit: OrgUnitEntity | null;
  online: boolean;
  mediators: { id: string; name: string; departmentId: string | null }[];
  /** the joining departments, as given (index = position in the input) */
  departmentIds: string[];
}

type Errors = UserErrorData<CaseErrorCode>[];
const ROSTERED = ['ROTATING', 'JOINT'];

/**
 * Whether a session fits the center's time (issue 17): the place is open for all of it, and the
 * people and departments whose presence at the unit is rostered are on a shift there for all of it.
 * - **The place** (a face-to-face session at a unit): within one of the unit's opening periods on
 *   one local day, and that day a working day of the tenant's calendar — unless the unit keeps
 *   weekend hours (a unit that opens on Saturdays or Sundays works on days off). A unit with no
 *   opening hours configured is always open, as for who is on duty (duty.service).
 * - **Rostered people**: a mediator whose department is ROTATING or JOINT at the unit (the court's
 *   judge, the procuratorate's officer) must be assigned to a shift of that residency covering the
 *   session. A joining ROTATING/JOINT department needs one of its shifts there covering it.
 *   Resident departments are there while the unit is open; on-demand ones come when called.
 * Each problem is a userError; a leader may book anyway with a reason (`MediationService.schedule`).
 */
export class SessionFit {
  constructor(
    private readonly residencies: ResidencyService,
    private readonly rosters: RosterService,
    private readonly calendar: (scope: TenantScope) => Promise<WorkingCalendar>,
  ) {}

  async problems(scope: TenantScope, q: SessionFitQuery): Promise<Errors> {
    const errors: Errors = [];
    if (q.unit && !q.online) {
      const closed = await this.placeClosed(scope, q.unit, q.startsAt, q.endsAt);
      if (closed) errors.push({ field: ['input', 'startsAt'], code: 'PLACE_CLOSED', message: closed });
    }
    if (!q.unit) return errors;
    const rostered = (await this.residencies.atUnit(scope, q.unit.id, q.startsAt, q.endsAt)).filter(
      (r) => ROSTERED.includes(r.mode) && residencyValidAt(r, q.startsAt),
    );
    if (!rostered.length) return errors;
    const covering = await this.coveringShifts(scope, rostered, q.startsAt, q.endsAt);
    q.mediators.forEach((m, i) => {
      const mine = rostered.filter((r) => r.departmentId === m.departmentId);
      if (!mine.length) return;
      const onShift = covering.some((s) => mine.some((r) => r.id === s.residencyId) && s.staffIds.has(m.id));
      if (!onShift)
        errors.push(
          userError(['input', 'mediatorIds', String(i)], 'NOT_ON_ROSTER', 'mediation.mediatorNotOnRoster', {
            name: m.name,
            unit: q.unit!.name,
          }),
        );
    });
    q.departmentIds.forEach((d, i) => {
      const theirs = rostered.filter((r) => r.departmentId === d);
      if (theirs.length && !covering.some((s) => theirs.some((r) => r.id === s.residencyId)))
        errors.push(
          userError(['input', 'departmentIds', String(i)], 'NOT_ON_ROSTER', 'mediation.departmentNotOnRoster', {
            unit: q.unit!.name,
          }),
        );
    });
    return errors;
  }

  /** Why the unit is closed for some of [from, to), or null when it is open throughout. */
  private async placeClosed(scope: TenantScope, unit: OrgUnitEntity, from: Date, to: Date): Promise<MessageRef | null> {
    if (!unit.openingHours.length) return null;
    const tz = scope.tenant.timeZone;
    const start = localParts(from, tz);
    // The end is exclusive: a session ending at 17:30 fits a unit closing at 17:30.
    const end = localParts(new Date(to.getTime() - 1), tz);
    const day = localDateOf(from, tz);
    const fits =
      localDateOf(new Date(to.getTime() - 1), tz) === day &&
      unit.openingHours.some((p) => p.weekday === start.weekday && p.opens <= start.time && end.time < p.closes);
    if (!fits)
      return {
        id: 'mediation.placeClosedHours',
        values: { unit: unit.name, day, from: start.time, to: localParts(to, tz).time },
      };
    const keepsDaysOff = unit.openingHours.some((p) => p.weekday >= 6);
    if (!keepsDaysOff && !(await this.calendar(scope)).isWorkingDay(day))
      return { id: 'mediation.placeClosedDay', values: { unit: unit.name, day } };
    return null;
  }

  private async coveringShifts(scope: TenantScope, residencies: ResidencyEntity[], from: Date, to: Date) {
    const shifts = (
      await this.rosters.shifts(
        scope.em,
        scope.tenant.id,
        residencies.map((r) => r.id),
        from,
        to,
      )
    ).filter((s) => s.startsAt <= from && to <= s.endsAt);
    const assignments = shifts.length
      ? await this.rosters.assignments(
          scope.em,
          scope.tenant.id,
          shifts.map((s) => s.id),
        )
      : [];
    return shifts.map((s) => ({
      residencyId: s.residencyId,
      staffIds: new Set(assignments.filter((a) => a.shiftId === s.id).map((a) => a.staffId)),
    }));
  }
}
