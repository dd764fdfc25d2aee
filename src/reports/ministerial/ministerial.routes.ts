import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../db/database.ts';
import { callerOf } from '../../facility/caller.ts';
import { EXPENSIVE_LIMIT } from '../../server/safety.ts';
import { LANGUAGES } from './i18n.ts';
import { STYLE_HASH } from './ministerial.html.ts';
import {
  checkAsOf,
  defaultAsOf,
  FORMATS,
  ministerialReport,
  reportYears,
} from './ministerial.service.ts';
import { reportFigures } from './snapshot.service.ts';

const year = z.coerce.number({ error: 'a year such as 2024' }).int().min(2001).max(2100);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const ReportQuery = z
  .object({
    year,
    lang: z.enum(LANGUAGES).default('en'),
    format: z.enum(FORMATS).default('html'),
    asOf: date.optional(),
  })
  .strict();
const SnapshotBody = z
  .object({
    year: z.number().int().min(2001).max(2100),
    asOf: date.optional(),
    fresh: z.boolean().optional(),
  })
  .strict();

/** The page needs nothing but its own style: no script, no request, no framing. */
const REPORT_CSP = `default-src 'none'; style-src ${STYLE_HASH}; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function registerReportRoutes(app: FastifyInstance, store: Store): void {
  app.get(
    '/api/reports/ministerial',
    {
      config: { permission: 'public', rateLimit: EXPENSIVE_LIMIT },
      schema: {
        summary:
          'The Ministerial Conference report (HTML, PDF or its figures as JSON), from the latest frozen snapshot for the year and day, else live',
        tags: ['reports'],
      },
    },
    async (request, reply) => {
      const query = ReportQuery.parse(request.query);
      const rendered = await ministerialReport(store.db, { ...query, freeze: null });
      const { snapshot, data } = rendered.figures;
      void reply
        .type(rendered.contentType)
        .header('content-security-policy', REPORT_CSP)
        .header('x-caravan-as-of', data.asOf)
        .header('x-caravan-snapshot', snapshot?.id ?? 'live');
      if (query.format === 'pdf') {
        void reply.header(
          'content-disposition',
          `attachment; filename="carec-ministerial-${data.year}-${query.lang}.pdf"`,
        );
      }
      return reply.send(rendered.body);
    },
  );

  app.get(
    '/api/reports/ministerial/years',
    {
      config: { permission: 'public' },
      schema: {
        summary:
          'The years with counted commitments or disbursements, ascending: the report page opens on the latest',
        tags: ['reports'],
      },
    },
    async () => reportYears(store.db),
  );

  app.post(
    '/api/reports/ministerial/snapshots',
    {
      config: { permission: 'reports.manage' },
      schema: {
        summary:
          'Freeze the report’s figures for a year and day (secretariat); the day must have ended',
        tags: ['reports'],
      },
    },
    async (request, reply) => {
      const body = SnapshotBody.parse(request.body);
      checkAsOf(body.year, body.asOf);
      const caller = callerOf(request);
      const asOf = body.asOf ?? defaultAsOf(body.year);
      const figures = await reportFigures(store.db, {
        year: body.year,
        asOf,
        freeze: { actor: caller.actor, name: caller.name, origin: caller.origin },
        fresh: body.fresh ?? false,
      });
      return reply
        .status(figures.snapshot ? 201 : 200)
        .send({ year: body.year, asOf, snapshot: figures.snapshot });
    },
  );
}
