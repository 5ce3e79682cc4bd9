import { useEffect, useRef } from 'react';
import { useSubscription } from '@apollo/client/react';
import { CaseChangesDocument } from '../gql/graphql';

const BOARD_EVENTS = CaseChangesDocument;

/**
 * Calls `refresh` (at most once a second) when a case of the center changes, e.g. another
 * clerk accepted it or a deadline turned it red. Delivery is at most once, so screens also
 * refetch whenever they are opened.
 */
export function useCaseChanges(refresh: (caseId: string) => void, only?: string): void {
  const { data } = useSubscription(BOARD_EVENTS);
  const last = useRef(0);
  const ref = useRef(refresh);
  ref.current = refresh;
  useEffect(() => {
    const e = data?.boardEvents;
    if (!e || (only && e.caseId !== only)) return;
    const wait = Math.max(0, last.current + 1000 - Date.now());
    const h = setTimeout(() => {
      last.current = Date.now();
      ref.current(e.caseId);
    }, wait);
    return () => clearTimeout(h);
  }, [data, only]);
}
