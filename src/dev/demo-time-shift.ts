import { Client } from 'pg';

/**
 * Moves one demo case back in time: every timestamp of every row that belongs to the case is
 * shifted by the same interval in one transaction, so the case reads exactly as if it had
 * happened then (its clocks, checkpoints, sessions, visits, notifications and timeline keep their
 * distances). Demo-only: it runs as the owner role, because the timeline is append-only for the
 * app role, and the API never does this.
 *
 * Known limit: the distances are kept, not recomputed, so a deadline computed around a weekend
 * keeps that weekend's length wherever it lands.
 */

/** Rows keyed by `case_id`, with the timestamp columns each carries. */
export const CASE_TABLES: Record<string, string[]> = {
  case_events: ['occurred_at'],
  case_parties: ['created_at'],
  case_assignees: ['assigned_at'],
  case_escalations: ['escalated_at'],
  case_duplicates: [],
  deadlines: ['started_at', 'due_at', 'yellow_at', 'red_at', 'met_at', 'paused_at', 'created_at'],
  extension_requests: ['requested_due_at', 'decided_at', 'created_at'],
  follow_ups: ['due_at', 'completed_at', 'created_at'],
  mediation_sessions: ['starts_at', 'ends_at', 'created_at'],
  agreements: ['signed_at', 'confirmation_requested_at', 'confirmation_decided_at', 'created_at'],
  agreement_instalments: ['paid_at', 'created_at'],
  instalment_payments: ['paid_at', 'created_at'],
  intake_keys: ['created_at'],
  notifications: ['deliver_at', 'created_at', 'read_at'],
  referrals: ['outcome_at', 'referred_at'],
  supervision_notices: ['reply_by', 'replied_at', 'created_at'],
  consultations: ['occurred_at', 'created_at'],
  resident_reports: ['phone_verified_at', 'created_at'],
  resident_ratings: ['rated_at'],
  resident_mediation_requests: [
    'starts_at',
    'ends_at',
    'proposed_starts_at',
    'proposed_ends_at',
    'decided_at',
    'created_at',
  ],
};
/** Tables whose JSON `data` carries instants (session times, visit and reply dates) shown on screen. */
const JSON_TABLES = new Set(['case_events', 'notifications']);
const CASE_COLUMNS = [
  'reported_at',
  'accepted_at',
  'dispatched_at',
  'resolved_at',
  'closed_at',
  'created_at',
  'updated_at',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = String.raw`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$`;

function sets(columns: string[], d: string): string {
  return columns.map((c) => `${c} = ${c} + ${d}`).join(', ');
}

/** The top-level ISO instants of a JSON object, shifted; other values untouched. */
function shiftedJson(d: string): string {
  return `coalesce((select jsonb_object_agg(k, case when jsonb_typeof(v) = 'string' and v #>> '{}' ~ '${ISO_INSTANT}'
      then to_jsonb(to_char(((v #>> '{}')::timestamptz + ${d}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      else v end) from jsonb_each(case when jsonb_typeof(data) = 'object' then data else '{}'::jsonb end) j(k, v)), data)`;
}

/** The statements that shift case `caseId` of `tenantId` by `ms` milliseconds (negative: back). */
export function shiftCaseSql(tenantId: string, caseId: string, ms: number, days = Math.round(ms / 86_400_000)): string {
  if (!UUID.test(tenantId) || !UUID.test(caseId) || !Number.isInteger(ms) || !Number.isInteger(days))
    throw new Error('shiftCaseSql: bad input');
  const d = `interval '${ms} milliseconds'`;
  const t = `'${tenantId}'::uuid`;
  const c = `'${caseId}'::uuid`;
  const own = `tenant_id = ${t} and case_id = ${c}`;
  const out = [
    `select set_config('app.tenant_id', '${tenantId}', true)`,
    // Old days and new days of the daily figures both change; the metrics sweep recomputes them.
    `insert into case_stats_dirty (tenant_id, day)
       select ${t}, (x at time zone tz.time_zone)::date from cases,
         lateral unnest(array[reported_at, accepted_at, dispatched_at, resolved_at, closed_at,
                              reported_at + ${d}, accepted_at + ${d}, dispatched_at + ${d}, resolved_at + ${d}, closed_at + ${d}]) x,
         lateral (select time_zone from tenants where id = ${t}) tz
       where tenant_id = ${t} and id = ${c} and x is not null on conflict do nothing`,
    `update cases set ${sets(CASE_COLUMNS, d)} where tenant_id = ${t} and id = ${c}`,
    `update deadline_checkpoints set ${sets(['due_at', 'fired_at'], d)}
       where tenant_id = ${t} and deadline_id in (select id from deadlines where ${own})`,
    `update session_mediators set ${sets(['starts_at', 'ends_at'], d)}
       where tenant_id = ${t} and session_id in (select id from mediation_sessions where ${own})`,
    `update instalment_reminders set ${sets(['due_at', 'fired_at'], d)}
       where tenant_id = ${t} and instalment_id in (select id from agreement_instalments where ${own})`,
    `update agreement_instalments set due_on = due_on + ${days} where ${own}`,
    `update audit_events set occurred_at = occurred_at + ${d} where tenant_id = ${t} and target_id in (
       select ${c} union all select id from mediation_sessions where ${own} union all select id from follow_ups where ${own}
       union all select id from agreements where ${own} union all select id from supervision_notices where ${own})`,
  ];
  // An agreement's plan carries its due dates as days; they move by whole days, as due_on does.
  out.push(`update agreements set instalments = (select coalesce(jsonb_agg(case when i ? 'dueOn'
       then jsonb_set(i, '{dueOn}', to_jsonb(to_char((i->>'dueOn')::date + ${days}, 'YYYY-MM-DD'))) else i end), '[]'::jsonb)
       from jsonb_array_elements(instalments) i) where ${own} and jsonb_typeof(instalments) = 'array'`);
  for (const [table, columns] of Object.entries(CASE_TABLES)) {
    const assignments = [sets(columns, d), JSON_TABLES.has(table) ? `data = ${shiftedJson(d)}` : ''].filter(Boolean);
    if (assignments.length) out.push(`update ${table} set ${assignments.join(', ')} where ${own}`);
  }
  return out.join(';\n');
}

/** An owner connection that shifts committed demo cases, one transaction per shift. */
export class CaseTimeShifter {
  private constructor(private readonly client: Client) {}

  static async open(ownerUrl: string): Promise<CaseTimeShifter> {
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    return new CaseTimeShifter(client);
  }

  async shift(tenantId: string, caseId: string, ms: number): Promise<void> {
    await this.shiftAll([{ tenantId, caseId }], ms);
  }

  /** Several cases of one story (a town's case and the county's it opened) move together. */
  async shiftAll(
    cases: readonly { tenantId: string; caseId: string }[],
    ms: number,
    /** whole days for date-only columns (due dates); a story passes them so its roundings do not add up */
    days?: number,
  ): Promise<void> {
    if (Math.round(ms) === 0 || !cases.length) return;
    // One simple-protocol round trip: the whole story moves, or none of it does.
    const sql = cases.map((c) => shiftCaseSql(c.tenantId, c.caseId, Math.round(ms), days)).join(';\n');
    await this.run(`begin;\n${sql};\ncommit`);
  }

  private async run(sql: string): Promise<void> {
    await this.client.query(sql).catch(async (e) => {
      await this.client.query('rollback').catch(() => undefined);
      throw e;
    });
  }

  /**
   * Gives a story's cases the numbers kept for them (see `renumber`'s `reserved`): a case opened
   * today in the background carries today's next number until its story is told. The numbers in
   * the story's own timelines and notifications follow, and the counter gives back what the story
   * took when nobody reported meanwhile (else it leaves the gap rather than reuse a number).
   */
  async assignNumbers(cases: readonly { tenantId: string; caseId: string; number: string }[]): Promise<void> {
    if (!cases.length) return;
    for (const c of cases)
      if (!UUID.test(c.tenantId) || !UUID.test(c.caseId) || !/^[A-Z]+-\d{4}-\d{6}$/.test(c.number))
        throw new Error('assignNumbers: bad input');
    const old = new Map<string, string>();
    await this.client.query('begin');
    try {
      for (const c of cases) {
        await this.client.query(`select set_config('app.tenant_id', $1, true)`, [c.tenantId]);
        const { rows } = await this.client.query<{ number: string }>(
          'select number from cases where tenant_id = $1 and id = $2',
          [c.tenantId, c.caseId],
        );
        if (rows[0] && rows[0].number !== c.number) old.set(c.caseId, rows[0].number);
      }
      const pairs = cases.filter((c) => old.has(c.caseId)).map((c) => [old.get(c.caseId)!, c.number] as const);
      for (const c of cases) {
        await this.client.query(`select set_config('app.tenant_id', $1, true)`, [c.tenantId]);
        if (old.has(c.caseId))
          await this.client.query(
            'update cases set number = $3, masked_text = replace(masked_text, $4, $3) where tenant_id = $1 and id = $2',
            [c.tenantId, c.caseId, c.number, old.get(c.caseId)],
          );
        for (const [from, to] of pairs) {
          await this.client.query(
            `update case_events set data = replace(data::text, $3, $4)::jsonb
             where tenant_id = $1 and case_id = $2 and data::text like '%' || $3 || '%'`,
            [c.tenantId, c.caseId, from, to],
          );
          await this.client.query(
            `update notifications set data = replace(data::text, $3, $4)::jsonb, title = replace(title, $3, $4)
             where tenant_id = $1 and case_id = $2 and (data::text like '%' || $3 || '%' or title like '%' || $3 || '%')`,
            [c.tenantId, c.caseId, from, to],
          );
        }
      }
      // What the story took from each counter, given back when it is still the last number taken.
      const taken = new Map<string, { tenantId: string; year: number; top: number; n: number }>();
      for (const c of cases) {
        const was = old.get(c.caseId);
        if (!was) continue;
        const [, year, seq] = was.split('-');
        const k = `${c.tenantId}/${year}`;
        const t = taken.get(k) ?? { tenantId: c.tenantId, year: Number(year), top: 0, n: 0 };
        t.top = Math.max(t.top, Number(seq));
        t.n++;
        taken.set(k, t);
      }
      for (const t of taken.values()) {
        await this.client.query(`select set_config('app.tenant_id', $1, true)`, [t.tenantId]);
        await this.client.query(
          `update case_number_counters set last_value = last_value - $4
           where tenant_id = $1 and year = $2 and last_value = $3`,
          [t.tenantId, t.year, t.top, t.n],
        );
      }
      await this.client.query('commit');
    } catch (e) {
      await this.client.query('rollback').catch(() => undefined);
      throw e;
    }
  }

  /** The notifications of a case long settled were read then, not waiting in today's inbox. */
  async markRead(tenantId: string, caseId: string): Promise<void> {
    if (!UUID.test(tenantId) || !UUID.test(caseId)) throw new Error('markRead: bad input');
    await this.client.query(
      `begin; select set_config('app.tenant_id', '${tenantId}', true);
       update notifications set read_at = deliver_at + interval '20 minutes'
         where tenant_id = '${tenantId}'::uuid and case_id = '${caseId}'::uuid and read_at is null; commit`,
    );
  }

  /**
   * A case moved into last year still carries this year's number: renumber the tenant's cases per
   * year of their report, in report order, as the counter would have given them (no gaps), in
   * their own timeline and notifications too, and leave the counters where they would stand.
   * `reserved` keeps the first numbers of a year for older cases still to come (the history
   * loaded in the background), which `assignNumbers` gives them.
   */
  async renumber(
    tenantId: string,
    reserved: ReadonlyMap<number, number> = new Map(),
    linkedTenantIds: readonly string[] = [],
  ): Promise<void> {
    if (!UUID.test(tenantId) || !linkedTenantIds.every((l) => UUID.test(l))) throw new Error('renumber: bad tenant');
    for (const [y, n] of reserved)
      if (!Number.isInteger(y) || !Number.isInteger(n)) throw new Error('renumber: bad reserve');
    const kept = `(values ${[...reserved].map(([y, n]) => `(${y}, ${n})`).join(', ') || '(0, 0)'}) as k(y, n)`;
    const t = `'${tenantId}'::uuid`;
    const own = (alias: string) => `${alias}.tenant_id = ${t} and ${alias}.case_id = r.id and r.old <> r.new`;
    await this.client
      .query(
        `begin;
      select set_config('app.tenant_id', '${tenantId}', true);
      create temp table renum on commit drop as
        select id, old, y, prefix || '-' || y || '-' || lpad((coalesce((select n from ${kept} where k.y = x.y), 0)
          + row_number() over (partition by y order by reported_at, old))::text, 6, '0') as new
        from (select c.id, c.number as old, c.reported_at, t.case_number_prefix as prefix,
                extract(year from c.reported_at at time zone t.time_zone)::int as y
              from cases c join tenants t on t.id = c.tenant_id where c.tenant_id = ${t}) x;
      update cases c set number = r.new || '~' from renum r where c.tenant_id = ${t} and c.id = r.id and r.old <> r.new;
      update cases c set number = r.new, masked_text = replace(masked_text, r.old, r.new)
        from renum r where c.tenant_id = ${t} and c.id = r.id and c.number = r.new || '~';
      update case_events e set data = replace(e.data::text, r.old, r.new)::jsonb from renum r where ${own('e')};
      update notifications n set data = replace(n.data::text, r.old, r.new)::jsonb, title = replace(n.title, r.old, r.new)
        from renum r where ${own('n')};
      ${linkedTenantIds.map((l) => this.linkedSql(l)).join('\n')}
      select set_config('app.tenant_id', '${tenantId}', true);
      delete from case_number_counters where tenant_id = ${t};
      insert into case_number_counters (tenant_id, year, last_value)
        select ${t}, y, sum(n) from (select y, count(*) as n from renum group by y
          union all select y, n from ${kept} where y > 0) c group by y;
      commit`,
      )
      .catch(async (e) => {
        await this.client.query('rollback').catch(() => undefined);
        throw e;
      });
  }

  /**
   * A county's case names the town's case it came from, and the town's timeline names the county's
   * case: the linked tenant's cases of these origins follow the renumbering.
   */
  private linkedSql(linked: string): string {
    const l = `'${linked}'::uuid`;
    const linkedCases = `select id from cases where tenant_id = ${l}`;
    return `select set_config('app.tenant_id', '${linked}', true);
      update case_events e set data = replace(e.data::text, r.old, r.new)::jsonb from renum r
        where e.tenant_id = ${l} and e.case_id in (${linkedCases}) and r.old <> r.new and strpos(e.data::text, r.old) > 0;
      update notifications n set data = replace(n.data::text, r.old, r.new)::jsonb, title = replace(n.title, r.old, r.new)
        from renum r where n.tenant_id = ${l} and r.old <> r.new and (strpos(n.data::text, r.old) > 0 or strpos(n.title, r.old) > 0);`;
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
