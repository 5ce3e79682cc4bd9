import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { tenantReadScope, tenantScope, type RequestContext } from '../../core/graphql/context';
import { connectionFrom, PageArgs, pageRequest } from '../../core/graphql/connection';
import { toPage } from '../../shared/page';
import { badUserInput } from '../../core/errors/errors';
import { orgUnitLoaders } from '../org-unit/org-unit.loaders';
import { OrgUnitType } from '../org-unit/org-unit.type';
import { caseLoaders } from '../case/case.loaders';
import { CaseType } from '../case/case.type';
import { TenantType } from '../tenant/tenant.type';
import {
  NO_DUE,
  ratio,
  type CaseMetrics,
  type GroupBy,
  type MetricGroup,
  type SupervisionCounts,
} from './metrics.service';
import { groupLabel } from './group-labels';
import { metricPartsOf } from './metric-parts';
import { selects } from '../../core/graphql/look-ahead';
import {
  BoardEntryType,
  BoardUnitCountType,
  CaseMetricsType,
  ChildTenantRollupType,
  DateRangeInput,
  GroupByEnum,
  RatioType,
  SupervisionTotalsType,
  SupervisionUnitFiguresType,
  WarningBoardType,
} from './metrics.type';

const READERS = ['leader', 'tenant-admin', 'auditor', 'dispatcher'] as const;
const MAX_RANGE_MS = 3 * 366 * 86_400_000;

function checkRange(r: DateRangeInput): void {
  if (!(r.to > r.from)) throw badUserInput({ id: 'error.rangeOrder' });
  if (r.to.getTime() - r.from.getTime() > MAX_RANGE_MS) throw badUserInput({ id: 'error.rangeTooLong' });
}

const sum = (
  list: CaseMetrics[],
  k: 'sameDayAcceptance' | 'onSiteResolution' | 'resolution' | 'backflow' | 'onTime',
) => {
  const numerator = list.reduce((s, m) => s + m[k].numerator, 0);
  const denominator = list.reduce((s, m) => s + m[k].denominator, 0);
  return RatioType.from(ratio(numerator, denominator));
};

function sumSupervision(list: CaseMetrics[]): SupervisionCounts {
  const out: SupervisionCounts = { issued: 0, manual: 0, replied: 0, repliedLate: 0, unansweredOverdue: 0 };
  for (const m of list) for (const k of Object.keys(out) as (keyof SupervisionCounts)[]) out[k] += m.supervision[k];
  return out;
}

function addConsultations(list: CaseMetrics[]) {
  const byTopic = new Map<string, { topic: string; count: number; minutes: number }>();
  for (const m of list)
    for (const t of m.consultations.byTopic) {
      const sum = byTopic.get(t.topic) ?? { topic: t.topic, count: 0, minutes: 0 };
      sum.count += t.count;
      sum.minutes += t.minutes;
      byTopic.set(t.topic, sum);
    }
  return {
    total: list.reduce((n, m) => n + m.consultations.total, 0),
    minutes: list.reduce((n, m) => n + m.consultations.minutes, 0),
    turnedIntoCases: list.reduce((n, m) => n + m.consultations.turnedIntoCases, 0),
    byTopic: [...byTopic.values()].sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic)),
  };
}

/** Groups of several tenants added up by key (a category by its name: each tenant has its own ids). */
function addGroups(groups: MetricGroup[]): MetricGroup[] {
  const by = new Map<string, MetricGroup>();
  for (const g of groups) {
    const k = g.key ?? '';
    const t = by.get(k) ?? { key: g.key, label: g.label, reported: 0, resolved: 0, open: 0 };
    t.reported += g.reported;
    t.resolved += g.resolved;
    t.open += g.open;
    by.set(k, t);
  }
  return [...by.values()].sort((a, b) => b.reported - a.reported);
}

@Resolver()
export class MetricsResolver {
  @Query(() => CaseMetricsType, {
    description: "The center's figures for cases reported in the range; definitions in docs/metrics.md",
  })
  async caseMetrics(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('range', () => DateRangeInput) range: DateRangeInput,
    @Arg('orgUnitId', () => ID, { nullable: true, description: 'Cases handled in this unit or under it' })
    orgUnitId?: string,
    @Arg('groupBy', () => GroupByEnum, { nullable: true }) groupBy?: GroupBy,
  ) {
    checkRange(range);
    const scope = await tenantScope(ctx, ...READERS);
    const q = { from: range.from, to: range.to, orgUnitId: orgUnitId ?? null };
    const m = await ctx.services.metrics.caseMetrics(
      scope,
      q,
      metricPartsOf((f) => selects(info, [f])),
    );
    const groups = groupBy ? await ctx.services.metrics.groups(scope, q, groupBy) : [];
    return CaseMetricsType.from(
      m,
      groups.map((g) => ({ ...g, label: groupLabel(ctx.locale, groupBy!, g) })),
    );
  }

  @Query(() => ChildTenantRollupType, {
    description:
      'The same figures for every tenant below (a city sees its counties, towns and villages), each computed in its own isolation context: aggregates only',
  })
  async childTenantMetrics(@Ctx() ctx: RequestContext, @Arg('range', () => DateRangeInput) range: DateRangeInput) {
    checkRange(range);
    const scope = await tenantScope(ctx, ...READERS);
    const list = await ctx.services.metrics.forDescendants(scope, { from: range.from, to: range.to });
    const all = list.map((c) => c.metrics);
    return Object.assign(new ChildTenantRollupType(), {
      children: list.map((c) => ({
        tenant: TenantType.from(c.tenant),
        depth: c.depth,
        parentTenantId: c.tenant.parentId,
        metrics: CaseMetricsType.from(c.metrics),
        byCategory: c.byCategory,
        byChannel: c.byChannel,
        supervisionByUnit: c.supervisionByUnit,
      })),
      byCategory: addGroups(list.flatMap((c) => c.byCategory.map((g) => ({ ...g, key: g.label })))),
      byChannel: addGroups(list.flatMap((c) => c.byChannel)),
      reported: all.reduce((s, m) => s + m.reported, 0),
      sameDayAcceptance: sum(all, 'sameDayAcceptance'),
      onSiteResolution: sum(all, 'onSiteResolution'),
      resolution: sum(all, 'resolution'),
      backflow: sum(all, 'backflow'),
      onTime: sum(all, 'onTime'),
      openByWarning: {
        green: all.reduce((s, m) => s + m.openByWarning.green, 0),
        yellow: all.reduce((s, m) => s + m.openByWarning.yellow, 0),
        red: all.reduce((s, m) => s + m.openByWarning.red, 0),
      },
      supervision: SupervisionTotalsType.totals(sumSupervision(all)),
      consultations: addConsultations(all),
    });
  }

  @Query(() => WarningBoardType)
  async warningBoard(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('orgUnitId', () => ID, { nullable: true }) orgUnitId?: string,
  ) {
    const req = pageRequest(page, ['timestamp', 'uuid']);
    const scope = tenantReadScope(ctx, 'leader', 'tenant-admin', 'dispatcher', 'intake-clerk', 'auditor');
    const b = await ctx.services.metrics.board(scope, orgUnitId ?? null, req);
    const entries = toPage(b.rows, req.first, (r) => [r.nextDue.toISOString(), r.id], !!req.after);
    return Object.assign(new WarningBoardType(), {
      entries: connectionFrom(entries, (r) =>
        Object.assign(new BoardEntryType(), {
          caseId: r.id,
          nextDueAt: r.nextDue.toISOString() === NO_DUE ? null : r.nextDue,
        }),
      ),
      perUnit: b.perUnit.map((u) =>
        Object.assign(new BoardUnitCountType(), { orgUnitId: u.org_unit_id, red: u.red, yellow: u.yellow }),
      ),
    });
  }
}

@Resolver(() => BoardEntryType)
export class BoardEntryResolver {
  @FieldResolver(() => CaseType)
  async case(@Root() e: BoardEntryType, @Ctx() ctx: RequestContext) {
    const c = await caseLoaders(ctx).byId.load(e.caseId);
    return c && CaseType.from(c);
  }
}

async function unitOf(ctx: RequestContext, orgUnitId: string | null) {
  const o = orgUnitId ? await orgUnitLoaders(ctx).byId.load(orgUnitId) : null;
  return o && OrgUnitType.from(o);
}

@Resolver(() => BoardUnitCountType)
export class BoardUnitCountResolver {
  @FieldResolver(() => OrgUnitType, { nullable: true })
  orgUnit(@Root() u: BoardUnitCountType, @Ctx() ctx: RequestContext) {
    return unitOf(ctx, u.orgUnitId);
  }
}

@Resolver(() => SupervisionUnitFiguresType)
export class SupervisionUnitFiguresResolver {
  @FieldResolver(() => OrgUnitType, {
    nullable: true,
    description: 'Null for notices sent before the case had a handling unit',
  })
  orgUnit(@Root() u: SupervisionUnitFiguresType, @Ctx() ctx: RequestContext) {
    return unitOf(ctx, u.orgUnitId);
  }
}
