import { useSyncExternalStore } from 'react';

/**
 * The resident's session for one tenant: the short-lived token from `residentVerify` and the masked
 * number it was sent to. Kept in sessionStorage (this tab only, gone when it closes), never with the
 * staff console's keys, and dropped as soon as the API refuses it.
 */
export interface ResidentSession {
  token: string;
  expiresAt: string;
  sentTo: string;
}

const key = (tenant: string) => `onedoor.resident.${tenant}`;
const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; value: ResidentSession | null }>();

function read(tenant: string): ResidentSession | null {
  let raw: string | null = null;
  try {
    raw = sessionStorage.getItem(key(tenant));
  } catch {
    // Storage can be off in a private tab; the resident then verifies again after a reload.
  }
  const hit = cache.get(tenant);
  if (hit && hit.raw === raw) return hit.value;
  let value: ResidentSession | null = null;
  if (raw) {
    try {
      value = JSON.parse(raw) as ResidentSession;
    } catch {
      value = null;
    }
  }
  if (value && Date.parse(value.expiresAt) <= Date.now()) value = null;
  cache.set(tenant, { raw, value });
  return value;
}

export function sessionOf(tenant: string): ResidentSession | null {
  return read(tenant);
}

export function saveSession(tenant: string, s: ResidentSession | null): void {
  try {
    if (s) sessionStorage.setItem(key(tenant), JSON.stringify(s));
    else sessionStorage.removeItem(key(tenant));
  } catch {
    // See read(): without storage the session lives until the page reloads.
  }
  cache.set(tenant, { raw: s ? JSON.stringify(s) : null, value: s });
  for (const l of listeners) l();
}

export function useSession(tenant: string): ResidentSession | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => read(tenant),
  );
}
