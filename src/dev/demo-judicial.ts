import type { TenantScope } from '../core/tenancy/scope';
import type { Services } from '../services';
import type { Result } from '../shared/result';
import { OrgUnitEntity } from '../modules/org-unit/org-unit.entity';

const DAY = 86_400_000;

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok)
    throw new Error(`demo ${what}: ${r.errors.map((e) => `${e.code} ${JSON.stringify(e.message)}`).join('; ')}`);
  return r.value;
}

/**
 * Zhili's judicial desks (issue 17, "Demo data"): 司法所 sits at the center every day (RESIDENT),
 * the county court's 法庭 comes by roster on Tuesday and Thursday mornings (ROTATING), each with a
 * named person; and an auditor, so every role has someone to sign in as.
 */
export async function stationZhiliJudicial(s: Services, scope: TenantScope): Promise<void> {
  const t = scope.tenant.id;
  const center = (await scope.em.findOneOrFail(OrgUnitEntity, { tenantId: t, name: '织里镇社会治理中心' })).id;
  const departments = (await s.departments.list(scope, { includeArchived: false }, { first: 100, after: null })).nodes;
  const dept = (code: string) => departments.find((d) => d.code === code)!.id;
  const person = async (name: string, roles: string[], departmentId: string | null, mediator: boolean) =>
    must(
      await s.staff.create(scope, {
        name,
        roles,
        orgUnitId: center,
        departmentId,
        mediatorProfile: mediator ? { specialtyIds: [], maxConcurrentCases: 20 } : null,
      }),
      `staff ${name}`,
    ).id;
  await person('沈国华（织里司法所所长）', ['mediator'], dept('justice'), true);
  const judge = await person('陆明（织里法庭法官）', ['mediator', 'liaison'], dept('court'), true);
  await person('邱文静（审计员）', ['auditor'], null, false);
  const [court] = (await s.residencies.atUnit(scope, center, new Date(), new Date(Date.now() + 1))).filter(
    (x) => x.departmentId === dept('court'),
  );
  if (!court) throw new Error('demo roster: the court is not stationed at the center');
  must(
    await s.rosters.setShifts(scope, {
      residencyId: court.id,
      from: new Date(Math.max(court.validFrom.getTime(), Date.now() - 21 * DAY)),
      to: new Date(Date.now() + 28 * DAY),
      weekly: [2, 4].map((weekday) => ({ weekday, start: '09:00', end: '12:00', staffIds: [judge] })),
    }),
    'court roster',
  );
}
