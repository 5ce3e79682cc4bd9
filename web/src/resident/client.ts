import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { saveSession, sessionOf } from './session';

/**
 * A GraphQL client of the resident pages alone: it names the tenant of the QR code in
 * X-Tenant-Id and sends only the resident's own token (never the staff console's). A 401 means the
 * resident session expired or was refused: it is dropped, and the pages ask for a code again.
 */
export function residentClient(tenant: string): ApolloClient {
  const residentFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('x-tenant-id', tenant);
    const s = sessionOf(tenant);
    if (s) headers.set('authorization', `Bearer ${s.token}`);
    const res = await fetch(input, { ...init, headers });
    if (res.status === 401 && s) saveSession(tenant, null);
    return res;
  };
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', fetch: residentFetch }),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}

/** What to tell the resident when a request failed as a whole (rate limit, network, server). */
export function failureText(e: unknown): string {
  if (CombinedGraphQLErrors.is(e)) return e.errors.map((x) => x.message).join('；');
  if (ServerError.is(e)) {
    try {
      const body = JSON.parse(e.bodyText) as { errors?: { message: string }[] };
      if (body.errors?.length) return body.errors.map((x) => x.message).join('；');
    } catch {
      // not JSON: the generic sentence below
    }
    if (e.statusCode === 401) return '验证已过期，请重新验证手机号。';
  }
  return '网络不通或服务繁忙，请稍后再试。';
}
