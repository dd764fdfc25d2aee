import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/database.ts';

const READINESS_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
} as const;

const statusSchema = {
  type: 'object',
  properties: { status: { type: 'string' } },
  required: ['status'],
} as const;

export function registerHealthRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/healthz',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Liveness: the process is up',
        tags: ['operations'],
        response: { 200: statusSchema },
      },
    },
    () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Readiness: the database answers',
        tags: ['operations'],
        response: { 200: statusSchema, 503: errorSchema },
      },
    },
    async (request, reply) => {
      try {
        await withTimeout(store.ping(), READINESS_TIMEOUT_MS);
        return { status: 'ready' };
      } catch (error) {
        request.log.warn({ err: error }, 'database not ready');
        return reply
          .status(503)
          .send({ error: { code: 'unavailable', message: 'The database is not answering' } });
      }
    },
  );
}
