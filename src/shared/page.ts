/** A keyset page of rows as services return it; resolvers turn it into a Relay connection. */
export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount?: () => Promise<number>;
}

export interface PageRequest {
  first: number;
  /** the decoded keyset of the `after` cursor, or null for the first page */
  after: string[] | null;
}

export const encodeCursor = (key: string[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Fetch `size + 1` rows in key order, then shape them into a page. */
export function toPage<T>(rows: T[], size: number, key: (row: T) => string[], hadCursor: boolean): Page<T> {
  const nodes = rows.slice(0, size);
  return {
    nodes,
    cursors: nodes.map((n) => encodeCursor(key(n))),
    hasNextPage: rows.length > size,
    hasPreviousPage: hadCursor,
  };
}
