import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { csvChunks, xlsxStream } from '../reports/tabular/index.ts';
import { EXPENSIVE_LIMIT } from '../server/safety.ts';
import {
  ACTIVITY_COLUMNS,
  ActivitiesExportQuerySchema,
  activityRows,
} from './activities-export.ts';
import type { Store } from '../db/database.ts';
import { callerOf } from '../facility/caller.ts';
import { documented, zodQuery } from '../server/zod-route.ts';
import { AggregateQuerySchema } from './aggregate.schema.ts';
import { aggregate } from './aggregate.service.ts';
import { ActivitiesQuerySchema } from './activities.schema.ts';
import { listActivities } from './activities.service.ts';
import { getActivity } from './activity-detail.service.ts';
import { CurationInputSchema, getCuration, setCuration } from './curation.service.ts';
import { publisherQuality } from './quality.service.ts';
import { portfolioOverview } from './overview.service.ts';
import {
  clusterSummary,
  corridorSummary,
  countrySummary,
  partnerSummary,
} from './summary.service.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  for (const format of ['csv', 'xlsx'] as const) {
    const options = zodQuery(ActivitiesExportQuerySchema, {
      summary: `The activity list as ${format.toUpperCase()}: the filters, search and order of /api/activities, every page`,
      tags: ['portfolio'],
    });
    app.get(
      `/api/activities.${format}`,
      { ...options, config: { permission: 'public', rateLimit: EXPENSIVE_LIMIT } },
      (request, reply) => {
        const rows = activityRows(store.db, ActivitiesExportQuerySchema.parse(request.query));
        const body =
          format === 'csv' ? csvChunks(ACTIVITY_COLUMNS, rows) : xlsxStream(ACTIVITY_COLUMNS, rows);
        return reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
          .header('content-disposition', `attachment; filename="caravan-activities.${format}"`)
          .send(Readable.from(body));
      },
    );
  }
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
  app.get<{ Params: { id: string } }>(
    '/api/activities/:id/curation',
    {
      config: { permission: 'portfolio.curate' },
      schema: {
        summary: 'An activity’s cluster and corridor tags with who set them (secretariat)',
        tags: ['portfolio'],
      },
    },
    async (request) => ({ curation: await getCuration(store.db, request.params.id) }),
  );
  app.put<{ Params: { id: string } }>(
    '/api/activities/:id/curation',
    {
      config: { permission: 'portfolio.curate' },
      ...documented(
        {
          summary: 'Tag an activity with its CAREC cluster and corridors (secretariat)',
          tags: ['portfolio'],
        },
        { body: CurationInputSchema },
      ),
    },
    async (request, reply) => {
      const result = await setCuration(
        store.db,
        callerOf(request),
        request.params.id,
        request.body,
      );
      return reply.status(result.outcome === 'recorded' ? 201 : 200).send(result);
    },
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
    '/api/overview',
    {
      config: { permission: 'public' },
      schema: {
        summary:
          'Headline figures: activities (and how many are demo data), countries, partners, totals',
        tags: ['portfolio'],
      },
    },
    () => portfolioOverview(store.db),
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
