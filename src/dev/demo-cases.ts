import type { TenantScope } from '../core/tenancy/scope';
import type { Services } from '../services';
import type { Result } from '../shared/result';
import { OrgUnitEntity } from '../modules/org-unit/org-unit.entity';
import { CategoryEntity } from '../modules/category/category.entity';
import { DepartmentEntity } from '../modules/department/department.entity';
import { addDays, fromWallClock, localDateOf } from '../core/calendar/local-date';
import { isoWeekday } from '../core/calendar/zoned-time';

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo ${what}: ${r.errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  return r.value;
}

const HOUR = 3_600_000;

/**
 * Zhili's cases from the reports, each driven through the same services the API uses, so they
 * sit in real states with real timelines: the dismissed garment worker (on-site handling failed
 * → joint mediation → agreement, follow-up due), the shop lease renewal (agreement, visited a
 * week later, closed), the shop loudspeaker (settled on site), a processing-quality dispute in
 * handling under a leader's supervision notice, and a report still waiting for acceptance.
 */
export async function loadZhiliCases(s: Services, scope: TenantScope): Promise<void> {
  const t = scope.tenant.id;
  const unit = async (name: string) => (await scope.em.findOneOrFail(OrgUnitEntity, { tenantId: t, name })).id;
  const category = async (code: string) => (await scope.em.findOneOrFail(CategoryEntity, { tenantId: t, code })).id;
  const dept = async (code: string) => (await scope.em.findOneOrFail(DepartmentEntity, { tenantId: t, code })).id;
  const center = await unit('织里镇社会治理中心');
  const patrolUnit = await unit('民生服务队');
  const grid = await unit('大河网格');

  const person = async (name: string, subject: string | null, deptCode: string | null, roles: string[]) =>
    must(
      await s.staff.create(scope, {
        name,
        keycloakSubject: subject,
        roles,
        departmentId: deptCode ? await dept(deptCode) : null,
        orgUnitId: center,
        mediatorProfile: {
          specialtyIds: [await category('labor'), await category('lease'), await category('contract')],
          maxConcurrentCases: 10,
        },
      }),
      `staff ${name}`,
    ).id;
  const patrol = await person('沈明（民生服务队）', 'demo-patrol', null, ['grid-worker', 'mediator']);
  const lawyer = await person('王律师（警律联调）', 'demo-lawyer', 'police-lawyer', ['mediator']);
  const sister = await person('李阿姨（平安大姐）', null, 'pingan-sisters', ['mediator']);
  // The joint departments sit at the center by roster, weekdays, with their people on duty.
  for (const [code, staffId] of [
    ['police-lawyer', lawyer],
    ['pingan-sisters', sister],
  ] as const) {
    const deptId = await dept(code);
    const [r] = (await s.residencies.atUnit(scope, center, new Date(), new Date(Date.now() + 1))).filter(
      (x) => x.departmentId === deptId,
    );
    if (!r) throw new Error(`demo roster: ${code} is not stationed at the center`);
    const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:30', end: '17:30', staffIds: [staffId] }));
    const from = new Date(Math.max(r.validFrom.getTime(), Date.now() - 21 * 24 * HOUR));
    must(
      await s.rosters.setShifts(scope, { residencyId: r.id, from, to: new Date(Date.now() + 28 * 24 * HOUR), weekly }),
      `roster ${code}`,
    );
  }

  must(
    await s.routing.upsert(scope, {
      name: '租赁纠纷交民生服务队',
      priority: 10,
      categoryId: await category('lease'),
      targetOrgUnitId: patrolUnit,
    }),
    'routing rule',
  );

  const report = async (input: Parameters<Services['intake']['report']>[1]) =>
    must(await s.intake.report(scope, input, { machine: false }), input.title).case;
  const h = s.handling;

  // 1. The dismissed garment worker: the patrol team could not settle it; joint mediation did.
  const wage = await report({
    title: '服装厂辞退员工工资及经济补偿纠纷',
    description: '员工被辞退后工资及经济补偿未结清，双方分歧较大。',
    channel: 'PATROL',
    categoryId: await category('labor-dismissal'),
    reportedOrgUnitId: patrolUnit,
    amountInvolved: '12000.00',
    location: '织里镇大河路',
    parties: [
      { role: 'APPLICANT', kind: 'PERSON', name: '张某', idNumber: '330502199003071232', phone: '13812345678' },
      { role: 'RESPONDENT', kind: 'ORGANISATION', name: '织里某服装厂', creditCode: '91330502MA2B3C4D5E' },
    ],
  });
  must(await h.accept(scope, { caseId: wage.id }), 'accept');
  must(await h.dispatch(scope, { caseId: wage.id, orgUnitId: patrolUnit }), 'dispatch');
  must(await h.assign(scope, { caseId: wage.id, staffIds: [patrol] }), 'assign');
  must(await s.escalations.escalate(scope, { caseId: wage.id, reason: '现场化解未果，推送中心提级处置' }), 'escalate');
  // The joint session took place at the center on its last working morning (it books within hours).
  const at = await lastWorkingMorning(s, scope);
  const session = must(
    await s.mediation.schedule(scope, {
      caseId: wage.id,
      startsAt: at,
      endsAt: new Date(at.getTime() + HOUR),
      orgUnitId: center,
      place: '调解室一',
      method: 'FACE_TO_FACE',
      chosenBy: 'PARTIES',
      mediatorIds: [lawyer, sister],
      departmentIds: [await dept('police-lawyer'), await dept('pingan-sisters')],
    }),
    'mediation',
  );
  must(
    await s.mediation.recordOutcome(scope, {
      sessionId: session.id,
      outcome: 'AGREED',
      note: '律师与平安大姐联合调解，双方达成分期支付协议',
      lateReason: '调解结束后补录',
      agreement: {
        terms: '服装厂分两期支付工资及经济补偿共计12000元',
        amount: '12000.00',
        instalments: [
          { dueOn: '2026-12-15', amount: '6000.00' },
          { dueOn: '2027-01-15', amount: '6000.00' },
        ],
      },
    }),
    'outcome',
  );
  must(
    await h.resolve(scope, {
      caseId: wage.id,
      resolution: '联合调解成功，分期支付',
      resolvedOnSite: false,
      legalBasis: '《劳动合同法》第四十七条',
      followUpAssigneeId: patrol,
    }),
    'resolve',
  );

  // 2. The shop lease renewal: agreement, visited a week later, closed.
  const lease = await report({
    title: '商铺续租及装修损失纠纷',
    channel: 'WALK_IN',
    categoryId: await category('lease-shop-renewal'),
    reportedOrgUnitId: grid,
    amountInvolved: '80000.00',
    parties: [
      { role: 'APPLICANT', kind: 'PERSON', name: '陈某', phone: '13900001111' },
      { role: 'RESPONDENT', kind: 'PERSON', name: '房东刘某' },
    ],
  });
  must(await h.accept(scope, { caseId: lease.id }), 'accept');
  must(await h.dispatch(scope, { caseId: lease.id }), 'dispatch by rule');
  must(await h.assign(scope, { caseId: lease.id, staffIds: [patrol] }), 'assign');
  must(
    await h.resolve(scope, { caseId: lease.id, resolution: '续租三年，房东补偿部分装修损失', resolvedOnSite: true }),
    'resolve',
  );
  const [visit] = await s.followUps.listFor(scope.em, t, [lease.id]);
  must(
    await s.followUps.complete(scope, { followUpId: visit!.id, result: 'KEPT', satisfaction: 5, notes: '协议已履行' }),
    'follow-up',
  );
  must(await h.close(scope, { caseId: lease.id }), 'close');

  // 3. A shop loudspeaker: settled on site by the patrol team, visit due.
  const noise = await report({
    title: '商铺高音喇叭噪音扰民',
    channel: 'GRID_WORKER',
    categoryId: await category('neighbourhood-noise'),
    reportedOrgUnitId: grid,
    location: '大河路口',
  });
  must(await h.accept(scope, { caseId: noise.id }), 'accept');
  must(await h.dispatch(scope, { caseId: noise.id, orgUnitId: patrolUnit }), 'dispatch');
  must(await h.assign(scope, { caseId: noise.id, staffIds: [patrol] }), 'assign');
  must(
    await h.resolve(scope, { caseId: noise.id, resolution: '店主当场调低音量并改换位置', resolvedOnSite: true }),
    'resolve',
  );

  // 4. A processing-quality dispute in handling.
  const quality = await report({
    title: '童装加工质量纠纷',
    channel: 'HOTLINE',
    categoryId: await category('contract-processing-quality'),
    amountInvolved: '35000.00',
    parties: [
      { role: 'APPLICANT', kind: 'ORGANISATION', name: '某童装公司' },
      { role: 'RESPONDENT', kind: 'PERSON', name: '加工户周某', phone: '13700002222' },
    ],
  });
  must(await h.accept(scope, { caseId: quality.id }), 'accept');
  must(
    await h.dispatch(scope, { caseId: quality.id, orgUnitId: center, departmentId: await dept('kidswear-chamber') }),
    'dispatch',
  );
  must(await h.assign(scope, { caseId: quality.id, staffIds: [sister] }), 'assign');
  // The center's leader supervises it (督办): the handler is notified and owes a reply.
  must(
    await s.sla.supervision.supervise(scope, {
      caseId: quality.id,
      message: '涉案金额较大，请于三日内反馈调解进展',
      replyBy: new Date(Date.now() + 72 * HOUR),
    }),
    'supervision',
  );

  // 5. A 12345 transfer still waiting for acceptance.
  must(
    await s.intake.report(
      scope,
      {
        title: '12345转办：电动车交通事故赔偿',
        channel: 'HOTLINE_12345',
        categoryId: await category('traffic'),
        externalRef: '12345-DEMO-0001',
        idempotencyKey: '12345-DEMO-0001',
      },
      { machine: true },
    ),
    '12345 report',
  );
}

/** 10:00 local on the latest working weekday (the center's hours) whose 10:00–11:00 is already past. */
async function lastWorkingMorning(s: Services, scope: TenantScope): Promise<Date> {
  const tz = scope.tenant.timeZone;
  const calendar = await s.sla.calendars.calendar(scope);
  for (let day = localDateOf(new Date(), tz); ; day = addDays(day, -1)) {
    const at = fromWallClock(day, 10 * HOUR, tz);
    if (isoWeekday(day) <= 5 && calendar.isWorkingDay(day) && at.getTime() + HOUR <= Date.now()) return at;
  }
}
