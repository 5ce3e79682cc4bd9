import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Harness } from './harness';
import { eventually } from './eventually';

export const BOARD_EVENTS = /* GraphQL */ `
  subscription($f: BoardEventFilter) { boardEvents(filter: $f) { type caseId caseNumber status warningLevel orgUnitId occurredAt eventType } }`;

export interface BoardEventView {
  type: 'CASE_CHANGED' | 'WARNING_RAISED';
  caseId: string;
  caseNumber: string;
  status: string;
  warningLevel: string;
  orgUnitId: string | null;
  occurredAt: string;
  eventType: string;
}

export interface GqlErrorView {
  message: string;
  extensions?: { code?: string };
}

/** One subscription on its own socket, recording everything the server sends it. */
export interface LiveSubscription<T> {
  client: Client;
  /** `data` of each `next` message */
  data: T[];
  /** errors of `next` payloads and of `error` messages */
  errors: GqlErrorView[];
  /** the socket's close, when the server closed it */
  closed: { code: number; reason: string } | null;
  /** settles when the subscription ends: completed, refused or its socket closed */
  ended: Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Subscribes over a real WebSocket with graphql-ws's client. `params` are the connection
 * parameters (`authorization`, `x-tenant-id`); no retries, so a refusal shows as it is.
 */
export function subscribeWs<T = Record<string, unknown>>(
  h: Harness,
  params: Record<string, unknown>,
  query: string,
  variables: Record<string, unknown> = {},
): LiveSubscription<T> {
  const live: Omit<LiveSubscription<T>, 'ended' | 'dispose' | 'client'> = { data: [], errors: [], closed: null };
  const client = createClient({
    url: `${h.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: params,
    retryAttempts: 0,
    on: {
      closed: (e) => {
        const ev = e as { code?: number; reason?: string | Buffer };
        live.closed ??= { code: ev.code ?? 0, reason: String(ev.reason ?? '') };
      },
    },
  });
  const ended = new Promise<void>((resolve) => {
    client.subscribe<T>(
      { query, variables },
      {
        next: (r) => {
          if (r.errors) live.errors.push(...(r.errors as GqlErrorView[]));
          if (r.data) live.data.push(r.data as T);
        },
        error: (e) => {
          if (Array.isArray(e)) live.errors.push(...(e as GqlErrorView[]));
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });
  return Object.assign(live, {
    client,
    ended,
    dispose: async () => {
      await client.dispose();
    },
  });
}

/** Board events of a tenant, with the token in the connection parameters. */
export function subscribeBoard(
  h: Harness,
  token: string,
  opts: { tenant?: string; filter?: Record<string, unknown>; lang?: string } = {},
): LiveSubscription<{ boardEvents: BoardEventView }> {
  return subscribeWs(
    h,
    {
      authorization: `Bearer ${token}`,
      ...(opts.tenant ? { 'x-tenant-id': opts.tenant } : {}),
      ...(opts.lang ? { 'accept-language': opts.lang } : {}),
    },
    BOARD_EVENTS,
    { f: opts.filter ?? null },
  );
}

export const eventsOf = (s: LiveSubscription<{ boardEvents: BoardEventView }>) => s.data.map((d) => d.boardEvents);

/**
 * Waits until this process has `n` subscribers on the tenant's board and Redis has confirmed
 * the channel's SUBSCRIBE: from then on every event published for the tenant reaches them.
 */
export async function waitForSubscribers(
  h: Harness,
  tenantId: string,
  n = 1,
  subs: LiveSubscription<unknown>[] = [],
): Promise<void> {
  const channel = h.rt.services.board.channel(tenantId);
  let seen = { here: 0, redis: 0 };
  const live = async () => {
    const [, count] = (await h.rt.redis.pubsub('NUMSUB', channel)) as [string, number];
    seen = { here: h.rt.services.board.subscribers(tenantId), redis: Number(count) };
    return seen.here >= n && seen.redis >= 1;
  };
  if (!(await eventually(live, (ok) => ok, 10_000, 20))) {
    // What the subscriptions were told says why one of them never became live.
    const told = subs.map((s) => ({ errors: s.errors, closed: s.closed }));
    throw new Error(
      `${seen.here} of ${n} subscriber(s) live on ${channel} (Redis: ${seen.redis}); told: ${JSON.stringify(told)}`,
    );
  }
}

/** Waits until `probe` holds for what a subscription has received. */
export async function received<T>(s: { data: T[] }, ok: (data: T[]) => boolean, ms = 5000): Promise<T[]> {
  return eventually(async () => s.data, ok, ms, 20);
}
