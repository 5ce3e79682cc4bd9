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

/** Money paid on agreements' instalments in the period (docs/metrics.md), as decimal strings. */
export interface RecoveryFigures {
  amountPaid: string;
  /** of it, on labour disputes (category `labor` and below in the starter catalogue): wages recovered */
  wagesRecovered: string;
  payments: number;
  /** instalments due in the period, and of them those not paid in full by their due date */
  instalmentsDue: number;
  instalmentsLate: number;
}

/**
 * Payments recorded as arrived in the period on cases handled in the subtree, and how the
 * instalments that fell due in it were kept. Few rows per case; read live.
 */
export async function recoveryFigures(scope: TenantScope, q: Period): Promise<RecoveryFigures> {
  const unit = unitSql(scope, q.orgUnitId, 'c.org_unit_id');
  const tz = scope.tenant.timeZone;
  const [paid] = await scope.em.execute<{ amount: string; wages: string; n: number }[]>(
    `select coalesce(sum(p.amount), 0)::text as amount, count(*)::int as n,
       coalesce(sum(p.amount) filter (where k.code = 'labor' or k.code like 'labor-%'), 0)::text as wages
     from instalment_payments p join cases c on c.tenant_id = p.tenant_id and c.id = p.case_id
       left join categories k on k.tenant_id = c.tenant_id and k.id = c.category_id
     where p.tenant_id = ? and p.paid_at >= ? and p.paid_at < ? ${unit.sql}`,
    [scope.tenant.id, q.from, q.to, ...unit.params],
  );
  const [due] = await scope.em.execute<{ due: number; late: number }[]>(
    `select count(*)::int as due, count(*) filter (where
         (i.paid_at is null and (now() at time zone ?)::date > i.due_on) or (i.paid_at at time zone ?)::date > i.due_on)::int as late
     from agreement_instalments i join cases c on c.tenant_id = i.tenant_id and c.id = i.case_id
     where i.tenant_id = ? and i.due_on >= (?::timestamptz at time zone ?)::date and i.due_on < (?::timestamptz at time zone ?)::date ${unit.sql}`,
    [tz, tz, scope.tenant.id, q.from, tz, q.to, tz, ...unit.params],
  );
  return {
    amountPaid: Number(paid!.amount).toFixed(2),
    wagesRecovered: Number(paid!.wages).toFixed(2),
    payments: paid!.n,
    instalmentsDue: due!.due,
    instalmentsLate: due!.late,
  };
}
