import type { TenantScope } from '../../core/tenancy/scope';
import { subtreeIdsSql } from '../../core/db/tree-sql';
import { idOrNoMatch } from '../../shared/ids';

/** The period and subtree asked for (the shape of MetricsQuery, kept here so neither file imports the other). */
interface Period {
  from: Date;
  to: Date;
  orgUnitId?: string | null;
}

/** Help given at the window that was not a dispute, in the period (docs/metrics.md). */
export interface ConsultationFigures {
  total: number;
  minutes: number;
  turnedIntoCases: number;
  byTopic: { topic: string; count: number; minutes: number }[];
}

function unitSql(scope: TenantScope, orgUnitId: string | null | undefined, column: string) {
  if (!orgUnitId) return { sql: '', params: [] as unknown[] };
  const sub = subtreeIdsSql('org_units', scope.tenant.id, idOrNoMatch(orgUnitId));
  return { sql: `and ${column} in ${sub.sql}`, params: sub.params };
}

/**
 * Consultations that took place in the period at units of the subtree, by topic. Their own
 * cohort (when they happened), not the cases': a consultation is not a case until it is turned
 * into one, and then it is counted here as well as among the cases reported.
 */
export async function consultationFigures(scope: TenantScope, q: Period): Promise<ConsultationFigures> {
  const unit = unitSql(scope, q.orgUnitId, 'k.org_unit_id');
  const rows = await scope.em.execute<{ topic: string; count: number; minutes: number; cases: number }[]>(
    `select k.topic, count(*)::int as count, sum(k.minutes)::int as minutes, count(k.case_id)::int as cases
     from consultations k where k.tenant_id = ? and k.occurred_at >= ? and k.occurred_at < ? ${unit.sql}
     group by k.topic order by 2 desc, 1`,
    [scope.tenant.id, q.from, q.to, ...unit.params],
  );
  return {
    total: rows.reduce((n, r) => n + r.count, 0),
    minutes: rows.reduce((n, r) => n + r.minutes, 0),
    turnedIntoCases: rows.reduce((n, r) => n + r.cases, 0),
    byTopic: rows.map(({ topic, count, minutes }) => ({ topic, count, minutes })),
  };
}
