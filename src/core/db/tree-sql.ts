/**
 * The recursive queries over a tenant's trees (org units, categories): one text each, so a fix
 * to the walk (a depth guard, the tenant predicate on every step) reaches every caller. Each
 * returns a parenthesised `select id …` to use after `in`, with its parameters.
 */
type TreeTable = 'org_units' | 'categories';

/** The node and everything under it. */
export function subtreeIdsSql(table: TreeTable, tenantId: string, rootId: string): { sql: string; params: unknown[] } {
  return {
    sql: `(with recursive sub as (select id from ${table} where tenant_id = ? and id = ? union all
     select t.id from ${table} t join sub on t.parent_id = sub.id where t.tenant_id = ?) select id from sub)`,
    params: [tenantId, rootId, tenantId],
  };
}

/** The node and its ancestors, nearest first (`order by depth` inside), at most 32 levels up. */
export function ancestorIdsSql(table: TreeTable, tenantId: string, id: string): { sql: string; params: unknown[] } {
  return {
    sql: `(with recursive up (id, parent_id, depth) as (
         select id, parent_id, 0 from ${table} where tenant_id = ? and id = ?::uuid
         union all
         select t.id, t.parent_id, up.depth + 1 from ${table} t join up on t.tenant_id = ? and t.id = up.parent_id where up.depth < 32)
       select id from up order by depth)`,
    params: [tenantId, id, tenantId],
  };
}
