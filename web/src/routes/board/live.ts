import { useEffect, useRef, useState } from 'react';
import { createClient } from 'graphql-ws';
import { print } from 'graphql';
import { currentTenant, token } from '../../app/auth';
import { BOARD_EVENTS } from './board-documents';

export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * The board's live feed: `boardEvents` over graphql-ws on the same origin, the token in the
 * connection parameters. The API delivers at most once, so every event and every reconnect ends in
 * a refetch over HTTP: rows are replaced, never appended, and what was missed while the socket was
 * down comes back with the next answer. The first event refetches at once (the hall should see a
 * new warning within a second); events arriving while that refetch runs are coalesced into one
 * more refetch after it, so a burst (a sweep turning fifty cases yellow) costs two, not fifty.
 */
export function useBoardLive(orgUnitId: string | null, refetch: () => Promise<unknown>): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const refetchRef = useRef(refetch);
  refetchRef.current = refetch;

  useEffect(() => {
    let running = false;
    let again = false;
    let stopped = false;
    const soon = () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      void refetchRef
        .current()
        .catch(() => undefined)
        .finally(() => {
          running = false;
          if (again && !stopped) {
            again = false;
            soon();
          }
        });
    };
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const client = createClient({
      url: `${scheme}://${window.location.host}/graphql`,
      connectionParams: () => {
        const p: Record<string, string> = {};
        const t = token();
        if (t) p['authorization'] = `Bearer ${t}`;
        const tenant = currentTenant();
        if (tenant) p['x-tenant-id'] = tenant;
        return p;
      },
      lazy: false,
      keepAlive: 10_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      // 1 s, 2 s, 4 s … up to 15 s, with jitter so a restarted API is not hit by every board at once.
      retryWait: (n) => new Promise((r) => setTimeout(r, Math.min(15_000, 1000 * 2 ** n) * (0.5 + Math.random()))),
      on: {
        connected: (_socket, _payload, wasRetry) => {
          setState('live');
          if (wasRetry) soon();
        },
        closed: () => setState('offline'),
        error: () => setState('offline'),
      },
    });
    const stop = client.subscribe(
      { query: print(BOARD_EVENTS), variables: { filter: orgUnitId ? { orgUnitId } : null } },
      { next: soon, error: () => setState('offline'), complete: () => undefined },
    );
    return () => {
      stopped = true;
      stop();
      void client.dispose();
    };
  }, [orgUnitId]);
  return state;
}
