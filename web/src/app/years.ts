import type { Loaded } from './useApi.ts';

export const THIS_YEAR = new Date().getUTCFullYear();

/**
 * The year a page opens on when its address names none: the latest year the API has data for,
 * up to this one; the last whole year when it has none or cannot say; null while it is asked.
 */
export function defaultYear(years: Loaded<{ years: number[] }>): number | null {
  if (years.state === 'loading') return null;
  const latest = years.data?.years.filter((y) => y <= THIS_YEAR).at(-1);
  return latest ?? THIS_YEAR - 1;
}

/** A filter's year range as typed: blanks dropped, and a range given backwards read forwards. */
export function yearRange(
  from: string,
  to: string,
): { yearFrom: string | null; yearTo: string | null } {
  const [a, b] = [from.trim() || null, to.trim() || null];
  if (a !== null && b !== null && Number(a) > Number(b)) return { yearFrom: b, yearTo: a };
  return { yearFrom: a, yearTo: b };
}
