import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { currentTenant, signIn, token } from './auth';
import i18n from './i18n';

/** The API words messages, labels and timeline summaries in the language the console shows. */
const language = () => (i18n.language === 'en' ? 'en' : 'zh-CN');

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
  headers.set('accept-language', language());
  const res = await fetch(input, { ...init, headers });
  if (res.status === 401) signIn(undefined, true);
  return res;
};

/** Live updates over the same origin's WebSocket, authenticated as the HTTP requests are. */
const ws = new GraphQLWsLink(
  createClient({
    url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
    lazy: true,
    retryAttempts: 5,
    connectionParams: () => ({
      authorization: token() ? `Bearer ${token()}` : undefined,
      'x-tenant-id': currentTenant() ?? undefined,
      'accept-language': language(),
    }),
    // 4401: the token expired while the socket was open.
    on: { closed: (e) => (e as CloseEvent | undefined)?.code === 4401 && signIn(undefined, true) },
  }),
);

export const client = new ApolloClient({
  link: ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    ws,
    new HttpLink({ uri: '/graphql', fetch: authFetch }),
  ),
  cache: new InMemoryCache(),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});
