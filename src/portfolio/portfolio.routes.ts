import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/database.ts';
import { zodQuery } from '../server/zod-route.ts';
import { AggregateQuerySchema } from './aggregate.schema.ts';
import { aggregate } from './aggregate.service.ts';

export function registerPortfolioRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/aggregate',
    zodQuery(AggregateQuerySchema, {
      summary:
        'Sum a measure (commitments, disbursements, expenditure, budget) by dimensions, with filters',
      tags: ['portfolio'],
    }),
    (request) => aggregate(store.db, AggregateQuerySchema.parse(request.query)),
  );
}
