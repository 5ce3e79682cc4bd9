import client from 'prom-client';

/** One registry per app instance, so tests can build several apps without duplicate-metric errors. */
export class Metrics {
  readonly registry = new client.Registry();

  readonly httpDuration = new client.Histogram({
    name: 'onedoor_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly graphqlDuration = new client.Histogram({
    name: 'onedoor_graphql_operation_duration_seconds',
    help: 'GraphQL operation duration by operation name and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly graphqlErrors = new client.Counter({
    name: 'onedoor_graphql_errors_total',
    help: 'GraphQL errors by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor(poolStats: () => { used: number; free: number; pending: number }) {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'onedoor_' });
    const stat = (name: string, help: string, key: 'used' | 'free' | 'pending') =>
      new client.Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(poolStats()[key]);
        },
      });
    stat('onedoor_db_pool_connections_used', 'Database pool connections in use', 'used');
    stat('onedoor_db_pool_connections_free', 'Database pool connections idle', 'free');
    stat('onedoor_db_pool_pending_acquires', 'Requests waiting for a database connection', 'pending');
  }
}
