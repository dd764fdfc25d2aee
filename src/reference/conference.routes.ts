import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../db/database.ts';
import { getConference, listConferences } from './conference.service.ts';

const docs = (summary: string) => ({ summary, tags: ['reference'] });

/** The Ministerial Conferences on record, with their documents and decisions. */
export function registerConferenceRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/conferences',
    {
      config: { permission: 'public' },
      schema: docs('Ministerial Conferences: number, date, city, chair, documents, decisions'),
    },
    async () => ({ conferences: await listConferences(store.db) }),
  );
  app.get(
    '/api/conferences/:number',
    { config: { permission: 'public' }, schema: docs('One Ministerial Conference by number') },
    async (request) =>
      getConference(
        store.db,
        z.object({ number: z.coerce.number().int().min(1).max(200) }).parse(request.params).number,
      ),
  );
}
