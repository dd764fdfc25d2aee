import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../db/database.ts';
import { isoDate } from '../climate/climate.schema.ts';
import { callerOf } from '../facility/caller.ts';
import { VALUE_KINDS } from './indicator.model.ts';
import {
  defineIndicator,
  listIndicators,
  listValues,
  recordValue,
  removeValue,
} from './indicator.service.ts';
import { scorecard } from './scorecard.service.ts';
import { yearsWithActuals } from './years.service.ts';

const year = z.coerce.number().int().min(1990).max(2100);
export const ScorecardQuery = z
  .object({ year, asOf: isoDate.optional(), indicator: z.string().max(30).optional() })
  .strict();
const ValuesQuery = z
  .object({ indicator: z.string().max(30).optional(), country: z.string().max(5).optional() })
  .strict();
const ValueKey = z
  .object({
    code: z.string().max(30),
    country: z
      .string()
      .max(5)
      .transform((c) => c.toUpperCase()),
    year,
    kind: z.enum(VALUE_KINDS),
  })
  .strict();

const docs = (summary: string) => ({ summary, tags: ['results'] });

/** The results framework: indicators, recorded values and the scorecard. */
export function registerResultsRoutes(app: FastifyInstance, store: Store): void {
  const { db } = store;

  app.get(
    '/api/results/indicators',
    {
      config: { permission: 'public' },
      schema: docs('The framework’s indicators with their IATI mappings'),
    },
    async () => ({ indicators: await listIndicators(db) }),
  );

  app.put(
    '/api/results/indicators/:code',
    {
      config: { permission: 'results.manage' },
      schema: docs('Define an indicator or replace its definition and mappings (secretariat)'),
    },
    async (request) =>
      defineIndicator(
        db,
        callerOf(request),
        z.object({ code: z.string().max(30) }).parse(request.params).code,
        request.body,
      ),
  );

  app.get(
    '/api/results/values',
    {
      config: { permission: 'public' },
      schema: docs('Baselines, targets and actuals recorded by the secretariat'),
    },
    async (request) => {
      const query = ValuesQuery.parse(request.query);
      return {
        values: await listValues(db, {
          ...(query.indicator ? { indicator: query.indicator } : {}),
          ...(query.country ? { country: query.country.toUpperCase() } : {}),
        }),
      };
    },
  );

  app.post(
    '/api/results/values',
    {
      config: { permission: 'results.manage' },
      schema: docs('Record a baseline, target or actual for a member or CAREC and a year'),
    },
    async (request, reply) =>
      reply.status(201).send(await recordValue(db, callerOf(request), request.body)),
  );

  app.delete(
    '/api/results/values/:code/:country/:year/:kind',
    {
      config: { permission: 'results.manage' },
      schema: docs('Remove a recorded value (secretariat)'),
    },
    async (request, reply) => {
      const key = ValueKey.parse(request.params);
      await removeValue(db, callerOf(request), { ...key, indicator: key.code });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/results/years',
    {
      config: { permission: 'public' },
      schema: docs(
        'The years with an actual, recorded or reported by a linked project, ascending: the results page opens on the latest',
      ),
    },
    async () => ({ years: await yearsWithActuals(db) }),
  );

  app.get(
    '/api/results/scorecard',
    {
      config: { permission: 'public' },
      schema: docs(
        'The scorecard for a year: baseline, target, actual and progress status per indicator and member',
      ),
    },
    async (request) => {
      const query = ScorecardQuery.parse(request.query);
      return scorecard(db, {
        year: query.year,
        asOf: query.asOf ?? null,
        ...(query.indicator ? { indicator: query.indicator } : {}),
      });
    },
  );
}
