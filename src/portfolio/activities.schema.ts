import { z } from 'zod';
import { FilterShape, YEARS_IN_ORDER, yearsInOrder } from './aggregate.schema.ts';

export const ACTIVITY_SORTS = [
  'title',
  '-title',
  'commitments',
  '-commitments',
  'start',
  '-start',
] as const;

/** The aggregate filters, plus text search, sorting and a cursor. */
export const ActivitiesQuerySchema = FilterShape.extend({
  q: z.string().trim().max(200).optional(),
  sort: z.enum(ACTIVITY_SORTS).default('-commitments'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
})
  .strict()
  .refine(yearsInOrder, YEARS_IN_ORDER);

export type ActivitiesQuery = z.infer<typeof ActivitiesQuerySchema>;

export interface ActivitySummary {
  iatiIdentifier: string;
  title: string;
  reportingOrg: string;
  status: string | null;
  start: string | null;
  end: string | null;
  countries: string[];
  commitments: number;
  disbursements: number;
}

export interface ActivitiesPage {
  items: ActivitySummary[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}
