import type { TenantScope } from '../../core/tenancy/scope';
import { localParts } from '../../core/calendar/zoned-time';
import type { OrgUnitEntity } from '../org-unit/org-unit.entity';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import type { CategoryService } from '../category/category.service';
import { MediatorSpecialtyEntity, StaffMemberEntity } from '../staff/staff.entity';
import { ResidencyEntity, RotationShiftEntity, ShiftAssignmentEntity } from './residency.entity';
import { residencyValidAt, type ResidencyService } from './residency.service';
import type { RosterService } from './roster.service';

export interface DutyEntry {
  residency: ResidencyEntity;
  staff: StaffMemberEntity[];
  shift: RotationShiftEntity | null;
}

export interface OnDuty {
  at: Date;
  orgUnit: OrgUnitEntity;
  present: DutyEntry[];
  callable: DutyEntry[];
}

export interface MediatorQuery {
  categoryId?: string | null;
  orgUnitId?: string | null;
  availableAt?: Date | null;
}

/** Open cases per mediator; the case module supplies it (no cases exist yet: everyone has 0). */
export type CaseLoadProvider = (scope: TenantScope, staffIds: string[]) => Promise<Map<string, number>>;

/**
 * A unit with no opening hours configured is treated as always open: staff cannot be
 * declared absent by a missing setting. Periods are local, start inclusive, end exclusive.
 */
export function isOpenAt(unit: OrgUnitEntity, at: Date, tz: string): boolean {
  if (!unit.openingHours.length) return true;
  const { weekday, time } = localParts(at, tz);
  return unit.openingHours.some((p) => p.weekday === weekday && p.opens <= time && time < p.closes);
}

export class DutyService {
  private caseLoad: CaseLoadProvider = async () => new Map();

  constructor(
    private readonly orgUnits: OrgUnitService,
    private readonly residencies: ResidencyService,
    private readonly rosters: RosterService,
    private readonly categories: CategoryService,
  ) {}

  setCaseLoadProvider(p: CaseLoadProvider): void {
    this.caseLoad = p;
  }

  /** Who is at a unit at an instant: resident departments when open, rotating/joint by shift; on-demand ones are callable. */
  async onDuty(scope: TenantScope, orgUnitId: string, at: Date): Promise<OnDuty | null> {
    const unit = await this.orgUnits.find(scope, orgUnitId);
    if (!unit) return null;
    const tz = scope.tenant.timeZone;
    const valid = (await this.residencies.atUnit(scope, unit.id, at, new Date(at.getTime() + 1))).filter((r) =>
      residencyValidAt(r, at),
    );
    const rostered = valid.filter((r) => r.mode === 'ROTATING' || r.mode === 'JOINT');
    const shifts = rostered.length
      ? (
          await this.rosters.shifts(
            scope.em,
            scope.tenant.id,
            rostered.map((r) => r.id),
            at,
            new Date(at.getTime() + 1),
          )
        ).filter((s) => s.startsAt <= at && at < s.endsAt)
      : [];
    const assignments = shifts.length
      ? await this.rosters.assignments(
          scope.em,
          scope.tenant.id,
          shifts.map((s) => s.id),
        )
      : [];
    const deptIds = valid.filter((r) => r.mode === 'RESIDENT' || r.mode === 'ON_DEMAND').map((r) => r.departmentId);
    const staffIds = [...new Set(assignments.map((a) => a.staffId))];
    const people = await scope.em.find(
      StaffMemberEntity,
      {
        tenantId: scope.tenant.id,
        active: true,
        $or: [{ id: { $in: staffIds } }, { departmentId: { $in: deptIds } }],
      },
      { orderBy: { name: 'asc' } },
    );

    const present: DutyEntry[] = [];
    const callable: DutyEntry[] = [];
    for (const r of valid) {
      if (r.mode === 'RESIDENT') {
        if (isOpenAt(unit, at, tz))
          present.push({
            residency: r,
            shift: null,
            staff: people.filter((p) => p.departmentId === r.departmentId && p.orgUnitId === unit.id),
          });
      } else if (r.mode === 'ON_DEMAND') {
        callable.push({ residency: r, shift: null, staff: people.filter((p) => p.departmentId === r.departmentId) });
      } else {
        for (const s of shifts.filter((x) => x.residencyId === r.id)) {
          const ids = new Set(assignments.filter((a) => a.shiftId === s.id).map((a) => a.staffId));
          present.push({ residency: r, shift: s, staff: people.filter((p) => ids.has(p.id)) });
        }
      }
    }
    return { at, orgUnit: unit, present, callable };
  }

  /**
   * Mediators a resident or clerk can choose: active, with a specialty covering the category
   * (the category itself or one above it), on duty at the time if one is given, and with room
   * under their limit of concurrent cases.
   */
  async mediators(scope: TenantScope, q: MediatorQuery): Promise<StaffMemberEntity[]> {
    const where: Record<string, unknown> = { tenantId: scope.tenant.id, isMediator: true, active: true };
    if (q.categoryId) {
      const chain: string[] = [];
      for (
        let c = await this.categories.find(scope, q.categoryId);
        c;
        c = c.parentId ? await this.categories.find(scope, c.parentId) : null
      )
        chain.push(c.id);
      if (!chain.length) return [];
      const specialists = await scope.em.find(MediatorSpecialtyEntity, {
        tenantId: scope.tenant.id,
        categoryId: { $in: chain },
      });
      where['id'] = { $in: [...new Set(specialists.map((s) => s.staffId))] };
    }
    if (q.orgUnitId && !q.availableAt) where['orgUnitId'] = q.orgUnitId;
    let candidates = await scope.em.find(StaffMemberEntity, where, { orderBy: { name: 'asc', id: 'asc' } });
    if (q.availableAt) {
      const onDuty = await this.staffOnDuty(scope, q.availableAt, q.orgUnitId ?? null);
      candidates = candidates.filter((s) => onDuty.has(s.id));
    }
    const load = await this.caseLoad(
      scope,
      candidates.map((c) => c.id),
    );
    return candidates.filter((s) => (load.get(s.id) ?? 0) < s.maxConcurrentCases);
  }

  /** Ids of staff present at `at` (at one unit, or anywhere): on a shift, or resident at an open unit. */
  private async staffOnDuty(scope: TenantScope, at: Date, orgUnitId: string | null): Promise<Set<string>> {
    const tenantId = scope.tenant.id;
    const live = await scope.em.find(ResidencyEntity, {
      tenantId,
      ...(orgUnitId ? { orgUnitId } : {}),
      validFrom: { $lte: at },
      $or: [{ validTo: null }, { validTo: { $gt: at } }],
    });
    const ids = new Set<string>();
    const rostered = live.filter((r) => r.mode === 'ROTATING' || r.mode === 'JOINT').map((r) => r.id);
    if (rostered.length) {
      const shifts = await scope.em.find(RotationShiftEntity, {
        tenantId,
        residencyId: { $in: rostered },
        startsAt: { $lte: at },
        endsAt: { $gt: at },
      });
      const on = shifts.length
        ? await scope.em.find(ShiftAssignmentEntity, { tenantId, shiftId: { $in: shifts.map((s) => s.id) } })
        : [];
      for (const a of on) ids.add(a.staffId);
    }
    const resident = live.filter((r) => r.mode === 'RESIDENT');
    if (resident.length) {
      const units = new Map(
        (await this.orgUnits.findMany(scope.em, tenantId, [...new Set(resident.map((r) => r.orgUnitId))])).map((u) => [
          u.id,
          u,
        ]),
      );
      const open = resident.filter(
        (r) => units.get(r.orgUnitId) && isOpenAt(units.get(r.orgUnitId)!, at, scope.tenant.timeZone),
      );
      if (open.length) {
        const staff = await scope.em.find(StaffMemberEntity, {
          tenantId,
          active: true,
          $or: open.map((r) => ({ departmentId: r.departmentId, orgUnitId: r.orgUnitId })),
        });
        for (const s of staff) ids.add(s.id);
      }
    }
    return ids;
  }
}
