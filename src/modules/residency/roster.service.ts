import { HHMM_RE } from '../../shared/patterns';
import { LockMode } from '@mikro-orm/core';
import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { userError, type UserErrorData } from '../../shared/user-error';
import { fail, ok, type Result } from '../../shared/result';
import { datesBetween, isoWeekday, localParts, zonedToUtc } from '../../core/calendar/zoned-time';
import { addDays } from '../../core/calendar/local-date';
import type { AuditService } from '../audit/audit.service';
import { StaffMemberEntity } from '../staff/staff.entity';
import { RotationShiftEntity, ShiftAssignmentEntity, type ResidencyEntity } from './residency.entity';
import { residencyValidAt, type ResidencyService } from './residency.service';
import { ResidencyErrorCode as E } from './residency.errors';
import { enumArg, listArg, timeArg } from '../../shared/message-ref';

export interface ShiftInput {
  startsAt: Date;
  endsAt: Date;
  staffIds: string[];
}

/** "Tuesdays 09:00–17:00": local times in the tenant's zone; an end before the start runs overnight. */
export interface WeeklyShiftInput {
  weekday: number;
  start: string;
  end: string;
  staffIds: string[];
}

export interface SetShiftsInput {
  residencyId: string;
  from: Date;
  to: Date;
  shifts?: ShiftInput[] | null;
  weekly?: WeeklyShiftInput[] | null;
}

interface Candidate extends ShiftInput {
  path: string[];
}

const MAX_HORIZON_MS = 366 * 86_400_000;
const MAX_SHIFT_MS = 24 * 3_600_000;
/** Half-open ranges: a shift ending at 17:00 and one starting at 17:00 do not overlap. */
const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt;

export class RosterService {
  constructor(
    private readonly audit: AuditService,
    private readonly residencies: ResidencyService,
  ) {}

  /** Shifts of these residencies that overlap [from, to). */
  shifts(
    em: Em,
    tenantId: string,
    residencyIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<RotationShiftEntity[]> {
    return em.find(
      RotationShiftEntity,
      { tenantId, residencyId: { $in: [...residencyIds] }, startsAt: { $lt: to }, endsAt: { $gt: from } },
      { orderBy: { startsAt: 'asc' } },
    );
  }

  /** These people's shift assignments overlapping [from, to): when a roster has them on duty. */
  shiftsOfStaff(
    em: Em,
    tenantId: string,
    staffIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<ShiftAssignmentEntity[]> {
    return em.find(ShiftAssignmentEntity, {
      tenantId,
      staffId: { $in: [...staffIds] },
      startsAt: { $lt: to },
      endsAt: { $gt: from },
    });
  }

  assignments(em: Em, tenantId: string, shiftIds: readonly string[]): Promise<ShiftAssignmentEntity[]> {
    return em.find(ShiftAssignmentEntity, { tenantId, shiftId: { $in: [...shiftIds] } });
  }

  /**
   * Replaces the residency's roster within [from, to) by the given shifts plus the weekly
   * pattern expanded over that horizon. Refused as a whole when anyone would be in two places.
   */
  async setShifts(
    scope: TenantScope,
    input: SetShiftsInput,
  ): Promise<Result<{ residency: ResidencyEntity; shifts: RotationShiftEntity[] }, E>> {
    const residency = await this.residencies.find(scope, input.residencyId);
    if (!residency) return fail(userError(['input', 'residencyId'], E.NOT_FOUND, 'notFound.residency'));
    if (residency.mode !== 'ROTATING' && residency.mode !== 'JOINT') {
      return fail(
        userError(['input', 'residencyId'], E.NOT_ROSTERED, 'roster.notRostered', {
          mode: enumArg('ResidencyMode', residency.mode),
        }),
      );
    }
    if (!(input.from < input.to) || input.to.getTime() - input.from.getTime() > MAX_HORIZON_MS) {
      return fail(userError(['input', 'to'], E.INVALID, 'roster.horizon'));
    }
    const expanded = this.expand(scope.tenant.timeZone, input);
    if (!expanded.ok) return expanded;
    const candidates = expanded.value;
    const errors: UserErrorData<E>[] = [];
    for (const c of candidates) {
      if (!(c.startsAt < c.endsAt) || c.endsAt.getTime() - c.startsAt.getTime() > MAX_SHIFT_MS) {
        errors.push(userError(c.path, E.INVALID, 'roster.shiftSpan'));
      } else if (c.startsAt < input.from || c.endsAt > input.to) {
        errors.push(userError(c.path, E.INVALID, 'roster.shiftInHorizon'));
      } else if (!residencyValidAt(residency, c.startsAt) || (residency.validTo && c.endsAt > residency.validTo)) {
        errors.push(userError(c.path, E.OUTSIDE_RESIDENCY, 'roster.shiftInResidency'));
      }
    }
    if (errors.length) return fail(...errors);

    const staffIds = [...new Set(candidates.flatMap((c) => c.staffIds))];
    // Locking the people serialises concurrent rosters that involve the same person.
    const staff = staffIds.length
      ? await scope.em.find(
          StaffMemberEntity,
          { tenantId: scope.tenant.id, id: { $in: staffIds }, active: true },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        )
      : [];
    const known = new Map(staff.map((s) => [s.id, s]));
    for (const c of candidates) {
      const missing = c.staffIds.filter((id) => !known.has(id));
      if (missing.length)
        errors.push(
          userError([...c.path, 'staffIds'], E.STAFF_NOT_FOUND, 'input.staffMissing', { ids: listArg(missing) }),
        );
    }
    if (errors.length) return fail(...errors);

    const clash = await this.findClash(scope, residency, input, candidates, known);
    if (clash) return fail(clash);

    const replaced = await scope.em.find(RotationShiftEntity, {
      tenantId: scope.tenant.id,
      residencyId: residency.id,
      startsAt: { $gte: input.from, $lt: input.to },
    });
    if (replaced.length)
      await scope.em.nativeDelete(RotationShiftEntity, {
        tenantId: scope.tenant.id,
        id: { $in: replaced.map((s) => s.id) },
      });
    const created = candidates
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map((c) => {
        const shift = Object.assign(new RotationShiftEntity(), {
          tenantId: scope.tenant.id,
          residencyId: residency.id,
          startsAt: c.startsAt,
          endsAt: c.endsAt,
        });
        scope.em.persist(shift);
        return { shift, staffIds: [...new Set(c.staffIds)] };
      });
    await scope.em.flush();
    for (const { shift, staffIds: ids } of created) {
      for (const staffId of ids) {
        scope.em.persist(
          Object.assign(new ShiftAssignmentEntity(), {
            tenantId: scope.tenant.id,
            shiftId: shift.id,
            staffId,
            startsAt: shift.startsAt,
            endsAt: shift.endsAt,
          }),
        );
      }
    }
    this.audit.record(scope, {
      action: 'roster.set',
      targetType: 'Residency',
      targetId: residency.id,
      before: { from: input.from, to: input.to, shifts: replaced.length },
      after: {
        from: input.from,
        to: input.to,
        shifts: created.map(({ shift, staffIds: ids }) => ({
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
          staffIds: ids,
        })),
      },
    });
    await scope.em.flush();
    return ok({ residency, shifts: created.map((c) => c.shift) });
  }

  private expand(tz: string, input: SetShiftsInput): Result<Candidate[], E> {
    const out: Candidate[] = (input.shifts ?? []).map((s, i) => ({ ...s, path: ['input', 'shifts', String(i)] }));
    const errors: UserErrorData<E>[] = [];
    (input.weekly ?? []).forEach((w, i) => {
      const path = ['input', 'weekly', String(i)];
      if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7)
        errors.push(userError([...path, 'weekday'], E.INVALID, 'input.weekday'));
      if (!HHMM_RE.test(w.start) || !HHMM_RE.test(w.end) || w.start === w.end)
        errors.push(userError(path, E.INVALID, 'roster.startEnd'));
    });
    if (errors.length) return fail(...errors);
    // Local dates covering the horizon in the tenant's zone, one day either side for overnight shifts.
    const first = localParts(new Date(input.from.getTime() - 86_400_000), tz).date;
    const last = localParts(new Date(input.to.getTime() + 86_400_000), tz).date;
    for (const date of datesBetween(first, last)) {
      (input.weekly ?? []).forEach((w, i) => {
        if (isoWeekday(date) !== w.weekday) return;
        const startsAt = zonedToUtc(date, w.start, tz);
        const endsAt = zonedToUtc(w.end <= w.start ? addDays(date, 1) : date, w.end, tz);
        if (startsAt >= input.from && endsAt <= input.to)
          out.push({ startsAt, endsAt, staffIds: w.staffIds, path: ['input', 'weekly', String(i)] });
      });
    }
    return ok(out);
  }

  /** The first clash of one person between two new shifts, or with a shift elsewhere. */
  private async findClash(
    scope: TenantScope,
    residency: ResidencyEntity,
    input: SetShiftsInput,
    candidates: Candidate[],
    staff: Map<string, StaffMemberEntity>,
  ): Promise<UserErrorData<E> | null> {
    // Shown in the tenant's time zone and the reader's locale when the message is rendered.
    const span = (k: 'a' | 'b', s: { startsAt: Date; endsAt: Date }) => ({
      [`${k}From`]: timeArg(s.startsAt),
      [`${k}To`]: timeArg(s.endsAt),
    });
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const a = candidates[i]!;
        const b = candidates[j]!;
        const both = a.staffIds.find((id) => b.staffIds.includes(id));
        if (both && overlaps(a, b)) {
          return userError([...b.path, 'staffIds'], E.SHIFT_OVERLAP, 'roster.doubleShift', {
            name: staff.get(both)!.name,
            ...span('a', a),
            ...span('b', b),
          });
        }
      }
    }
    const ids = [...staff.keys()];
    if (!ids.length || !candidates.length) return null;
    const min = new Date(Math.min(...candidates.map((c) => c.startsAt.getTime())));
    const max = new Date(Math.max(...candidates.map((c) => c.endsAt.getTime())));
    const existing = await scope.em.find(ShiftAssignmentEntity, {
      tenantId: scope.tenant.id,
      staffId: { $in: ids },
      startsAt: { $lt: max },
      endsAt: { $gt: min },
    });
    if (!existing.length) return null;
    const shifts = new Map(
      (
        await scope.em.find(RotationShiftEntity, {
          tenantId: scope.tenant.id,
          id: { $in: [...new Set(existing.map((e) => e.shiftId))] },
        })
      ).map((s) => [s.id, s]),
    );
    // This residency's shifts inside the horizon are being replaced, so they cannot clash.
    const kept = existing.filter((e) => {
      const s = shifts.get(e.shiftId)!;
      return !(s.residencyId === residency.id && s.startsAt >= input.from && s.startsAt < input.to);
    });
    for (const c of candidates) {
      for (const e of kept) {
        if (c.staffIds.includes(e.staffId) && overlaps(c, e)) {
          return userError([...c.path, 'staffIds'], E.SHIFT_OVERLAP, 'roster.alreadyOnShift', {
            name: staff.get(e.staffId)!.name,
            ...span('a', e),
            ...span('b', c),
          });
        }
      }
    }
    return null;
  }
}
