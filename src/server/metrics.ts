import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '../db/database.ts';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

/** What the server reports to Prometheus; one registry per app, so tests can build many. */
export interface Metrics {
  registry: Registry;
  /** An import has read so many more bytes and activities; `done` when it ends. */
  importProgress(delta: { bytes: number; activities: number }): void;
  importStarted(): void;
  importFinished(outcome: 'stored' | 'refused' | 'failed'): void;
}

export function registerMetrics(app: FastifyInstance, store: Store): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'caravan_' });

  const requests = new Counter({
    name: 'caravan_http_requests_total',
    help: 'HTTP requests answered, by method, route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'caravan_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const importsRunning = new Gauge({
    name: 'caravan_imports_running',
    help: 'IATI imports in progress in this process',
    registers: [registry],
  });
  const importBytes = new Counter({
    name: 'caravan_import_bytes_total',
    help: 'Bytes of IATI files read by imports',
    registers: [registry],
  });
  const importActivities = new Counter({
    name: 'caravan_import_activities_total',
    help: 'IATI activities read by imports',
    registers: [registry],
  });
  const importsDone = new Counter({
    name: 'caravan_imports_total',
    help: 'IATI imports finished, by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const pool = store.poolStats;
  if (pool) {
    new Gauge({
      name: 'caravan_db_pool_connections',
      help: 'Database pool connections, by state',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const stats = pool();
        this.set({ state: 'total' }, stats.total);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
  }

  app.decorate('metrics', {
    registry,
    importProgress: ({ bytes, activities }) => {
      importBytes.inc(bytes);
      importActivities.inc(activities);
    },
    importStarted: () => importsRunning.inc(),
    importFinished: (outcome) => {
      importsRunning.dec();
      importsDone.inc({ outcome });
    },
  } satisfies Metrics);

  app.addHook('onResponse', (request, reply, done) => {
    // The route's pattern, not its URL: `/api/activities/:id` is one series, not thousands.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });

  app.get(
    '/metrics',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Prometheus metrics: requests, latencies, imports, database pool',
        tags: ['operations'],
        hide: true,
      },
    },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  );
}
