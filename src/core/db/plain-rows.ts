/**
 * Reads that return plain rows instead of managed entities: no identity map, no change-tracking
 * snapshot, no flush to compare it at the end. For the read path only; writes keep the unit of
 * work. A row type lists its columns once; the SELECT list aliases each to its property name.
 */
export type ColumnKind = 'value' | 'timestamp';

export interface RowShape<T> {
  /** the select list, `<alias>.<column> as "<property>"`, for one table alias */
  select(alias: string, prefix?: string): string;
  /** the row as PostgreSQL returned it (prefix: the one given to select) → the typed object */
  read(raw: Record<string, unknown>, prefix?: string): T;
  /** `json_build_object(...)` of the row, to aggregate rows of a relation into a parent's row */
  json(alias: string): string;
}

const snake = (p: string) => p.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/**
 * timestamptz as MikroORM's connection leaves it (text, UTC: `2026-11-27 06:15:02.123456+00`)
 * to a Date; it is what the ORM would have hydrated.
 */
export function pgTimestamp(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  const s = String(v).replace(' ', 'T');
  return new Date(/[+-]\d\d$/.test(s) ? `${s}:00` : s);
}

export function rowShape<T>(columns: Record<keyof T & string, ColumnKind>): RowShape<T> {
  const entries = Object.entries(columns) as [string, ColumnKind][];
  const stamps = entries.filter(([, k]) => k === 'timestamp').map(([p]) => p);
  const values = entries.filter(([, k]) => k === 'value').map(([p]) => p);
  return {
    select: (alias, prefix = '') => entries.map(([p]) => `${alias}.${snake(p)} as "${prefix}${p}"`).join(', '),
    json: (alias) => `json_build_object(${entries.map(([p]) => `'${p}', ${alias}.${snake(p)}`).join(', ')})`,
    read(raw, prefix = '') {
      const row: Record<string, unknown> = {};
      for (const p of values) row[p] = raw[prefix + p];
      for (const p of stamps) row[p] = pgTimestamp(raw[prefix + p]);
      return row as T;
    },
  };
}
