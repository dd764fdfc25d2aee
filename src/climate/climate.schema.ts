import { z } from 'zod';
import { FilterShape, list, YEARS_IN_ORDER, yearsInOrder } from '../portfolio/aggregate.schema.ts';
import { isCalendarDate } from '../calendar.ts';

export const CLIMATE_DIMENSIONS = ['country', 'cluster', 'partner', 'year'] as const;
export type ClimateDimension = (typeof CLIMATE_DIMENSIONS)[number];

/** Flows with a date: the as-of cut-off needs one, so budgets are not a climate measure. */
export const CLIMATE_MEASURES = ['commitments', 'disbursements', 'expenditure'] as const;
export type ClimateMeasure = (typeof CLIMATE_MEASURES)[number];

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine(isCalendarDate, { message: 'not a calendar date' });

export const ClimateQuerySchema = FilterShape.pick({
  country: true,
  cluster: true,
  partner: true,
  yearFrom: true,
  yearTo: true,
})
  .extend({
    measure: z.enum(CLIMATE_MEASURES).default('commitments'),
    by: list(z.enum(CLIMATE_DIMENSIONS)).default([]),
    /** Only flows dated on or before this day (read from the allocation table, not the rollup). */
    asOf: isoDate.optional(),
    /** Marker coefficients in percent; defaults 100 and 40. */
    principal: z.string().max(6).optional(),
    significant: z.string().max(6).optional(),
  })
  .strict()
  .refine(yearsInOrder, YEARS_IN_ORDER)
  .refine((q) => new Set(q.by).size === q.by.length, {
    message: 'a dimension is repeated',
    path: ['by'],
  });

export type ClimateQuery = z.infer<typeof ClimateQuerySchema>;

export interface ClimateAmounts {
  /** US dollars, exact to the cent. Mitigation and adaptation each include the dual part. */
  mitigation: string;
  adaptation: string;
  /** Serves both mitigation and adaptation; counted once in `climate`. */
  dual: string;
  /** mitigation + adaptation − dual. */
  climate: string;
  /** climate as a percentage of the portfolio amount beside it, two decimals. */
  sharePercent: number;
}

export interface MarkerAmounts extends ClimateAmounts {
  /** Disaster-risk reduction (marker 10), part of adaptation. */
  drr: string;
}

export interface ClimateRow {
  [dimension: string]: string | number | ClimateAmounts;
  portfolio: string;
  markers: MarkerAmounts;
  components: ClimateAmounts;
}

export interface ClimateAnswer {
  measure: ClimateMeasure;
  by: ClimateDimension[];
  asOf: string | null;
  coefficients: { principal: string; significant: string };
  total: {
    portfolio: string;
    markers: MarkerAmounts;
    components: ClimateAmounts & { activities: number };
  };
  rows: ClimateRow[];
}
