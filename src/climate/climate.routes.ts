import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../db/database.ts';
import { callerOf } from '../facility/caller.ts';
import { zodQuery } from '../server/zod-route.ts';
import { importSharesCsv } from './climate-import.service.ts';
import { climateFinance } from './climate-finance.service.ts';
import { listShares, removeShares, setShares } from './climate-share.service.ts';
import { ClimateQuerySchema, isoDate } from './climate.schema.ts';
import { climatePipeline } from './pipeline.service.ts';

const PipelineQuery = z.object({ asOf: isoDate.optional() }).strict();
const ImportQuery = z
  .object({
    dryRun: z.enum(['true', 'false']).optional(),
    name: z.string().max(200).optional(),
  })
  .strict();
const identifierOf = (params: unknown) =>
  z.object({ id: z.string().min(1).max(500) }).parse(params).id;

const docs = (summary: string) => ({ summary, tags: ['climate'] });

/** Climate finance in both views, the facility's climate pipeline, and the component shares. */
export function registerClimateRoutes(app: FastifyInstance, store: Store): void {
  const { db } = store;
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/climate',
    zodQuery(
      ClimateQuerySchema,
      docs(
        'Climate finance by IATI markers and by component shares, by country, cluster, partner or year',
      ),
    ),
    (request) => climateFinance(db, ClimateQuerySchema.parse(request.query)),
  );

  app.get(
    '/api/climate/pipeline',
    {
      config: { permission: 'public' },
      schema: docs(
        'The facility’s climate pipeline: approved proposals onwards with a climate share',
      ),
    },
    (request) => climatePipeline(db, PipelineQuery.parse(request.query).asOf ?? null),
  );

  app.get(
    '/api/climate/shares',
    {
      config: { permission: 'public' },
      schema: docs('Component climate shares recorded per activity, with source and date'),
    },
    async () => ({ activities: await listShares(db) }),
  );

  app.get(
    '/api/climate/shares/:id',
    { config: { permission: 'public' }, schema: docs('One activity’s component climate shares') },
    async (request) => (await listShares(db, identifierOf(request.params)))[0],
  );

  app.put(
    '/api/climate/shares/:id',
    {
      config: { permission: 'climate.manage' },
      schema: docs('Record an activity’s climate shares (replaces its components; secretariat)'),
    },
    async (request, reply) => {
      const result = await setShares(
        db,
        callerOf(request),
        identifierOf(request.params),
        request.body,
      );
      return reply.status(result.outcome === 'recorded' ? 201 : 200).send(result);
    },
  );

  app.delete(
    '/api/climate/shares/:id',
    {
      config: { permission: 'climate.manage' },
      schema: docs('Remove an activity’s climate shares (secretariat)'),
    },
    async (request, reply) => {
      await removeShares(db, callerOf(request), identifierOf(request.params));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/climate/shares.csv',
    {
      config: { permission: 'climate.manage' },
      schema: docs('Import climate shares from CSV (text/csv), as `caravan climate import`'),
    },
    async (request) => {
      const query = ImportQuery.parse(request.query);
      const text = typeof request.body === 'string' ? request.body : '';
      const activities = await importSharesCsv(
        db,
        callerOf(request),
        text,
        query.name ?? 'upload',
        { dryRun: query.dryRun === 'true' },
      );
      return { dryRun: query.dryRun === 'true', activities };
    },
  );
}
