import { withTenantScope } from '../core/tenancy/tenant-tx';
import type { TenantScope } from '../core/tenancy/scope';
import type { TenantRecord } from '../modules/tenant/tenant.model';
import type { Services } from '../services';
import type { Result } from '../shared/result';
import { addDays, fromWallClock, localDateOf, type LocalDate } from '../core/calendar/local-date';
import { isoWeekday } from '../core/calendar/zoned-time';
import { CaseEntity } from '../modules/case/case.entity';
import { InstalmentEntity } from '../modules/instalment/instalment.entity';
import { payDay, type Story } from './demo-plan';
import { StoryTeller } from './demo-story';
import type { CaseTimeShifter } from './demo-time-shift';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ACTOR = { subject: 'system:demo-data', requestId: 'demo-history', ip: null };
/** Ten days covers the longest run of closed days (the National Day week and its weekend). */
const MAX_HOURS_BACK = 10 * 24;
const onlyClosed = (errors: readonly { code: string }[]) => errors.every((e) => e.code === 'PLACE_CLOSED');

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok)
    throw new Error(
      `demo history ${what}: ${r.errors.map((e) => `${e.code} ${JSON.stringify(e.message)}`).join('; ')}`,
    );
  return r.value;
}

/** The county mediator who handles what Zhili escalates (吴兴区 has only its leader otherwise). */
export const COUNTY_MEDIATOR = '钱立新（区矛调中心调解员）';

/** Who and where, looked up once per run. */
export interface Cast {
  zhili: TenantRecord;
  wuxing: TenantRecord;
  cat: Map<string, string>;
  center: string;
  patrolUnit: string;
  grid: string;
  patrol: string;
  justice: string;
  lawyer: string;
  sister: string;
  countyCenter: string;
  countyMediator: string;
  working: (d: LocalDate) => boolean;
}

export async function castOf(s: Services, zhili: TenantRecord, wuxing: TenantRecord): Promise<Cast> {
  const z = await withTenantScope(s.orm, zhili, ACTOR, async (scope) => {
    const q = <T>(sql: string) => scope.em.execute<T[]>(sql, [zhili.id]);
    const cats = await q<{ id: string; code: string }>('select id, code from categories where tenant_id = ?');
    const units = await q<{ id: string; name: string }>('select id, name from org_units where tenant_id = ?');
    const staff = await q<{ id: string; name: string }>('select id, name from staff_members where tenant_id = ?');
    const unit = (n: string) => units.find((u) => u.name === n)!.id;
    const person = (prefix: string) => staff.find((p) => p.name.startsWith(prefix))!.id;
    const calendar = await s.sla.calendars.calendar(scope);
    return {
      cat: new Map(cats.map((c) => [c.code, c.id])),
      center: unit('织里镇社会治理中心'),
      patrolUnit: unit('民生服务队'),
      grid: unit('大河网格'),
      patrol: person('沈明'),
      justice: person('沈国华'),
      lawyer: person('王律师'),
      sister: person('李阿姨'),
      working: (d: LocalDate) => isoWeekday(d) <= 5 && calendar.isWorkingDay(d),
    };
  });
  const w = await withTenantScope(s.orm, wuxing, ACTOR, async (scope) => {
    const [u] = await scope.em.execute<{ id: string }[]>(
      'select id from org_units where tenant_id = ? and parent_id is null',
      [wuxing.id],
    );
    const [m] = await scope.em.execute<{ id: string }[]>(
      'select id from staff_members where tenant_id = ? and name = ?',
      [wuxing.id, COUNTY_MEDIATOR],
    );
    return { countyCenter: u!.id, countyMediator: m!.id };
  });
  return { zhili, wuxing, ...z, ...w };
}

/** The county's mediator, made once with the county's people. */
export async function createCountyMediator(s: Services, scope: TenantScope, centerId: string): Promise<void> {
  must(
    await s.staff.create(scope, {
      name: COUNTY_MEDIATOR,
      roles: ['mediator'],
      orgUnitId: centerId,
      mediatorProfile: { specialtyIds: [], maxConcurrentCases: 20 },
    }),
    'county mediator',
  );
}

/**
 * Tells one planned story through the same services the API uses, each step at its planned time
 * (demo-plan.ts). Returns the story's cases; the caller numbers them and marks old notices read.
 */
export async function tellStory(
  s: Services,
  cast: Cast,
  shifter: CaseTimeShifter,
  st: Story,
  /** nothing of the story happens after this (the plan's anchor, less a few minutes) */
  limit: number,
): Promise<StoryTeller> {
  const teller = new StoryTeller(shifter, cast.zhili.timeZone);
  const t = st.t;
  const z = <T>(fn: (scope: TenantScope) => Promise<T>) => withTenantScope(s.orm, cast.zhili, ACTOR, fn);
  const w = <T>(fn: (scope: TenantScope) => Promise<T>) => withTenantScope(s.orm, cast.wuxing, ACTOR, fn);
  const main = () => teller.find('main')!.caseId;
  const handler = st.handler === 'patrol' ? cast.patrol : cast.justice;
  const handlingUnit = st.handler === 'patrol' ? cast.patrolUnit : cast.center;
  const county = ['ESCALATED', 'COUNTY_SETTLED', 'COUNTY_RETURNED'].includes(st.ending);

  const report = async (scope: TenantScope, channel = st.channel, key: string | null = st.key) =>
    must(
      await s.intake.report(
        scope,
        {
          title: st.title,
          channel,
          categoryId: cast.cat.get(st.category)!,
          amountInvolved: st.amount,
          peopleInvolved: st.people,
          reportedOrgUnitId: channel === 'GRID_WORKER' ? cast.grid : channel === 'PATROL' ? cast.patrolUnit : null,
          idempotencyKey: key,
          parties: [
            { role: 'APPLICANT', kind: 'PERSON', name: st.applicant },
            ...(st.respondent
              ? [
                  {
                    role: 'RESPONDENT' as const,
                    kind: st.respondent.endsWith('某') ? ('PERSON' as const) : ('ORGANISATION' as const),
                    name: st.respondent,
                  },
                ]
              : []),
          ],
        },
        { machine: false },
      ),
      st.title,
    ).case.id;

  /** A session that ended ten minutes ago, in the last hour its place was open; then its outcome. */
  const session = async (
    scope: TenantScope,
    caseId: string,
    where: { unit: string; mediators: string[] },
    outcome: 'AGREED' | 'FAILED',
    agreement?: { terms: string; amount: string | null; instalments: { dueOn: string; amount: string }[] },
  ) => {
    const now = Date.now();
    const book = (back: number) =>
      s.mediation.schedule(scope, {
        caseId,
        startsAt: new Date(now - 70 * MIN - back * HOUR),
        endsAt: new Date(now - 10 * MIN - back * HOUR),
        orgUnitId: where.unit,
        place: '调解室',
        method: 'FACE_TO_FACE',
        chosenBy: 'PARTIES',
        mediatorIds: where.mediators,
        departmentIds: [],
      });
    let booked = await book(0);
    for (let back = 1; !booked.ok && back <= MAX_HOURS_BACK && onlyClosed(booked.errors); back++)
      booked = await book(back);
    const held = must(booked, 'session');
    must(
      await s.mediation.recordOutcome(scope, {
        sessionId: held.id,
        outcome,
        note: outcome === 'AGREED' ? '双方当面协商，达成调解协议' : '双方分歧较大，调解未果',
        lateReason: '调解结束后补录',
        ...(agreement ? { agreement } : {}),
      }),
      'outcome',
    );
  };
  const town = { unit: handlingUnit, mediators: [handler] };
  const visitAndClose = async (scope: TenantScope, caseId: string, close = true) => {
    const visits = await s.followUps.listFor(scope.em, scope.tenant.id, [caseId]);
    const visit = visits.find((v) => v.status === 'SCHEDULED');
    if (!visit) throw new Error('demo history: no visit to make');
    const partly = st.amount !== null && st.key.endsWith('7');
    must(
      await s.followUps.complete(scope, {
        followUpId: visit.id,
        result: partly ? 'PARTLY_KEPT' : 'KEPT',
        satisfaction: partly ? 3 : st.key.endsWith('3') ? 4 : 5,
        notes: partly ? '协议部分履行，余款已约定期限' : '回访当事人，协议已履行，表示满意',
      }),
      'visit',
    );
    if (close) must(await s.handling.close(scope, { caseId }), 'close');
  };
  const takeIn = async (scope: TenantScope, caseId: string, unit = handlingUnit, who = handler) => {
    must(await s.handling.accept(scope, { caseId }), 'accept');
    must(await s.handling.dispatch(scope, { caseId, orgUnitId: unit }), 'dispatch');
    must(await s.handling.assign(scope, { caseId, staffIds: [who] }), 'assign');
  };

  await teller.at(t.reported, () =>
    z(async (scope) => teller.add({ tenantId: cast.zhili.id, caseId: await report(scope), role: 'main' })),
  );
  if (st.ending === 'REPORTED') return teller;
  await teller.at(t.duplicate, () =>
    z(async (scope) =>
      teller.add({ tenantId: cast.zhili.id, caseId: await report(scope, 'HOTLINE_12345', null), role: 'duplicate' }),
    ),
  );
  await teller.at(t.accepted, () =>
    z(async (scope) => {
      if (st.ending === 'REJECTED') {
        must(
          await s.handling.reject(scope, { caseId: main(), reason: '不属于人民调解受理范围，已告知当事人诉讼途径' }),
          'reject',
        );
        return;
      }
      const dup = teller.find('duplicate');
      if (dup)
        must(
          await s.merges.merge(scope, {
            survivorId: main(),
            duplicateIds: [dup.caseId],
            reason: '同一纠纷经12345重复反映',
          }),
          'merge',
        );
      must(await s.handling.accept(scope, { caseId: main() }), 'accept');
      if (st.ending === 'ACCEPTED') return;
      must(
        await s.handling.dispatch(scope, { caseId: main(), orgUnitId: county ? cast.center : handlingUnit }),
        'dispatch',
      );
      if (st.ending === 'DISPATCHED') return;
      must(await s.handling.assign(scope, { caseId: main(), staffIds: [handler] }), 'assign');
    }),
  );
  if (st.ending === 'MEDIATING') {
    // Booked half an hour before the demo starts for the next working morning, at the handler's place.
    const bookedAt = new Date(limit - 25 * MIN);
    // Spread over the coming working days and hours, so no two bookings of one mediator clash.
    const n = st.slot ?? 0;
    const slot = [9 * 60, 10 * 60 + 30, 14 * 60, 15 * 60 + 30][n % 4]!;
    const startsAtInStory = nextWorkingDay(cast, limit + 5 * MIN, Math.floor(n / 4), slot);
    await teller.at(bookedAt, () =>
      z(async (scope) => {
        const startsAt = new Date(startsAtInStory.getTime() + (Date.now() - bookedAt.getTime()));
        must(
          await s.mediation.schedule(scope, {
            caseId: main(),
            startsAt,
            endsAt: new Date(startsAt.getTime() + HOUR),
            orgUnitId: handlingUnit,
            place: '调解室',
            method: 'FACE_TO_FACE',
            chosenBy: 'PARTIES',
            mediatorIds: [handler],
            departmentIds: [],
          }),
          'booking',
        );
      }),
    );
  }
  await teller.at(t.firstSession, () =>
    z(async (scope) => {
      await session(scope, main(), county ? { unit: cast.center, mediators: [cast.justice] } : town, 'FAILED');
      if (st.ending === 'UNRESOLVED')
        must(
          await s.handling.markUnresolved(scope, { caseId: main(), reason: '调解未果，转网格跟踪稳控' }),
          'unresolved',
        );
      if (st.ending === 'REFERRED')
        must(
          await s.referrals.refer(scope, {
            caseId: main(),
            target: st.category.startsWith('labor') ? 'LABOR_ARBITRATION' : 'COURT',
            targetName: st.category.startsWith('labor') ? '吴兴区劳动人事争议仲裁委员会' : '吴兴区人民法院织里法庭',
            reason: '调解不成，引导当事人依法申请',
          }),
          'refer',
        );
    }),
  );
  await teller.at(t.referralOutcome, () =>
    z(async (scope) => {
      const [ref] = await s.referrals.listFor(scope.em, cast.zhili.id, [main()]);
      must(
        await s.referrals.recordOutcome(scope, {
          referralId: ref!.id,
          outcome: st.category.startsWith('labor') ? '仲裁裁决支持申请人部分请求' : '法院立案后调解结案',
        }),
        'referral outcome',
      );
    }),
  );
  await teller.at(t.escalated, async () => {
    await z(async (scope) =>
      must(
        await s.escalations.escalate(scope, { caseId: main(), reason: '涉案金额较大、镇级调解未果，提请区级化解' }),
        'escalate',
      ),
    );
    // The hand-off ran after the town's commit; a sweep redoes it if it could not.
    const parent = async () =>
      z((scope) =>
        scope.em.execute<{ parent_case_id: string | null; id: string }[]>(
          'select id, parent_case_id from case_escalations where tenant_id = ? and case_id = ? and to_tenant_id is not null',
          [cast.zhili.id, main()],
        ),
      );
    let [esc] = await parent();
    if (esc && !esc.parent_case_id) {
      await s.escalations.handoff(cast.zhili.id, esc.id);
      [esc] = await parent();
    }
    const countyCase = esc!.parent_case_id!;
    teller.add({ tenantId: cast.wuxing.id, caseId: countyCase, role: 'county' });
    if (st.ending !== 'COUNTY_RETURNED')
      await w((scope) => takeIn(scope, countyCase, cast.countyCenter, cast.countyMediator));
  });
  await teller.at(t.countyDecided, () =>
    w(async (scope) => {
      const countyCase = teller.find('county')!.caseId;
      if (st.ending === 'COUNTY_RETURNED') {
        must(
          await s.handling.reject(scope, {
            caseId: countyCase,
            reason: '属一般民事纠纷，宜由镇级属地化解，退回织里镇',
          }),
          'county rejects',
        );
        return;
      }
      await session(scope, countyCase, { unit: cast.countyCenter, mediators: [cast.countyMediator] }, 'AGREED', {
        terms: '经区级联合调解，被申请人分期结清款项',
        amount: st.amount,
        instalments: [],
      });
      must(
        await s.handling.resolve(scope, {
          caseId: countyCase,
          resolution: '区矛调中心联合调解成功',
          resolvedOnSite: false,
          followUpAssigneeId: cast.countyMediator,
        }),
        'county resolves',
      );
    }),
  );
  // The town hears of the county's decision after the county's commit; done again here in case it did not.
  if (t.countyDecided) await s.escalations.followParent(cast.zhili.id, main());
  await teller.at(t.takenBack, () =>
    z(async (scope) => {
      must(await s.escalations.takeBack(scope, { caseId: main(), reason: '区中心退回，由镇里继续调解' }), 'take back');
    }),
  );

  // Settled in the town: on site, or at a session with an agreement (one-off or by instalments).
  await teller.at(t.settled, () =>
    z(async (scope) => {
      if (st.ending === 'UNRESOLVED_CLOSED') {
        must(
          await s.handling.markUnresolved(scope, { caseId: main(), reason: '多次调解未果，转网格跟踪稳控' }),
          'unresolved',
        );
        return;
      }
      if (st.ending === 'ON_SITE' || st.ending === 'MERGED' || (st.ending === 'FOLLOW_UP' && !st.amount)) {
        must(
          await s.handling.resolve(scope, {
            caseId: main(),
            resolution: '民生服务队现场调处，双方和解',
            resolvedOnSite: true,
            followUpAssigneeId: handler,
          }),
          'resolve',
        );
        return;
      }
      const today = localDateOf(new Date(), cast.zhili.timeZone);
      const plan = st.instalments.map((i) => ({ dueOn: addDays(today, i.dueInDays), amount: i.amount }));
      await session(scope, main(), town, 'AGREED', {
        terms: plan.length ? `分${plan.length}期支付共计${st.amount}元` : '一次性支付并撤回投诉',
        amount: st.amount,
        instalments: plan,
      });
      must(
        await s.handling.resolve(scope, {
          caseId: main(),
          resolution: plan.length ? '调解达成分期履行协议' : '调解达成协议，当场履行',
          resolvedOnSite: false,
          followUpAssigneeId: handler,
        }),
        'resolve',
      );
    }),
  );
  // The instalments, paid on time or late, at their own times between the other steps.
  const payments = t.settled
    ? st.instalments
        .map((i, n) => ({ i, n, at: payDay(t.settled!, i) }))
        .filter((p) => p.i.paidAfterDays !== null && p.at < limit)
    : [];
  const pay = async (n: number, amount: string) =>
    z(async (scope) => {
      const rows = await scope.em.find(
        InstalmentEntity,
        { tenantId: cast.zhili.id, caseId: main() },
        { orderBy: { seq: 'asc' } },
      );
      must(await s.instalments.pay(scope, { instalmentId: rows[n]!.id, amount }), 'payment');
    });
  const paidBefore = async (until: number) => {
    while (payments.length && payments[0]!.at <= until) {
      const p = payments.shift()!;
      await teller.at(new Date(p.at), () => pay(p.n, p.i.amount));
    }
  };
  if (t.visit) await paidBefore(t.visit.getTime());
  await teller.at(t.visit, () =>
    z(async (scope) => {
      if (st.ending === 'RECURRED' || st.ending === 'BROKEN') {
        const visits = await s.followUps.listFor(scope.em, cast.zhili.id, [main()]);
        must(
          await s.followUps.complete(scope, {
            followUpId: visits.find((v) => v.status === 'SCHEDULED')!.id,
            result: st.ending,
            satisfaction: 2,
            notes: st.ending === 'RECURRED' ? '回访发现纠纷再次发生，重新受理' : '对方未按协议履行，重新调解',
          }),
          'visit',
        );
        if (st.ending === 'RECURRED') {
          const again = await scope.em.findOneOrFail(CaseEntity, { tenantId: cast.zhili.id, recurrenceOfId: main() });
          teller.add({ tenantId: cast.zhili.id, caseId: again.id, role: 'again' });
          await takeIn(scope, again.id);
        }
        return;
      }
      await visitAndClose(scope, main());
    }),
  );
  if (t.visit && st.ending === 'COUNTY_SETTLED') {
    // The county's own visit goes with the town's, after the town's step has committed: closing
    // the county's case tells the town's (locked until then).
    const countyCase = teller.find('county')!.caseId;
    await w((c) => visitAndClose(c, countyCase));
  }
  const again = () => teller.find('again')?.caseId ?? main();
  await teller.at(t.againSettled, () =>
    z(async (scope) => {
      await session(scope, again(), town, 'AGREED', {
        terms: '重新调解，被申请人当场履行并书面承诺',
        amount: st.amount,
        instalments: [],
      });
      must(
        await s.handling.resolve(scope, {
          caseId: again(),
          resolution: '再次调解达成协议并当场履行',
          resolvedOnSite: false,
          followUpAssigneeId: handler,
        }),
        'resolve again',
      );
    }),
  );
  await teller.at(t.againVisit, () => z((scope) => visitAndClose(scope, again())));
  await paidBefore(Number.MAX_SAFE_INTEGER);
  await teller.at(t.closed, () =>
    z(async (scope) => {
      must(await s.handling.close(scope, { caseId: main(), note: '网格跟踪稳控，当事人息诉' }), 'close');
    }),
  );
  await teller.finish();
  return teller;
}

/** `minute` of the day on the working day `skip` working days after the first one after `after` (ms). */
function nextWorkingDay(cast: Cast, after: number, skip: number, minute: number): Date {
  const tz = cast.zhili.timeZone;
  for (let day = localDateOf(new Date(after), tz); ; day = addDays(day, 1)) {
    const at = fromWallClock(day, minute * MIN, tz);
    if (cast.working(day) && at.getTime() > after && skip-- === 0) return at;
  }
}
