import { z } from 'zod';
import type { Narrative } from './activity.model.ts';
import { FilterShape, YEARS_IN_ORDER, yearsInOrder } from './aggregate.schema.ts';

export const ACTIVITY_SORTS = [
  'title',
  '-title',
  'commitments',
  '-commitments',
  'start',
  '-start',
] as const;

const SearchShape = FilterShape.extend({
  q: z.string().trim().max(200).optional(),
  sort: z.enum(ACTIVITY_SORTS).default('-commitments'),
});

/** The aggregate filters, plus text search, sorting and a cursor. */
export const ActivitiesQuerySchema = SearchShape.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
})
  .strict()
  .refine(yearsInOrder, YEARS_IN_ORDER);

export type ActivitiesQuery = z.infer<typeof ActivitiesQuerySchema>;

/** The same list whole, for downloads: no cursor, no page size. */
export const ActivitiesExportQuerySchema = SearchShape.strict().refine(
  yearsInOrder,
  YEARS_IN_ORDER,
);

export type ActivitiesExportQuery = z.infer<typeof ActivitiesExportQuerySchema>;

export interface ActivitySummary {
  iatiIdentifier: string;
  title: string;
  /** The title in every language the publisher gave. */
  titles: Narrative[];
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
