import type { Actor } from '../../accounts/access.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { yearsWithFlows } from './figures.repository.ts';
import { LANGUAGES, type Lang } from './i18n.ts';
import { renderMinisterial } from './ministerial.html.ts';
import { htmlToPdf } from './pdf.ts';
import { reportFigures, type ReportFigures } from './snapshot.service.ts';
import { isCalendarDate } from '../../calendar.ts';

export const FORMATS = ['html', 'pdf', 'json'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export interface ReportRequest {
  year: number;
  lang: Lang;
  format: ReportFormat;
  /** Defaults to the year's last day, or yesterday while the year is running. */
  asOf?: string | undefined;
  /** Who freezes the figures as a snapshot; null reads a snapshot or computes live figures. */
  freeze: { actor: Actor; name: string; origin: string } | null;
  fresh?: boolean;
  /** Leaves storing a new snapshot to the caller: see reportFigures. */
  deferFreeze?: boolean;
  now?: Date;
}

export interface RenderedReport {
  body: string | Buffer;
  contentType: string;
  figures: ReportFigures;
}

export function defaultAsOf(year: number, now = new Date()): string {
  const yesterday = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const end = `${year}-12-31`;
  return end < yesterday ? end : yesterday;
}

/**
 * A report's day must fall in its year or after, and not after today: before, "since the last
 * conference" would end before it began; after, the figures would be ones not yet known.
 */
export function checkAsOf(year: number, asOf: string | undefined, now = new Date()): void {
  if (asOf === undefined) {
    // The default day is yesterday while the year runs: a year not yet begun has none.
    if (defaultAsOf(year, now) < `${year}-01-01`) {
      throw new AppError('bad_request', `year: ${year} has no day ended yet to report as of`);
    }
    return;
  }
  if (!isCalendarDate(asOf)) throw new AppError('bad_request', 'asOf: a date YYYY-MM-DD');
  if (asOf < `${year}-01-01`) {
    throw new AppError('bad_request', `asOf: ${asOf} is before ${year}, the report's year`);
  }
  const today = now.toISOString().slice(0, 10);
  if (asOf > today) {
    throw new AppError('bad_request', `asOf: ${asOf} is after today (${today})`);
  }
}

export function checkReportRequest(
  input: { year: number; lang: string; format: string; asOf?: string | undefined },
  now = new Date(),
) {
  if (!Number.isInteger(input.year) || input.year < 2001 || input.year > 2100) {
    throw new AppError('bad_request', 'year: a year from 2001 (the programme’s first) to 2100');
  }
  if (!(LANGUAGES as readonly string[]).includes(input.lang)) {
    throw new AppError('bad_request', `lang: one of ${LANGUAGES.join(', ')}`);
  }
  if (!(FORMATS as readonly string[]).includes(input.format)) {
    throw new AppError('bad_request', `format: one of ${FORMATS.join(', ')}`);
  }
  checkAsOf(input.year, input.asOf, now);
}

/**
 * The years the report has portfolio figures for: those with counted commitments or
 * disbursements, ascending. The report page opens on the latest of them.
 */
export async function reportYears(db: Db): Promise<{ years: number[] }> {
  return { years: await yearsWithFlows(db) };
}

/** The Ministerial Conference report for a year, in a language and a format. */
export async function ministerialReport(db: Db, request: ReportRequest): Promise<RenderedReport> {
  const now = request.now ?? new Date();
  checkReportRequest(request, now);
  const figures = await reportFigures(db, {
    year: request.year,
    asOf: request.asOf ?? defaultAsOf(request.year, now),
    freeze: request.freeze,
    fresh: request.fresh ?? false,
    deferFreeze: request.deferFreeze ?? false,
    now,
  });
  if (request.format === 'json') {
    return {
      body: JSON.stringify({ snapshot: figures.snapshot, ...figures.data }, null, 2),
      contentType: 'application/json; charset=utf-8',
      figures,
    };
  }
  const html = renderMinisterial(figures, request.lang);
  if (request.format === 'html') {
    return { body: html, contentType: 'text/html; charset=utf-8', figures };
  }
  return { body: await htmlToPdf(html), contentType: 'application/pdf', figures };
}
