import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badUserInput } from '../errors/errors';
import { isUuid } from '../../shared/ids';
import type { Page, PageRequest } from '../../shared/page';

// Pages are the services' own data (shared/page); re-exported for the resolvers that build connections.
export { toPage, encodeCursor, type Page, type PageRequest } from '../../shared/page';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, at most ${MAX_PAGE_SIZE}` })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** Checked in the resolver before any SQL runs (the cost plugin refused oversize literals already). */
export function pageRequest(args: PageArgs, shape: CursorPart[]): PageRequest {
  return { first: pageSize(args), after: decodeCursor(args.after, shape) };
}

function pageSize(args: PageArgs): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput({ id: 'error.pageSizeRange', values: { max: MAX_PAGE_SIZE } });
  }
  return first;
}

/** Opaque keyset cursor: base64url of the sort key values. */

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export type CursorPart = 'string' | 'uuid' | 'timestamp';

/** Decodes a cursor this API issued; anything else (forged, stale shape) is the caller's error. */
export function decodeCursor(cursor: string | null | undefined, shape: CursorPart[]): string[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(key) &&
      key.length === shape.length &&
      shape.every(
        (t, i) =>
          typeof key[i] === 'string' && (t === 'string' || (t === 'uuid' ? isUuid(key[i]) : ISO_RE.test(key[i]))),
      )
    ) {
      return key as string[];
    }
  } catch {
    /* fall through */
  }
  throw badUserInput({ id: 'error.badCursor' });
}

/**
 * Connections, edges and page info are plain data: `simpleResolvers` gives their fields graphql-js's
 * own property resolver instead of type-graphql's per-field wrapper (there is no middleware to run).
 */
export function createConnectionType<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => nodeType) node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class Connection {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Counted only when asked for' })
    totalCount!: number;
  }
  return Connection;
}

/** Plain data for a connection; `totalCount` is a getter so it costs a query only when selected. */
export function connectionFrom<T, N>(page: Page<T>, map: (row: T) => N) {
  const count = page.totalCount ?? (async () => page.nodes.length);
  return {
    edges: page.nodes.map((n, i) => ({ cursor: page.cursors[i]!, node: map(n) })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors.at(-1) ?? null,
    },
    get totalCount() {
      return count();
    },
  };
}
