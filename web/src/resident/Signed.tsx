import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session';
import { usePlace } from './unit-context';

/** Pages about the resident's own cases need a verified phone; otherwise to the code page and back. */
export function Signed({ children }: { children: ReactNode }) {
  const { tenant, base } = usePlace();
  const session = useSession(tenant);
  const here = useLocation();
  if (!session) {
    const next = here.pathname + here.search;
    return <Navigate to={`${base}/verify?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
