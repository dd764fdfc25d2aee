import { z } from 'zod';
import { organisationByRef } from '../reference/organisations.ts';
import { MEASURES } from './allocation.table.ts';

export const DIMENSIONS = [
  'country',
  'year',
  'sector',
  'sectorCategory',
  'cluster',
  'corridor',
  'partner',
  'status',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const CLIMATE_MARKERS = ['mitigation', 'adaptation', 'drr', 'any'] as const;

/** A comma-separated list in a query string ("KZ,UZ"), or the same parameter repeated. */
export function list<T extends z.ZodType<string, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')))
    .transform((values) => values.map((v) => v.trim()).filter((v) => v !== ''))
    .pipe(z.array(item).max(50));
}

const year = z.coerce.number().int().min(1900).max(2100);

/** Filters shared by aggregates, activity lists and exports. */
export const FilterShape = z.object({
  country: list(
    z.string().regex(/^([A-Z]{2}|regional)$/, 'ISO 3166-1 alpha-2 or "regional"'),
  ).optional(),
  /** IATI recipient regions (e.g. 619, Central Asia): activities that name the region. */
  region: list(
    z.string().regex(/^[0-9A-Za-z-]{1,10}$/, 'an IATI region code such as 619'),
  ).optional(),
  sector: list(z.string().regex(/^[0-9A-Za-z.-]{1,20}$/)).optional(),
  sectorCategory: list(z.string().regex(/^\d{3}$/, 'a DAC 3-digit category')).optional(),
  cluster: list(z.string().regex(/^[1-5]$/, 'a CAREC cluster 1–5')).optional(),
  corridor: list(z.string().regex(/^[1-6]$/, 'a CAREC corridor 1–6')).optional(),
  /** Organisation refs, any alias (46004 or XM-DAC-46004), as stored: canonical. */
  partner: list(z.string().min(1).max(200))
    .transform((refs) => refs.map((ref) => organisationByRef(ref)?.ref ?? ref))
    .optional(),
  status: list(z.string().regex(/^\d$/, 'an ActivityStatus code')).optional(),
  climate: z.enum(CLIMATE_MARKERS).optional(),
  yearFrom: year.optional(),
  yearTo: year.optional(),
});

export function yearsInOrder(q: { yearFrom?: number; yearTo?: number }): boolean {
  return q.yearFrom === undefined || q.yearTo === undefined || q.yearFrom <= q.yearTo;
}

export const YEARS_IN_ORDER = { message: 'yearFrom must not be after yearTo', path: ['yearFrom'] };

export const AggregateQuerySchema = FilterShape.extend({
  measure: z.enum(MEASURES).default('commitments'),
  by: list(z.enum(DIMENSIONS)).default([]),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD or EUR')
    .default('USD'),
})
  .strict()
  .refine(yearsInOrder, YEARS_IN_ORDER)
  .refine((q) => new Set(q.by).size === q.by.length, {
    message: 'a dimension is repeated',
    path: ['by'],
  });

export type AggregateQuery = z.infer<typeof AggregateQuerySchema>;

export interface AggregateRow {
  [dimension: string]: string | number;
  value: number;
}

export interface AggregateAnswer {
  measure: AggregateQuery['measure'];
  currency: string;
  by: Dimension[];
  rows: AggregateRow[];
  total: number;
  /** The annual rates used to show US dollar values in another currency, by year. */
  exchangeRates?: { year: number; perUsd: string; source: string }[];
}
