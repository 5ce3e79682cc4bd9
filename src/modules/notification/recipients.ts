import { ancestorIdsSql } from '../../core/db/tree-sql';
import { pgArray } from '../../core/db/by-id';
import type { TenantScope } from '../../core/tenancy/scope';
import { isUuid, NIL_UUID } from '../../shared/ids';
import type { CaseAudience } from './case-audience';

export interface RecipientSpec {
  /** these active staff members, wherever they work */
  staffIds?: string[] | null;
  /** active staff members holding any of these roles… */
  roles?: string[] | null;
  /** …at this unit or a unit above it, or at no unit (tenant-wide staff); absent: anywhere */
  orgUnitId?: string | null;
  /** people by their relation to the notice's case */
  audiences?: readonly CaseAudience[] | null;
}

/**
 * How the list was reached: DIRECT as asked; otherwise the step of the fallback chain that found
 * someone when nobody asked for was there (NOBODY only in a tenant without a dispatcher or leader).
 */
export const RECIPIENT_ROUTES = [
  'DIRECT',
  'CASE_UNIT',
  'REPORTING_UNIT',
  'DISPATCHERS',
  'CENTER_LEADERS',
  'NOBODY',
] as const;
export type RecipientRoute = (typeof RECIPIENT_ROUTES)[number];

export interface Recipients {
  staffIds: string[];
  route: RecipientRoute;
}

/** The people at a unit's desk: who takes up work that has no owner yet. */
const DESK_ROLES = ['intake-clerk', 'dispatcher', 'leader'];

interface CaseRow {
  id: string;
  org_unit_id: string | null;
  reported_org_unit_id: string | null;
}

/**
 * The one recipient rule of the application: the SLA's warnings, escalations and 督办 and every
 * other notice resolve their people here. A notice about a case never goes to an empty list
 * while the tenant has someone to take it: when the asked-for people are missing (no assignee,
 * no unit, nobody in the role), it falls back along the case's unit → the reporting org unit
 * (and the units above it) → the tenant's dispatchers → the center's leaders.
 */
export async function resolveRecipients(
  scope: TenantScope,
  caseId: string | null,
  spec: RecipientSpec,
): Promise<Recipients> {
  if (spec.orgUnitId != null && !isUuid(spec.orgUnitId)) throw new Error('orgUnitId must be a UUID');
  const c = caseId ? await caseRow(scope, caseId) : null;
  const ids = new Set<string>([
    ...(await direct(scope, spec)),
    ...(c ? await byAudience(scope, c, spec.audiences ?? []) : []),
  ]);
  if (ids.size || !c) return { staffIds: [...ids].sort(), route: 'DIRECT' };
  const chain: [RecipientRoute, () => Promise<string[]>][] = [
    ['CASE_UNIT', () => (c.org_unit_id ? deskAt(scope, c.org_unit_id) : Promise.resolve([]))],
    [
      'REPORTING_UNIT',
      () => (c.reported_org_unit_id ? deskAtOrAbove(scope, c.reported_org_unit_id) : Promise.resolve([])),
    ],
    ['DISPATCHERS', () => withRole(scope, 'dispatcher')],
    ['CENTER_LEADERS', () => centerLeaders(scope, true)],
  ];
  for (const [route, find] of chain) {
    const found = await find();
    if (found.length) return { staffIds: found, route };
  }
  return { staffIds: [], route: 'NOBODY' };
}

async function caseRow(scope: TenantScope, caseId: string): Promise<CaseRow | null> {
  if (!isUuid(caseId)) return null;
  const [row] = await scope.em.execute<CaseRow[]>(
    'select id, org_unit_id, reported_org_unit_id from cases where tenant_id = ? and id = ?',
    [scope.tenant.id, caseId],
  );
  return row ?? null;
}

/** Listed people, and role holders at the unit or above it, or at no unit. */
async function direct(scope: TenantScope, spec: RecipientSpec): Promise<string[]> {
  const staffIds = (spec.staffIds ?? []).filter(isUuid);
  const roles = spec.roles ?? [];
  if (!staffIds.length && !roles.length) return [];
  const t = scope.tenant.id;
  const chain = ancestorIdsSql('org_units', t, spec.orgUnitId ?? NIL_UUID);
  return ids(
    scope,
    `select s.id from staff_members s
     where s.tenant_id = ? and s.active and (
       s.id = any(?::uuid[])
       or (s.roles && ?::text[] and (?::uuid is null or s.org_unit_id is null or s.org_unit_id in ${chain.sql})))
     order by s.id`,
    [t, pgArray(staffIds), pgArray(roles), spec.orgUnitId ?? null, ...chain.params],
  );
}

async function byAudience(scope: TenantScope, c: CaseRow, audiences: readonly CaseAudience[]): Promise<string[]> {
  const t = scope.tenant.id;
  const found = new Set<string>();
  for (const a of new Set(audiences)) {
    let list: string[] = [];
    if (a === 'VISITOR') {
      list = await ids(
        scope,
        `select distinct s.id from follow_ups f join staff_members s on s.tenant_id = f.tenant_id and s.id = f.assignee_id
         where f.tenant_id = ? and f.case_id = ? and f.status = 'SCHEDULED' and s.active order by s.id`,
        [t, c.id],
      );
      // A visit nobody was named for is its handlers' to make.
      if (!list.length) list = await byAudience(scope, c, ['HANDLER']);
    }
    if (a === 'HANDLER') {
      list = await ids(
        scope,
        `select s.id from case_assignees a join staff_members s on s.tenant_id = a.tenant_id and s.id = a.staff_id
         where a.tenant_id = ? and a.case_id = ? and s.active order by s.id`,
        [t, c.id],
      );
      if (!list.length && c.org_unit_id) list = await deskAt(scope, c.org_unit_id, ['intake-clerk', 'dispatcher']);
    }
    if (a === 'UNIT_LEAD' && c.org_unit_id) list = await deskAt(scope, c.org_unit_id, ['leader']);
    if (a === 'CENTER_LEAD') list = await centerLeaders(scope, false);
    if (a === 'LEADER') list = await withRole(scope, 'leader');
    for (const id of list) found.add(id);
  }
  return [...found];
}

function deskAt(scope: TenantScope, unitId: string, roles = DESK_ROLES): Promise<string[]> {
  return ids(
    scope,
    'select id from staff_members where tenant_id = ? and active and org_unit_id = ? and roles && ?::text[] order by id',
    [scope.tenant.id, unitId, pgArray(roles)],
  );
}

/** The desk of the unit, else of the nearest unit above it that has one. */
async function deskAtOrAbove(scope: TenantScope, unitId: string): Promise<string[]> {
  const t = scope.tenant.id;
  const chain = ancestorIdsSql('org_units', t, unitId);
  const units = await scope.em.execute<{ id: string }[]>(`select id from ${chain.sql} as u`, chain.params);
  for (const u of units) {
    const found = await deskAt(scope, u.id);
    if (found.length) return found;
  }
  return [];
}

function withRole(scope: TenantScope, role: string): Promise<string[]> {
  return ids(scope, 'select id from staff_members where tenant_id = ? and active and ? = any(roles) order by id', [
    scope.tenant.id,
    role,
  ]);
}

/**
 * Leaders of the top unit; as the last step of the fallback chain also tenant-wide leaders (at no
 * unit) and, failing those, any leader of the tenant.
 */
async function centerLeaders(scope: TenantScope, asLastResort: boolean): Promise<string[]> {
  const t = scope.tenant.id;
  const top = await ids(
    scope,
    `select s.id from staff_members s where s.tenant_id = ? and s.active and 'leader' = any(s.roles)
       and (s.org_unit_id in (select id from org_units where tenant_id = ? and parent_id is null and archived_at is null)
            ${asLastResort ? 'or s.org_unit_id is null' : ''})
     order by s.id`,
    [t, t],
  );
  return top.length || !asLastResort ? top : withRole(scope, 'leader');
}

async function ids(scope: TenantScope, sql: string, params: unknown[]): Promise<string[]> {
  return (await scope.em.execute<{ id: string }[]>(sql, params)).map((r) => r.id);
}
