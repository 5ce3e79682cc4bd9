import type { ReadScope } from '../tenancy/scope';
import { toPage, type Page, type PageRequest } from '../../shared/page';
import type { Planning } from './tenant-read';

/** One keyset-paginated list read as plain rows: what the table and its filter are, and how a row reads. */
export interface PageQuery<T> {
  /** `select <columns> from <table> <alias>`: the statement up to its WHERE */
  select: string;
  /** `?` parameters of the select list itself (they come before the filter's) */
  selectParams?: unknown[];
  /** the filter's conditions (joined with `and`) and their `?` parameters */
  where: string[];
  params: unknown[];
  /** the key columns in order, e.g. `['e.occurred_at', 'e.id']` */
  key: [string, string];
  descending: boolean;
  /** the table and alias the count reads, e.g. `case_events e` */
  countFrom: string;
  read(raw: Record<string, unknown>): T;
  /** the cursor of a row: its key values as text */
  cursor(row: T): string[];
  planning?: Planning;
}

/**
 * The page (`first + 1` rows after the cursor, in key order) in one statement, and its count as a
 * statement of its own run only when `totalCount` is read.
 */
export async function readPage<T>(scope: ReadScope, q: PageQuery<T>, { first, after }: PageRequest): Promise<Page<T>> {
  const [k1, k2] = q.key;
  const dir = q.descending ? 'desc' : 'asc';
  const where = [...q.where];
  const params = [...q.params];
  if (after) {
    where.push(`(${k1}, ${k2}) ${q.descending ? '<' : '>'} (?, ?)`);
    params.push(after[0], after[1]);
  }
  const raw = await scope.read(
    `${q.select} where ${where.join(' and ')} order by ${k1} ${dir}, ${k2} ${dir} limit ?`,
    [...(q.selectParams ?? []), ...params, first + 1],
    q.planning,
  );
  const page = toPage(
    raw.map((r) => q.read(r)),
    first,
    (row) => q.cursor(row),
    !!after,
  );
  page.totalCount = async () => {
    const [row] = await scope.read<{ n: number }>(
      `select count(*)::int as n from ${q.countFrom} where ${q.where.join(' and ')}`,
      q.params,
      q.planning,
    );
    return row!.n;
  };
  return page;
}
