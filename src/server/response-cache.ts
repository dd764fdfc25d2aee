import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../db/database.ts';

/**
 * Public reads whose answers depend on stored data only: the dashboards' aggregates and
 * summaries. Lists and searches are left out: their URLs rarely repeat.
 */
const CACHEABLE = new Set([
  '/api/aggregate',
  '/api/overview',
  '/api/quality',
  '/api/countries/:iso',
  '/api/partners/:ref',
  '/api/clusters/:code',
  '/api/corridors/:n',
  '/api/facility/statement',
  '/api/facility/pipeline',
  '/api/facility/outcomes',
  '/api/climate',
  '/api/climate/pipeline',
  '/api/results/scorecard',
  '/api/conferences',
]);

const MAX_ENTRIES = 2000;
const MAX_BODY_BYTES = 512 * 1024;

interface Entry {
  version: number;
  /** The UTC day it was computed on: answers without `asOf` are as of that day. */
  day: string;
  body: string;
  contentType: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The data version a cacheable answer is computed at, once it has been read. */
    dataVersion: number | null;
    /** The UTC day it is computed on, read with the version. */
    cacheDay: string;
  }
}

/**
 * Every change to stored data appends to the audit log in the transaction that makes it, so
 * the log's last id is a version of the data that every server sees: an answer computed at
 * one version is good for as long as the version stands.
 */
async function dataVersion(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

const utcDay = () => new Date().toISOString().slice(0, 10);

function cacheable(request: FastifyRequest): boolean {
  return (
    request.method === 'GET' &&
    request.actor.kind === 'anonymous' &&
    CACHEABLE.has(request.routeOptions.url ?? '')
  );
}

/**
 * Answers repeated anonymous dashboard reads from memory while the data has not changed, and
 * the day has not either (a fund statement without `asOf` is as of today).
 * Signed-in callers always get a fresh answer.
 */
export function registerResponseCache(app: FastifyInstance, store: Store): void {
  const entries = new Map<string, Entry>();
  app.decorateRequest('dataVersion', null);
  app.decorateRequest('cacheDay', '');

  app.addHook('preHandler', async (request, reply) => {
    if (!cacheable(request)) return;
    const version = await dataVersion(store);
    request.dataVersion = version;
    request.cacheDay = utcDay();
    const hit = entries.get(request.url);
    if (hit?.version !== version || hit.day !== request.cacheDay) return;
    // Refreshes its place: the map's order is the eviction order.
    entries.delete(request.url);
    entries.set(request.url, hit);
    return reply.header('x-cache', 'hit').type(hit.contentType).send(hit.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.dataVersion === null || reply.statusCode !== 200 || reply.getHeader('x-cache')) {
      return payload;
    }
    if (typeof payload !== 'string' || payload.length > MAX_BODY_BYTES) return payload;
    entries.delete(request.url);
    entries.set(request.url, {
      version: request.dataVersion,
      day: request.cacheDay,
      body: payload,
      contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
    });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    return payload;
  });
}
