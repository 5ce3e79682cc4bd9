import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { currentTenant, signIn, token } from './auth';

/**
 * Every request carries the bearer token and the chosen tenant (X-Tenant-Id); a 401 means the
 * token expired or was refused, so the person signs in again and comes back to this page.
 */
const authFetch: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  const t = token();
  if (t) headers.set('authorization', `Bearer ${t}`);
  const tenant = currentTenant();
  if (tenant) headers.set('x-tenant-id', tenant);
  const res = await fetch(input, { ...init, headers });
  if (res.status === 401) signIn(undefined, true);
  return res;
};

export const client = new ApolloClient({
  link: new HttpLink({ uri: '/graphql', fetch: authFetch }),
  cache: new InMemoryCache(),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});
