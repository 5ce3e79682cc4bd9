import { withTenantScope } from '../core/tenancy/tenant-tx';
import type { TenantScope } from '../core/tenancy/scope';
import type { Services } from '../services';
import type { TenantRecord } from '../modules/tenant/tenant.model';
import type { OrgUnitKind } from '../modules/org-unit/org-unit.entity';
import { loadZhiliCases } from './demo-cases';
import { createDemoPeople } from './demo-people';
import { stationZhiliJudicial } from './demo-judicial';
import { CaseTimeShifter } from './demo-time-shift';
import { loadZhiliLateCases } from './demo-late';
import { createCountyMediator } from './demo-history';
import { anchorOf, loadOlderHistory, loadRecentHistory, planYear } from './demo-year';

const ACTOR = { subject: 'system:demo-data', requestId: null };
const WEEKDAYS_8_TO_5 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '17:30' }));
const ALWAYS = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '23:59' }));

interface UnitSpec {
  kind: OrgUnitKind;
  name: string;
  address?: string;
  open?: typeof ALWAYS;
  children?: UnitSpec[];
}

/** Zhili (织里镇), from the reports: center → Zhinan sub-center → 24-hour patrol team, and grids. */
const ZHILI_UNITS: UnitSpec = {
  kind: 'CENTER',
  name: '织里镇社会治理中心',
  address: '湖州市吴兴区织里镇',
  open: WEEKDAYS_8_TO_5,
  children: [
    {
      kind: 'SUB_CENTER',
      name: '织南分中心',
      address: '织南派出所',
      open: ALWAYS,
      children: [
        {
          kind: 'STATION',
          name: '民生服务队',
          open: ALWAYS,
          children: [
            { kind: 'GRID', name: '织南第一网格' },
            { kind: 'GRID', name: '织南第二网格' },
          ],
        },
      ],
    },
    { kind: 'GRID', name: '大河网格' },
  ],
};

const WUXING_UNITS: UnitSpec = {
  kind: 'CENTER',
  name: '吴兴区社会治理中心',
  address: '湖州市吴兴区',
  open: WEEKDAYS_8_TO_5,
};
const HONGTA_UNITS: UnitSpec = {
  kind: 'CENTER',
  name: '红塔区社会治理中心',
  address: '玉溪市红塔区',
  open: WEEKDAYS_8_TO_5,
  children: [{ kind: 'STATION', name: '玉兴街道工作站' }],
};

type Mode = 'RESIDENT' | 'ROTATING' | 'JOINT' | 'ON_DEMAND';

/** Each center's "1+5+N" (DOMAIN.md item 5): department code → how it is stationed at the top unit. */
const STATIONED: Record<string, [string, Mode][]> = {
  zhili: [
    ['justice', 'RESIDENT'],
    ['court', 'ROTATING'],
    ['police', 'RESIDENT'],
    ['human-resources', 'RESIDENT'],
    ['law-enforcement', 'RESIDENT'],
    ['petitions', 'RESIDENT'],
    ['police-lawyer', 'JOINT'],
    ['pingan-sisters', 'JOINT'],
    ['kidswear-chamber', 'JOINT'],
    ['associations', 'JOINT'],
    ['loving-mothers', 'JOINT'],
    ['pingan-alliance', 'ON_DEMAND'],
  ],
  hongta: [
    ['court', 'RESIDENT'],
    ['procuratorate', 'RESIDENT'],
    ['police', 'RESIDENT'],
    ['justice', 'RESIDENT'],
    ['petitions', 'RESIDENT'],
    ...(
      [
        'human-resources',
        'housing',
        'health',
        'market-regulation',
        'law-enforcement',
        'agriculture',
        'natural-resources',
        'forestry',
        'trade-union',
        'womens-federation',
      ] as const
    ).map((c): [string, Mode] => [c, 'ROTATING']),
    ['lawyers', 'ON_DEMAND'],
    ['psychologists', 'ON_DEMAND'],
  ],
  wuxing: [
    ['court', 'RESIDENT'],
    ['justice', 'RESIDENT'],
    ['lawyers', 'ON_DEMAND'],
  ],
};

/**
 * A town's departments are its own stations, not the county's bureaus (劳动保障所, not
 * 人力资源和社会保障局): the starter catalogue is named for counties, so Zhili renames its copies.
 */
const ZHILI_TOWN_NAMES: Record<string, string> = {
  'human-resources': '织里镇劳动保障所',
  'law-enforcement': '织里镇综合行政执法队',
  police: '织里派出所',
  justice: '织里司法所',
  court: '吴兴区人民法院织里法庭',
  'market-regulation': '织里市场监管所',
  'natural-resources': '织里自然资源所',
  petitions: '织里镇信访办',
};

/** Zhili's stationed social forces beyond the default catalogue. */
const ZHILI_DEPARTMENTS = [
  { code: 'police-lawyer', name: '警律联调', kind: 'LAWYERS' as const },
  { code: 'pingan-sisters', name: '平安大姐', kind: 'VOLUNTEERS' as const },
  { code: 'kidswear-chamber', name: '童装商会', kind: 'ASSOCIATION' as const },
  { code: 'loving-mothers', name: '爱心妈妈', kind: 'VOLUNTEERS' as const },
  { code: 'pingan-alliance', name: '平安公益联盟', kind: 'VOLUNTEERS' as const },
];

async function ensureTenant(
  s: Services,
  code: string,
  name: string,
  level: TenantRecord['level'],
  parentId: string | null,
  prefix: string,
) {
  const [existing] = await s.tenants.byCodesForSeed([code]);
  if (existing) return existing;
  const r = await s.tenants.create(ACTOR, { code, name, level, parentId, caseNumberPrefix: prefix });
  if (!r.ok) throw new Error(`demo tenant ${code}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.value;
}

async function createUnits(scope: TenantScope, s: Services, spec: UnitSpec, parentId: string | null): Promise<string> {
  const r = await s.orgUnits.create(scope, {
    kind: spec.kind,
    name: spec.name,
    parentId,
    address: spec.address ?? null,
    openingHours: spec.open ?? [],
  });
  if (!r.ok) throw new Error(`demo unit ${spec.name}: ${r.errors.map((e) => e.message).join('; ')}`);
  for (const c of spec.children ?? []) await createUnits(scope, s, c, r.value.id);
  return r.value.id;
}

async function stationDepartments(
  scope: TenantScope,
  s: Services,
  unitId: string,
  plan: [string, Mode][],
): Promise<void> {
  const all = await s.departments.list(scope, { includeArchived: false }, { first: 100, after: null });
  const validFrom = new Date(Date.UTC(new Date().getUTCFullYear(), 0, 1) - 8 * 3_600_000);
  for (const [code, mode] of plan) {
    const dept = all.nodes.find((d) => d.code === code);
    if (!dept) throw new Error(`demo residency: no department ${code}`);
    const r = await s.residencies.station(scope, { departmentId: dept.id, orgUnitId: unitId, mode, validFrom });
    if (!r.ok) throw new Error(`demo residency ${code}: ${r.errors.map((e) => e.message).join('; ')}`);
  }
}

/** Demo towns never load in production, whatever DEMO_DATA says (a real center must not get a fake town). */
export function demoDataWanted(config: { DEMO_DATA: boolean; isProduction: boolean }): boolean {
  return config.DEMO_DATA && !config.isProduction;
}

export interface DemoOptions {
  /** the owner role's URL: without it there is no history (moving cases in time needs it) */
  ownerUrl?: string | undefined;
  /** stories in the year of history (demo-year.ts) */
  historyStories?: number;
  /**
   * 'now' loads the older months before returning; 'later' leaves them to `loadOlderHistory`, which
   * `npm start` runs in the background once the API answers (the recent weeks come first either way).
   */
  olderHistory?: 'now' | 'later';
}

/**
 * Loads the demo tenants once (skipped when `wuxing` exists), through the same services the
 * API uses, so demo data obeys every rule real data does.
 */
export async function loadDemoData(s: Services, opts: DemoOptions = {}): Promise<boolean> {
  if ((await s.tenants.byCodesForSeed(['wuxing'])).length) return false;
  const wuxing = await ensureTenant(s, 'wuxing', '吴兴区社会治理中心', 'DISTRICT', null, 'WX');
  const zhili = await ensureTenant(s, 'zhili', '织里镇社会治理中心', 'TOWN', wuxing.id, 'ZL');
  const hongta = await ensureTenant(s, 'hongta', '红塔区社会治理中心', 'DISTRICT', null, 'HT');
  for (const [tenant, units] of [
    [wuxing, WUXING_UNITS],
    [zhili, ZHILI_UNITS],
    [hongta, HONGTA_UNITS],
  ] as const) {
    await s.provisioning.seedDefaults(tenant.id);
    await withTenantScope(
      s.orm,
      tenant,
      { subject: ACTOR.subject, requestId: 'demo-data', ip: null },
      async (scope) => {
        if (tenant.code === 'zhili') {
          for (const d of ZHILI_DEPARTMENTS) await s.departments.create(scope, d);
          const all = await s.departments.list(scope, { includeArchived: false }, { first: 100, after: null });
          for (const d of all.nodes.filter((x) => ZHILI_TOWN_NAMES[x.code]))
            await s.departments.update(scope, d.id, { name: ZHILI_TOWN_NAMES[d.code]! });
        }
        const top = await createUnits(scope, s, units, null);
        await createDemoPeople(s, scope);
        if (tenant.code === 'wuxing') await createCountyMediator(s, scope, top);
        await stationDepartments(scope, s, top, STATIONED[tenant.code] ?? []);
        if (tenant.code === 'zhili') {
          await stationZhiliJudicial(s, scope);
          await loadZhiliCases(s, scope);
        }
      },
    );
  }
  // History and late clocks need whole cases moved back in time, which only the owner role may do.
  if (opts.ownerUrl) {
    const anchor = (await anchorOf(s, zhili))!;
    const year = await planYear(s, zhili, wuxing, anchor, opts.historyStories);
    const shifter = await CaseTimeShifter.open(opts.ownerUrl);
    try {
      await loadZhiliLateCases(s, zhili, shifter);
      await loadRecentHistory(s, year, shifter);
    } finally {
      await shifter.close();
    }
    if (opts.olderHistory === 'now')
      await loadOlderHistory(s, opts.ownerUrl, {
        anchor,
        ...(opts.historyStories ? { count: opts.historyStories } : {}),
      });
  }
  // Escalations to the county reach its intake, and the backlog's clocks already past a warning
  // point fire now, through the SLA's own checkpoint code: the demo opens with RED and YELLOW cases.
  await s.escalations.sweepHandoffs(0);
  const due = await withTenantScope(
    s.orm,
    zhili,
    { subject: ACTOR.subject, requestId: 'demo-data', ip: null },
    (scope) =>
      scope.em.execute<{ id: string }[]>(
        `select c.id from deadline_checkpoints c join deadlines d on d.tenant_id = c.tenant_id and d.id = c.deadline_id
       where c.tenant_id = ? and c.status = 'PENDING' and c.due_at <= now() and d.status = 'OPEN' order by c.due_at`,
        [zhili.id],
      ),
  );
  for (const c of due) await s.sla.checkpoints.fire(zhili.id, c.id);
  // An instalment past its date and unpaid: its reminder fires now, as the worker would.
  const reminders = await withTenantScope(
    s.orm,
    zhili,
    { subject: ACTOR.subject, requestId: 'demo-data', ip: null },
    (scope) =>
      scope.em.execute<{ id: string }[]>(
        `select id from instalment_reminders where tenant_id = ? and status = 'PENDING' and due_at <= now() order by due_at`,
        [zhili.id],
      ),
  );
  for (const r of reminders) await s.instalmentReminders.fire(zhili.id, r.id);
  return true;
}
