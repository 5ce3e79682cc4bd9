/**
 * The three operations, as each API spells them, and one normal form of their answers so the
 * bench can check both return the same rows before it times anything. OneDoor leaves merged cases
 * out of `cases`; the seed has none, so PostGraphile's plain `allCases` holds the same rows.
 */
export interface BenchQuery {
  name: string;
  onedoor: string;
  postgraphile: string;
  /** the rows of either answer, in one shape */
  rows(api: 'onedoor' | 'postgraphile', data: Record<string, unknown>): unknown;
}

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const ORDER = 'orderBy: [REPORTED_AT_DESC, ROW_ID_DESC]';

export function benchQueries(tenantId: string, caseId: string): BenchQuery[] {
  return [
    {
      name: 'page of 20 cases + category',
      onedoor:
        '{ cases(first: 20) { pageInfo { hasNextPage } edges { node { id number title status reportedAt category { name } } } } }',
      postgraphile: `{ allCases(first: 20, ${ORDER}) { pageInfo { hasNextPage } edges { node { rowId number title status reportedAt categoryByTenantIdAndCategoryId { name } } } } }`,
      rows: (api, d) => {
        const c = (api === 'onedoor' ? d['cases'] : d['allCases']) as Obj;
        return {
          hasNextPage: c['pageInfo'].hasNextPage,
          rows: (c['edges'] as Obj[]).map(({ node: n }) => ({
            id: n['id'] ?? n['rowId'],
            number: n['number'],
            title: n['title'],
            status: n['status'],
            reportedAt: ms(n['reportedAt']),
            category: (n['category'] ?? n['categoryByTenantIdAndCategoryId'])?.name ?? null,
          })),
        };
      },
    },
    {
      name: '20 cases + parties, assignees',
      onedoor:
        '{ cases(first: 20) { edges { node { id number category { name } parties { name role phone } assignees { isLead staff { name } } } } } }',
      postgraphile: `{ allCases(first: 20, ${ORDER}) { edges { node { rowId number categoryByTenantIdAndCategoryId { name } casePartiesByTenantIdAndCaseId(orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) { nodes { name role phone } } caseAssigneesByTenantIdAndCaseId(orderBy: [IS_LEAD_DESC, ASSIGNED_AT_ASC]) { nodes { isLead staffMemberByTenantIdAndStaffId { name } } } } } } }`,
      rows: (api, d) => {
        const c = (api === 'onedoor' ? d['cases'] : d['allCases']) as Obj;
        return (c['edges'] as Obj[]).map(({ node: n }) => ({
          id: n['id'] ?? n['rowId'],
          number: n['number'],
          category: (n['category'] ?? n['categoryByTenantIdAndCategoryId'])?.name ?? null,
          parties: ((n['parties'] ?? n['casePartiesByTenantIdAndCaseId'].nodes) as Obj[]).map((p) => [
            p['name'],
            p['role'],
            p['phone'],
          ]),
          assignees: ((n['assignees'] ?? n['caseAssigneesByTenantIdAndCaseId'].nodes) as Obj[]).map((a) => [
            a['isLead'],
            (a['staff'] ?? a['staffMemberByTenantIdAndStaffId'])?.name ?? null,
          ]),
        }));
      },
    },
    {
      name: 'one case + timeline',
      onedoor: `{ case(id: "${caseId}") { id number title status timeline(first: 20) { edges { node { type occurredAt actorSubject data } } } } }`,
      postgraphile: `{ caseByTenantIdAndRowId(tenantId: "${tenantId}", rowId: "${caseId}") { rowId number title status caseEventsByTenantIdAndCaseId(first: 20, orderBy: [OCCURRED_AT_ASC, ROW_ID_ASC]) { nodes { type occurredAt actorSubject data } } } }`,
      rows: (api, d) => {
        const c = (api === 'onedoor' ? d['case'] : d['caseByTenantIdAndRowId']) as Obj | null;
        if (!c) return null;
        const events = (
          api === 'onedoor' ? c['timeline'].edges.map((e: Obj) => e['node']) : c['caseEventsByTenantIdAndCaseId'].nodes
        ) as Obj[];
        return {
          id: c['id'] ?? c['rowId'],
          number: c['number'],
          title: c['title'],
          status: c['status'],
          events: events.map((e) => [e['type'], ms(e['occurredAt']), e['actorSubject'], canonical(e['data'])]),
        };
      },
    },
  ];
}

/** JSON with sorted keys: jsonb's key order is not the order a JS object was written in. */
function canonical(v: unknown): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(sort)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.entries(x as Obj)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, y]) => [k, sort(y)]),
          )
        : x;
  return JSON.stringify(sort(v));
}
