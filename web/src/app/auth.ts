import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

/** What /config.json tells the page: the built-in development issuer, or the Keycloak realm. */
export type AuthConfig = { mode: 'local' } | { mode: 'oidc'; authority: string; clientId: string };

const TOKEN_KEY = 'onedoor.token';
const TENANT_KEY = 'onedoor.tenant';
let config: AuthConfig = { mode: 'local' };
let manager: UserManager | null = null;
let oidcUser: User | null = null;

export async function initAuth(): Promise<AuthConfig> {
  const res = await fetch('/config.json');
  config = ((await res.json()) as { auth: AuthConfig }).auth;
  if (config.mode === 'oidc') {
    const origin = window.location.origin;
    manager = new UserManager({
      authority: config.authority,
      client_id: config.clientId,
      redirect_uri: `${origin}/auth/callback`,
      silent_redirect_uri: `${origin}/auth/silent`,
      post_logout_redirect_uri: `${origin}/`,
      response_type: 'code',
      scope: 'openid profile',
      automaticSilentRenew: true,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    });
    manager.events.addUserLoaded((u) => {
      oidcUser = u;
    });
    manager.events.addUserUnloaded(() => {
      oidcUser = null;
    });
    manager.events.addSilentRenewError(() => signIn());
    oidcUser = await manager.getUser();
  }
  return config;
}

export const authMode = () => config.mode;

export function token(): string | null {
  if (config.mode === 'oidc') return oidcUser && !oidcUser.expired ? oidcUser.access_token : null;
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setLocalToken(t: string): void {
  sessionStorage.setItem(TOKEN_KEY, t);
}

export const currentTenant = () => localStorage.getItem(TENANT_KEY);
export function chooseTenant(code: string | null): void {
  if (code) localStorage.setItem(TENANT_KEY, code);
  else localStorage.removeItem(TENANT_KEY);
}

let redirecting = false;
/** To the sign-in page and, afterwards, back to `returnTo` (the page the person was on). */
export function signIn(returnTo = window.location.pathname + window.location.search, expired = false): void {
  if (redirecting) return;
  redirecting = true;
  sessionStorage.removeItem(TOKEN_KEY);
  if (config.mode === 'oidc' && manager) {
    void manager.signinRedirect({ state: returnTo });
    return;
  }
  const q = new URLSearchParams({ returnTo });
  if (expired) q.set('expired', '1');
  window.location.assign(`/dev-login?${q.toString()}`);
}

/** The end of the code + PKCE round trip: the page to go back to. */
export async function completeSignIn(): Promise<string> {
  if (!manager) return '/';
  const u = await manager.signinRedirectCallback();
  oidcUser = u;
  return typeof u.state === 'string' && u.state.startsWith('/') ? u.state : '/';
}

export async function completeSilentRenew(): Promise<void> {
  await manager?.signinSilentCallback();
}

export async function signOut(): Promise<void> {
  sessionStorage.removeItem(TOKEN_KEY);
  chooseTenant(null);
  if (config.mode === 'oidc' && manager) {
    await manager.signoutRedirect();
    return;
  }
  window.location.assign('/dev-login');
}
