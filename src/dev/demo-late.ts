import { withTenantScope } from '../core/tenancy/tenant-tx';
import type { TenantRecord } from '../modules/tenant/tenant.model';
import type { Services } from '../services';
import type { Result } from '../shared/result';
import { addDays, fromWallClock, localDateOf, type LocalDate } from '../core/calendar/local-date';
import { isoWeekday } from '../core/calendar/zoned-time';
import type { CaseTimeShifter } from './demo-time-shift';

const HOUR = 3_600_000;
const ACTOR = { subject: 'system:demo-data', requestId: 'demo-history', ip: null };

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo late case ${what}: ${r.errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  return r.value;
}

/**
 * Open cases whose handling clock is already past its warning points when the demo starts: the
 * loader then fires those checkpoints through the SLA code, so they turn YELLOW or RED for real.
 */
export async function loadZhiliLateCases(s: Services, tenant: TenantRecord, shifter: CaseTimeShifter): Promise<void> {
  const late: [string, string, number, number][] = [
    // [title, category, working days ago, hour]: the default clock is 15 working days, YELLOW at half, RED at
    // 80%; a clock started on a weekend night keeps up to ~2.5 days of slack wherever it lands (see the shift).
    ['服装厂拖欠三名工人工资', 'labor-wages', 16, 10],
    ['出租房押金退还纠纷', 'lease-rent', 11, 9],
    ['面料货款结算纠纷', 'contract-commercial', 11, 11],
    ['夜间加工噪音扰民', 'neighbourhood-noise', 11, 15],
  ];
  const unit = await withTenantScope(s.orm, tenant, ACTOR, async (scope) => {
    const [u] = await scope.em.execute<{ id: string }[]>('select id from org_units where tenant_id = ? and name = ?', [
      tenant.id,
      '民生服务队',
    ]);
    const [m] = await scope.em.execute<{ id: string }[]>(
      `select id from staff_members where tenant_id = ? and keycloak_subject = 'demo-patrol'`,
      [tenant.id],
    );
    const cats = await scope.em.execute<{ id: string; code: string }[]>(
      'select id, code from categories where tenant_id = ?',
      [tenant.id],
    );
    const calendar = await s.sla.calendars.calendar(scope);
    const working = (d: LocalDate) => isoWeekday(d) <= 5 && calendar.isWorkingDay(d);
    return { unit: u!.id, mediator: m!.id, cat: new Map(cats.map((c) => [c.code, c.id])), working };
  });
  for (const [title, code, workingDaysBack, hour] of late) {
    const caseId = await withTenantScope(s.orm, tenant, ACTOR, async (scope) => {
      const c = must(
        await s.intake.report(
          scope,
          { title, channel: 'WALK_IN', categoryId: unit.cat.get(code)! },
          { machine: false },
        ),
        title,
      ).case;
      must(await s.handling.accept(scope, { caseId: c.id }), 'accept');
      must(await s.handling.dispatch(scope, { caseId: c.id, orgUnitId: unit.unit }), 'dispatch');
      must(await s.handling.assign(scope, { caseId: c.id, staffIds: [unit.mediator] }), 'assign');
      return c.id;
    });
    // Reported at that hour that many working days ago, as the window would have taken it.
    let day = localDateOf(new Date(), tenant.timeZone);
    for (let n = 0; n < workingDaysBack;) {
      day = addDays(day, -1);
      if (unit.working(day)) n++;
    }
    const at = fromWallClock(day, hour * HOUR, tenant.timeZone);
    await shifter.shift(tenant.id, caseId, at.getTime() - Date.now());
  }
}
