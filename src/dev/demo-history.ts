import { withTenantScope } from '../core/tenancy/tenant-tx';
import type { TenantScope } from '../core/tenancy/scope';
import type { TenantRecord } from '../modules/tenant/tenant.model';
import type { Services } from '../services';
import type { Result } from '../shared/result';
import type { Channel } from '../modules/case/case.entity';
import { addDays, fromWallClock, localDateOf, type LocalDate } from '../core/calendar/local-date';
import { isoWeekday } from '../core/calendar/zoned-time';
import type { CaseTimeShifter } from './demo-time-shift';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ACTOR = { subject: 'system:demo-data', requestId: 'demo-history', ip: null };
/** Ten days covers the longest run of closed days (the National Day week and its weekend). */
const MAX_HOURS_BACK = 10 * 24;
const onlyClosed = (errors: readonly { code: string }[]) => errors.every((e) => e.code === 'PLACE_CLOSED');

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo history ${what}: ${r.errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  return r.value;
}

/** A fixed seed: the same town every `npm start`. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

type Step = (scope: TenantScope, caseId: string) => Promise<void>;

/**
 * One case told step by step: each step runs through the services now, then the whole case is
 * moved back so the next step lands after the gap the story asks for; the last move puts the last
 * step at its time. Every row of the case moves with it (demo-time-shift.ts).
 */
async function tell(
  s: Services,
  tenant: TenantRecord,
  shifter: CaseTimeShifter,
  report: (scope: TenantScope) => Promise<string>,
  steps: { at: Date; run: Step }[],
  reportedAt: Date,
): Promise<string> {
  // A story must end before now: planned in working days from a Saturday night, a recent case's
  // visit could fall on Monday. Such a story moves back whole days, keeping its hours of the day.
  const end = steps.length ? steps[steps.length - 1]!.at.getTime() : reportedAt.getTime();
  const overrun = end - (Date.now() - 5 * MIN);
  const slip = overrun > 0 ? Math.ceil(overrun / DAY) * DAY : 0;
  const caseId = await withTenantScope(s.orm, tenant, ACTOR, report);
  let last = new Date(reportedAt.getTime() - slip);
  for (const step of steps) {
    const at = new Date(step.at.getTime() - slip);
    await shifter.shift(tenant.id, caseId, -(at.getTime() - last.getTime()));
    await withTenantScope(s.orm, tenant, ACTOR, (scope) => step.run(scope, caseId));
    last = at;
  }
  await shifter.shift(tenant.id, caseId, last.getTime() - Date.now());
  return caseId;
}

const TITLES: [string, string][] = [
  ['labor-wages', '服装加工厂拖欠工资'],
  ['labor-piece-rate', '计件工资结算争议'],
  ['labor-dismissal', '辞退补偿纠纷'],
  ['lease-rent', '出租房租金及押金纠纷'],
  ['lease-shop-renewal', '商铺续租纠纷'],
  ['contract-processing-quality', '童装加工质量纠纷'],
  ['contract-commercial', '面料货款纠纷'],
  ['neighbourhood-noise', '夜间加工噪音扰民'],
  ['neighbourhood-property-damage', '楼上漏水损坏财物'],
  ['traffic', '电动车碰撞赔偿'],
];
const CHANNELS: Channel[] = ['WALK_IN', 'WALK_IN', 'HOTLINE', 'GRID_WORKER', 'PATROL', 'MINI_PROGRAM', 'POLICE_110'];
const SURNAMES = '张王李赵刘陈杨黄周吴徐孙朱马胡郭何高林罗';

type Ending = 'CLOSED' | 'CLOSED_MEDIATED' | 'REJECTED' | 'UNRESOLVED' | 'FOLLOW_UP' | 'IN_PROGRESS';

/**
 * A year of Zhili's history (issue 17, demo data): `count` cases reported on working days at
 * working hours over the past twelve months, most closed after a visit, some mediated to an
 * agreement, some rejected or unresolved; the last weeks still open.
 */
export async function loadZhiliHistory(
  s: Services,
  tenant: TenantRecord,
  shifter: CaseTimeShifter,
  count: number,
): Promise<number> {
  const rnd = random(17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const tz = tenant.timeZone;
  const ids = await withTenantScope(s.orm, tenant, ACTOR, async (scope) => {
    const q = (sql: string, p: unknown[]) => scope.em.execute<{ id: string; code?: string }[]>(sql, p);
    const cats = await q('select id, code from categories where tenant_id = ?', [tenant.id]);
    const [unit] = await q('select id from org_units where tenant_id = ? and name = ?', [tenant.id, '民生服务队']);
    const [mediator] = await q(
      `select id from staff_members where tenant_id = ? and keycloak_subject = 'demo-patrol'`,
      [tenant.id],
    );
    const calendar = await s.sla.calendars.calendar(scope);
    return {
      cat: new Map(cats.map((c) => [c.code!, c.id])),
      unit: unit!.id,
      mediator: mediator!.id,
      working: (d: LocalDate) => isoWeekday(d) <= 5 && calendar.isWorkingDay(d),
    };
  });
  const workingAt = (from: Date, plusDays: number, minuteOfDay: number): Date => {
    let d = addDays(localDateOf(from, tz), plusDays);
    while (!ids.working(d)) d = addDays(d, 1);
    return fromWallClock(d, minuteOfDay * MIN, tz);
  };
  const handling = (min: number, max: number) => (8 * 60 + 40 + Math.floor(rnd() * (max - min)) + min) % (24 * 60);

  let made = 0;
  for (let i = 0; i < count; i++) {
    // Spread over 365 days back, newest last; the last ~8% are the open ones of the past weeks.
    const daysBack = Math.max(3, Math.round(365 * (1 - i / count)));
    const recent = daysBack <= 12;
    const reportedAt = workingAt(new Date(Date.now() - daysBack * DAY), 0, handling(0, 8 * 60));
    if (reportedAt.getTime() > Date.now() - 2 * DAY) continue;
    const [code, title] = pick(TITLES);
    const channel = pick(CHANNELS);
    const roll = rnd();
    const ending: Ending = recent
      ? roll < 0.5
        ? 'IN_PROGRESS'
        : 'FOLLOW_UP'
      : roll < 0.55
        ? 'CLOSED'
        : roll < 0.8
          ? 'CLOSED_MEDIATED'
          : roll < 0.9
            ? 'REJECTED'
            : 'UNRESOLVED';
    const applicant = `${pick([...SURNAMES])}某`;
    const amount =
      code.startsWith('labor') || code.startsWith('contract') ? `${(2 + Math.floor(rnd() * 60)) * 500}.00` : null;
    const report = async (scope: TenantScope) =>
      must(
        await s.intake.report(
          scope,
          {
            title: `${title}（${applicant}）`,
            channel,
            categoryId: ids.cat.get(code)!,
            amountInvolved: amount,
            parties: [{ role: 'APPLICANT', kind: 'PERSON', name: applicant }],
          },
          { machine: false },
        ),
        title,
      ).case.id;
    const accepted = new Date(reportedAt.getTime() + (15 + Math.floor(rnd() * 90)) * MIN);
    const steps: { at: Date; run: Step }[] = [];
    if (ending === 'REJECTED') {
      steps.push({
        at: accepted,
        run: async (scope, caseId) => {
          must(
            await s.handling.reject(scope, { caseId, reason: '不属于调解受理范围，已告知当事人诉讼途径' }),
            'reject',
          );
        },
      });
    } else {
      steps.push({
        at: accepted,
        run: async (scope, caseId) => {
          must(await s.handling.accept(scope, { caseId }), 'accept');
          must(await s.handling.dispatch(scope, { caseId, orgUnitId: ids.unit }), 'dispatch');
          must(await s.handling.assign(scope, { caseId, staffIds: [ids.mediator] }), 'assign');
        },
      });
      if (ending !== 'IN_PROGRESS') {
        const settled = recent
          ? new Date(accepted.getTime() + (2 + Math.floor(rnd() * 5)) * HOUR)
          : workingAt(accepted, 1 + Math.floor(rnd() * 9), handling(60, 7 * 60));
        if (ending === 'CLOSED_MEDIATED' || ending === 'UNRESOLVED') {
          const agreed = ending === 'CLOSED_MEDIATED';
          steps.push({
            at: new Date(settled.getTime() - 5 * MIN),
            run: async (scope, caseId) => {
              // The session is booked as it happened: before now and in an hour the place is open.
              // Late on a weekend or holiday night (npm start at 01:00 on a Saturday) the last hour
              // is closed, so the hour moves back until the place's calendar has it open.
              const now = Date.now();
              const book = (back: number) =>
                s.mediation.schedule(scope, {
                  caseId,
                  startsAt: new Date(now - 70 * MIN - back * HOUR),
                  endsAt: new Date(now - 10 * MIN - back * HOUR),
                  orgUnitId: ids.unit,
                  place: '调解室',
                  method: 'FACE_TO_FACE',
                  chosenBy: 'PARTIES',
                  mediatorIds: [ids.mediator],
                  departmentIds: [],
                });
              let booked = await book(0);
              for (let back = 1; !booked.ok && back <= MAX_HOURS_BACK && onlyClosed(booked.errors); back++)
                booked = await book(back);
              const session = must(booked, 'mediation');
              must(
                await s.mediation.recordOutcome(scope, {
                  sessionId: session.id,
                  outcome: agreed ? 'AGREED' : 'FAILED',
                  note: agreed ? '双方达成一次性支付协议' : '双方分歧较大，调解未果',
                  lateReason: '调解结束后补录',
                  ...(agreed ? { agreement: { terms: '一次性支付并撤回投诉', amount, instalments: [] } } : {}),
                }),
                'outcome',
              );
            },
          });
        }
        steps.push({
          at: settled,
          run: async (scope, caseId) => {
            if (ending === 'UNRESOLVED')
              must(
                await s.handling.markUnresolved(scope, { caseId, reason: '调解未果，已引导当事人申请仲裁' }),
                'unresolved',
              );
            else
              must(
                await s.handling.resolve(scope, {
                  caseId,
                  resolution: ending === 'CLOSED_MEDIATED' ? '调解达成协议' : '经沟通双方和解',
                  resolvedOnSite: ending !== 'CLOSED_MEDIATED' && rnd() < 0.5,
                  followUpAssigneeId: ids.mediator,
                }),
                'resolve',
              );
          },
        });
        if (ending === 'CLOSED' || ending === 'CLOSED_MEDIATED') {
          const satisfaction = rnd() < 0.8 ? 5 : 4;
          steps.push({
            at: workingAt(settled, 6, handling(30, 8 * 60)),
            run: async (scope, caseId) => {
              const [visit] = await s.followUps.listFor(scope.em, tenant.id, [caseId]);
              must(
                await s.followUps.complete(scope, {
                  followUpId: visit!.id,
                  result: 'KEPT',
                  satisfaction,
                  notes: '回访满意',
                }),
                'visit',
              );
              must(await s.handling.close(scope, { caseId }), 'close');
            },
          });
        }
      }
    }
    const caseId = await tell(s, tenant, shifter, report, steps, reportedAt);
    if (!recent) await shifter.markRead(tenant.id, caseId);
    made++;
  }
  return made;
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
