import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { requireAccess, type Actor } from '../accounts/access.ts';
import { EXPENSIVE_LIMIT } from '../server/safety.ts';
import type { Config } from '../config.ts';
import type { Store } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { organisationByRef } from '../reference/index.ts';
import { iatiDocument } from './export/index.ts';
import { ExportFilterSchema, storedActivities } from './export.service.ts';
import { importIati } from './import.service.ts';
import { IMPORT_EVENTS_TYPE, importEvents, spooledSource, uploadKind } from './import-events.ts';
import type { ImportSource } from './sources.ts';
import { TRANSACTION_COLUMNS, transactionRows } from '../portfolio/transaction-export.ts';
import { ActivitiesExportQuerySchema, activityDocuments } from '../portfolio/activities-export.ts';
import { csvChunks, xlsxStream } from '../reports/tabular/index.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const EXPORT_QUERY = {
  type: 'object',
  properties: {
    country: { type: 'string' },
    reportingOrg: { type: 'string' },
    status: { type: 'string' },
  },
} as const;

const UPLOAD_TYPES = [
  'application/xml',
  'text/xml',
  'application/gzip',
  'application/octet-stream',
];

/** Passes the upload through while counting it, stopping at the size limit. */
function limited(maxBytes: number): { stream: Transform; exceeded: () => boolean } {
  let seen = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new Error(`the upload exceeds ${maxBytes} bytes`));
      else done(null, chunk);
    },
  });
  return { stream, exceeded: () => seen > maxBytes };
}

/** Judges the upload by its first bytes, not its name or declared type: gzip or XML only. */
async function sniff(body: Readable): Promise<Readable> {
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  const rest = Readable.from(
    (async function* () {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield next.value;
      }
    })(),
  );
  return uploadKind(head) === 'gzip' ? rest.pipe(createGunzip()) : rest;
}

/** Passes the lines through, then removes the spooled upload, however the stream ends. */
async function* removingAfter(lines: AsyncGenerator<string>, folder: string) {
  try {
    yield* lines;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Counts a streamed import in the metrics: running while its events flow. */
async function* measured<T>(app: FastifyInstance, events: AsyncIterable<T>): AsyncGenerator<T> {
  app.metrics.importStarted();
  let outcome: 'stored' | 'failed' = 'failed';
  try {
    yield* events;
    outcome = 'stored';
  } finally {
    app.metrics.importFinished(outcome);
  }
}

/**
 * A partner officer imports its own organisation's activities only: one reported by another
 * publisher is rejected, whatever else the file holds.
 */
function publisherRefusal(actor: Actor): (ref: string) => string | null {
  return (ref) => {
    const organisation = organisationByRef(ref)?.ref ?? ref;
    try {
      requireAccess(actor, 'iati.import', { organisation });
      return null;
    } catch {
      return `reporting-org/@ref: ${ref} is not your organisation's; a partner officer imports its own organisation's activities`;
    }
  };
}

export function registerIatiRoutes(app: FastifyInstance, store: Store, config: Config): void {
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/api/imports',
    {
      config: { permission: 'iati.import', rateLimit: EXPENSIVE_LIMIT },
      bodyLimit: config.importMaxBytes,
      schema: {
        summary:
          'Import an IATI activity file (XML or gzip), as with `caravan import iati`; with Accept: application/x-ndjson, progress and each activity’s outcome stream back as they happen',
        tags: ['iati'],
        querystring: {
          type: 'object',
          properties: { dryRun: { type: 'boolean' }, name: { type: 'string', maxLength: 200 } },
        },
      },
    },
    async (request, reply) => {
      requireAccess(request.actor, 'iati.import');
      // Other content types (JSON, plain text) arrive already parsed, or not at all.
      if (!(request.body instanceof Readable)) {
        throw new AppError(
          'bad_request',
          `The body must be the IATI file itself, sent as ${UPLOAD_TYPES.join(', ')}`,
        );
      }
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > config.importMaxBytes) {
        throw new AppError(
          'payload_too_large',
          `The upload exceeds ${config.importMaxBytes} bytes`,
        );
      }
      const query = request.query as { dryRun?: boolean; name?: string };
      const name = query.name ?? 'upload';
      const limit = limited(config.importMaxBytes);
      const base = {
        dryRun: query.dryRun ?? false,
        label: `upload: ${name}`,
        actor: request.actor.kind === 'user' ? request.actor.email : 'anonymous',
        origin: request.ip,
        publisherRefusal: publisherRefusal(request.actor),
      };
      let seen = { bytes: 0, activities: 0 };
      const options = {
        ...base,
        onProgress: ({ bytes, activities }: { bytes: number; activities: number }) => {
          app.metrics.importProgress({
            bytes: bytes - seen.bytes,
            activities: activities - seen.activities,
          });
          seen = { bytes, activities };
        },
      };
      if (String(request.headers.accept ?? '').includes(IMPORT_EVENTS_TYPE)) {
        // The whole upload is taken first, so the browser has finished sending by the time
        // progress starts to stream back.
        const folder = await mkdtemp(join(tmpdir(), 'caravan-upload-'));
        const file = join(folder, 'upload');
        try {
          await pipeline(request.body, limit.stream, createWriteStream(file));
          const source = spooledSource(file, name, (await stat(file)).size);
          const events = measured(app, importEvents(store.db, source, base));
          return await reply
            .type(IMPORT_EVENTS_TYPE)
            .header('cache-control', 'no-store')
            .send(Readable.from(removingAfter(events, folder)));
        } catch (error) {
          await rm(folder, { recursive: true, force: true });
          if (limit.exceeded()) {
            throw new AppError(
              'payload_too_large',
              `The upload exceeds ${config.importMaxBytes} bytes`,
            );
          }
          throw error;
        }
      }
      const xml = await sniff(request.body.pipe(limit.stream));
      const source: ImportSource = { path: name, size: declared || null, open: () => xml };
      app.metrics.importStarted();
      const summary = await importIati(store.db, [source], options).catch((error: unknown) => {
        app.metrics.importFinished('failed');
        throw error;
      });
      app.metrics.importFinished(summary.files[0]?.refused ? 'refused' : 'stored');
      const file = summary.files[0];
      if (file?.refused) {
        throw new AppError(
          limit.exceeded() ? 'payload_too_large' : 'bad_request',
          file.errors.join('; '),
          summary,
        );
      }
      return reply.status(summary.dryRun ? 200 : 201).send(summary);
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/transactions.${format}`,
      {
        config: { permission: 'public', rateLimit: EXPENSIVE_LIMIT },
        schema: {
          summary: `The transactions of the matching activities as ${format.toUpperCase()}, streamed`,
          tags: ['portfolio'],
          querystring: EXPORT_QUERY,
        },
      },
      (request, reply) => {
        // A misspelt filter (?countr=KZ) is refused, not dropped: it would export everything.
        const rows = transactionRows(store.db, ExportFilterSchema.strict().parse(request.query));
        const body =
          format === 'csv'
            ? csvChunks(TRANSACTION_COLUMNS, rows)
            : xlsxStream(TRANSACTION_COLUMNS, rows);
        return reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
          .header('content-disposition', `attachment; filename="caravan-transactions.${format}"`)
          .send(Readable.from(body));
      },
    );
  }

  app.get(
    '/api/activities.xml',
    {
      config: { permission: 'public', rateLimit: EXPENSIVE_LIMIT },
      schema: {
        summary:
          'The stored activities as IATI 2.03 XML: by country, reportingOrg and status, or by the filters and search of /api/activities',
        tags: ['iati'],
      },
    },
    (request, reply) => {
      const query = request.query as Record<string, unknown>;
      // The Explore page's filters (see /api/activities) select the list it shows, in its order.
      const explore = Object.keys(query).some((key) => !(key in EXPORT_QUERY.properties));
      const activities = explore
        ? activityDocuments(store.db, ActivitiesExportQuerySchema.parse(query))
        : storedActivities(store.db, ExportFilterSchema.parse(query));
      const document = iatiDocument(activities, {
        generatedAt: new Date().toISOString(),
        onSkip: ({ iatiIdentifier, reasons }) =>
          request.log.warn({ iatiIdentifier, reasons }, 'activity left out of the IATI export'),
      });
      return reply.type('application/xml; charset=utf-8').send(Readable.from(document));
    },
  );
}
