/**
 * Reads that return plain rows instead of managed entities: no identity map, no change-tracking
 * snapshot, no flush to compare it at the end. For the read path only; writes keep the unit of
 * work. A row type lists its columns once; the SELECT list aliases each to its property name.
 */
export type ColumnKind = 'value' | 'timestamp';

export interface RowShape<T> {
  /** the select list, `<alias>.<column> as "<property>"`, for one table alias */
  select(alias: string, prefix?: string): string;
  /** {@link select} of these properties only (the rest read as absent: null timestamps, undefined values) */
  selectOnly(alias: string, properties: ReadonlySet<keyof T & string>): string;
  /**
   * the row as PostgreSQL returned it (prefix: the one given to select) → the typed object;
   * without a prefix it is `raw` itself, converted in place (extra columns stay on it, unseen by T)
   */
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
  const s = String(v);
  return utcText(s) ?? new Date(parseable(s));
}

const parseable = (pg: string) => {
  const s = pg.replace(' ', 'T');
  return /[+-]\d\d$/.test(s) ? `${s}:00` : s;
};

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/**
 * The shapes the app's sessions send (UTC: `2026-11-27 06:15:02.123456+00`, and in JSON
 * `2026-11-27T06:15:02.123456+00:00`), read digit by
 * digit: a page of cases holds a few hundred timestamps, and the general parse (string edits and
 * Date's parser) was a few percent of a list request. Any other shape: null, for the general one.
 * Microseconds are cut to milliseconds, as Date's parser cuts them.
 */
function utcText(s: string): Date | null {
  // The zone as a row's column carries it (`+00`), or as json_build_object writes it (`T…+00:00`).
  const zone = s.endsWith('+00') ? 3 : s.endsWith('+00:00') ? 6 : 0;
  const n = s.length - zone;
  if (!zone || n < 19 || s[4] !== '-' || (s[10] !== ' ' && s[10] !== 'T')) return null;
  let ms = 0;
  if (s[19] === '.') for (let i = 20, scale = 100; i < n && scale >= 1; i++, scale /= 10) ms += digit(s, i) * scale;
  const year = two(s, 0) * 100 + two(s, 2);
  return new Date(Date.UTC(year, two(s, 5) - 1, two(s, 8), two(s, 11), two(s, 14), two(s, 17), ms));
}

export function rowShape<T>(columns: Record<keyof T & string, ColumnKind>): RowShape<T> {
  const entries = Object.entries(columns) as [string, ColumnKind][];
  const stamps = entries.filter(([, k]) => k === 'timestamp').map(([p]) => p);
  const values = entries.filter(([, k]) => k === 'value').map(([p]) => p);
  const list = (alias: string, prefix: string, only?: ReadonlySet<string>) =>
    entries
      .filter(([p]) => !only || only.has(p))
      .map(([p]) => `${alias}.${snake(p)} as "${prefix}${p}"`)
      .join(', ');
  return {
    select: (alias, prefix = '') => list(alias, prefix),
    selectOnly: (alias, properties) => list(alias, '', properties),
    json: (alias) => `json_build_object(${entries.map(([p]) => `'${p}', ${alias}.${snake(p)}`).join(', ')})`,
    read(raw, prefix = '') {
      // Unprefixed: the driver's own row object is the row (its timestamps converted in place);
      // a copy per row was measurable on a page, and the types' `from()` copy only their fields.
      if (!prefix) {
        for (const p of stamps) raw[p] = pgTimestamp(raw[p]);
        return raw as T;
      }
      const row: Record<string, unknown> = {};
      for (const p of values) row[p] = raw[prefix + p];
      for (const p of stamps) row[p] = pgTimestamp(raw[prefix + p]);
      return row as T;
    },
  };
}
