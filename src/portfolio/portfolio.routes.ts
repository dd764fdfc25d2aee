import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/database.ts';
import { zodQuery } from '../server/zod-route.ts';
import { AggregateQuerySchema } from './aggregate.schema.ts';
import { aggregate } from './aggregate.service.ts';
import { ActivitiesQuerySchema } from './activities.schema.ts';
import { listActivities } from './activities.service.ts';
import { getActivity } from './activity-detail.service.ts';
import { publisherQuality } from './quality.service.ts';
import {
  clusterSummary,
  corridorSummary,
  countrySummary,
  partnerSummary,
} from './summary.service.ts';

const summaryDocs = (what: string, param: string) => ({
  config: { permission: 'public' as const },
  schema: {
    summary: `${what}: commitments, disbursements, and commitments by year, sector, country and partner`,
    tags: ['portfolio'],
    params: {
      type: 'object',
      properties: { [param]: { type: 'string', maxLength: 200 } },
      required: [param],
    },
  },
});

export function registerPortfolioRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/activities',
    zodQuery(ActivitiesQuerySchema, {
      summary:
        'Activities matching filters and a text search, sorted, with a cursor for the next page',
      tags: ['portfolio'],
    }),
    (request) => listActivities(store.db, ActivitiesQuerySchema.parse(request.query)),
  );
  app.get<{ Params: { id: string } }>(
    '/api/activities/:id',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'One activity (by IATI identifier) with its financing, transactions and relations',
        tags: ['portfolio'],
        params: {
          type: 'object',
          properties: { id: { type: 'string', maxLength: 500 } },
          required: ['id'],
        },
      },
    },
    (request) => getActivity(store.db, request.params.id),
  );
  app.get(
    '/api/quality',
    {
      config: { permission: 'public' },
      schema: { summary: 'Data quality per publisher', tags: ['portfolio'] },
    },
    () => publisherQuality(store.db),
  );

  app.get(
    '/api/aggregate',
    zodQuery(AggregateQuerySchema, {
      summary:
        'Sum a measure (commitments, disbursements, expenditure, budget) by dimensions, with filters',
      tags: ['portfolio'],
    }),
    (request) => aggregate(store.db, AggregateQuerySchema.parse(request.query)),
  );

  app.get<{ Params: { iso: string } }>(
    '/api/countries/:iso',
    summaryDocs('A country', 'iso'),
    (request) => countrySummary(store.db, request.params.iso.toUpperCase()),
  );
  app.get<{ Params: { ref: string } }>(
    '/api/partners/:ref',
    summaryDocs('A partner', 'ref'),
    (request) => partnerSummary(store.db, request.params.ref),
  );
  app.get<{ Params: { code: string } }>(
    '/api/clusters/:code',
    summaryDocs('A CAREC cluster', 'code'),
    (request) => clusterSummary(store.db, request.params.code),
  );
  app.get<{ Params: { n: string } }>(
    '/api/corridors/:n',
    summaryDocs('A CAREC corridor', 'n'),
    (request) => corridorSummary(store.db, request.params.n),
  );
}
