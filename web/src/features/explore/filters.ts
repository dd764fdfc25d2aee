import { useMemo } from 'react';
import { useSearchParams } from '../../app/router.tsx';
import { ACTIVITY_SORTS } from '../../../../src/portfolio/activities.schema.ts';
import { CLIMATE_MARKERS } from '../../../../src/portfolio/aggregate.schema.ts';

/** The Explore filters as they appear in the URL and in the API's query string. */
export const FILTER_KEYS = [
  'q',
  'country',
  'cluster',
  'sectorCategory',
  'corridor',
  'partner',
  'status',
  'climate',
  'yearFrom',
  'yearTo',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export { ACTIVITY_SORTS, CLIMATE_MARKERS };
export type Sort = (typeof ACTIVITY_SORTS)[number];

export function useExploreState() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const found: Filters = {};
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value) found[key] = value;
    }
    return found;
  }, [params]);
  const sort = (params.get('sort') ?? '-commitments') as Sort;
  const cursor = params.get('cursor');

  /** A new filter or sort starts again from the first page. */
  const update = (changes: Partial<Record<FilterKey | 'sort', string | null>>) =>
    setParams((current) => {
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') current.delete(key);
        else current.set(key, value);
      }
      current.delete('cursor');
      return current;
    });
  const page = (next: string | null) =>
    setParams((current) => {
      if (next) current.set('cursor', next);
      else current.delete('cursor');
      return current;
    });
  const clear = () =>
    setParams((current) => {
      for (const key of [...FILTER_KEYS, 'cursor', 'sort']) current.delete(key);
      return current;
    });
  return { filters, sort, cursor, update, page, clear };
}

/** The API query for the filters and sort (no cursor): the list, and its downloads. */
export function apiQuery(filters: Filters, sort: Sort): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  if (sort !== '-commitments') query.set('sort', sort);
  return query;
}
