import type { ActivitiesQuery } from './activities.schema.ts';
import { activityDate, type ActivityInput } from './activity.model.ts';
import type { AllocationTable } from './allocation.table.ts';

/**
 * What an activity list's filters match, as tokens indexed beside the activity's words, so that
 * one full-text lookup (FTS5 or a GIN index) answers words and filters together: intersecting
 * posting lists stays fast at a million activities, where testing each activity that has the
 * words against its allocations does not.
 *
 * A token is a one-letter facet and the value's UTF-8 in hex, so any code (a partner's
 * reference with dashes and dots) is one token that no other value or facet shares.
 */
const FACET = {
  country: 'c',
  region: 'r',
  sector: 's',
  sectorCategory: 'g',
  cluster: 'l',
  corridor: 'k',
  partner: 'p',
  status: 't',
  year: 'y',
  decade: 'e',
  firstYear: 'f',
  firstDecade: 'h',
  lastYear: 'a',
  lastDecade: 'b',
  climate: 'm',
} as const;

type Facet = keyof typeof FACET;

export function facetToken(facet: Facet, value: string | number): string {
  return FACET[facet] + Buffer.from(String(value), 'utf8').toString('hex');
}

// Years outside those a filter can name share one token each side, so open ranges stay exact.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
const BEFORE = `<${FIRST_YEAR}`;
const AFTER = `>${LAST_YEAR}`;

function yearValue(year: number): string | number {
  return year < FIRST_YEAR ? BEFORE : year > LAST_YEAR ? AFTER : year;
}

/**
 * A year range names whole decades by a token of their own: a range of years is an OR of
 * posting lists each nearly as long as the activities of a year, so ten years in one list
 * make it several times cheaper. Decades run from the 1900s to the 2090s.
 */
const decadeOf = (year: number) => Math.floor(year / 10);
const FIRST_DECADE = decadeOf(FIRST_YEAR);
const LAST_DECADE = decadeOf(LAST_YEAR) - 1;

const CLIMATE = ['mitigation', 'adaptation', 'drr'] as const;

/** The facet tokens an activity has of itself: its status, regions and corridors. */
export function ownFacets(
  activity: Pick<ActivityInput, 'status' | 'corridors'> & {
    recipientRegions: readonly { code: string }[];
  },
): string[] {
  const tokens = new Set<string>();
  if (activity.status) tokens.add(facetToken('status', activity.status));
  for (const region of activity.recipientRegions) tokens.add(facetToken('region', region.code));
  for (const corridor of activity.corridors) tokens.add(facetToken('corridor', corridor));
  return [...tokens];
}

/** The facet tokens of an activity's entry: its own (see ownFacets) and its allocations'. */
export function entryFacets(
  own: readonly string[],
  allocations: readonly AllocationTable[],
): string[] {
  const tokens = new Set<string>(own);
  let first = Infinity;
  let last = -Infinity;
  for (const row of allocations) {
    tokens.add(facetToken('country', row.country));
    tokens.add(facetToken('sector', row.sector));
    if (row.sector_category) tokens.add(facetToken('sectorCategory', row.sector_category));
    if (row.cluster_code) tokens.add(facetToken('cluster', row.cluster_code));
    if (row.partner) tokens.add(facetToken('partner', row.partner));
    tokens.add(facetToken('year', yearValue(row.year)));
    const decade = decadeOf(row.year);
    if (decade >= FIRST_DECADE && decade <= LAST_DECADE) tokens.add(facetToken('decade', decade));
    for (const marker of CLIMATE) if (row[marker] > 0) tokens.add(facetToken('climate', marker));
    first = Math.min(first, row.year);
    last = Math.max(last, row.year);
  }
  if (allocations.length) for (const token of yearExtentFacets(first, last)) tokens.add(token);
  return [...tokens].sort();
}

/**
 * The tokens of an activity's first and last years (and their decades), which open year ranges
 * match: an activity has a year from 2015 on when its last year is 2015 or later. Each activity
 * is in one list of each, so an open range reads the activities once, where the lists of every
 * year read each activity once for each of its years (ten or more).
 */
export function yearExtentFacets(first: number, last: number): string[] {
  const tokens = [
    facetToken('firstYear', yearValue(first)),
    facetToken('lastYear', yearValue(last)),
  ];
  for (const [year, facet] of [
    [first, 'firstDecade'],
    [last, 'lastDecade'],
  ] as const) {
    const decade = decadeOf(year);
    if (decade >= FIRST_DECADE && decade <= LAST_DECADE) tokens.push(facetToken(facet, decade));
  }
  return tokens;
}

/** The year of a stored year token (`year` facet); one beyond the bounds, as the bound's neighbour. */
export function yearOfToken(token: string): number | null {
  if (!token.startsWith(FACET.year)) return null;
  const value = Buffer.from(token.slice(1), 'hex').toString('utf8');
  return value === BEFORE ? FIRST_YEAR - 1 : value === AFTER ? LAST_YEAR + 1 : Number(value);
}

/** The years from `from` to `to` as tokens: whole decades by their decade, the rest by year. */
function yearRange(from: number, to: number, yearFacet: Facet, decadeFacet: Facet): string[] {
  const tokens: string[] = [];
  for (let y = from; y <= to;) {
    const decade = decadeOf(y);
    if (y % 10 === 0 && y + 9 <= to && decade <= LAST_DECADE) {
      tokens.push(facetToken(decadeFacet, decade));
      y += 10;
    } else {
      tokens.push(facetToken(yearFacet, y));
      y += 1;
    }
  }
  return tokens;
}

type Filters = Omit<ActivitiesQuery, 'q' | 'sort' | 'limit' | 'cursor'>;

/** The filters as token groups: an activity matches when it has a token of every group. */
export function facetGroups(filters: Filters): string[][] {
  const groups: string[][] = [];
  const anyOf = (facet: Facet, values: readonly (string | number)[] | undefined) => {
    if (values?.length) groups.push([...new Set(values.map((v) => facetToken(facet, v)))]);
  };
  anyOf('country', filters.country);
  anyOf('region', filters.region);
  anyOf('sector', filters.sector);
  anyOf('sectorCategory', filters.sectorCategory);
  anyOf('cluster', filters.cluster?.map(Number));
  anyOf('corridor', filters.corridor?.map(Number));
  anyOf('partner', filters.partner);
  anyOf('status', filters.status);
  if (filters.climate) {
    anyOf('climate', filters.climate === 'any' ? CLIMATE : [filters.climate]);
  }
  const { yearFrom, yearTo } = filters;
  if (yearFrom !== undefined && yearTo !== undefined) {
    groups.push(yearRange(yearFrom, yearTo, 'year', 'decade'));
  } else if (yearFrom !== undefined) {
    const through = yearRange(yearFrom, LAST_YEAR, 'lastYear', 'lastDecade');
    groups.push([...through, facetToken('lastYear', AFTER)]);
  } else if (yearTo !== undefined) {
    const upTo = yearRange(FIRST_YEAR, yearTo, 'firstYear', 'firstDecade');
    groups.push([facetToken('firstYear', BEFORE), ...upTo]);
  }
  return groups;
}

/**
 * A search phrase as FTS5 syntax: every word must match a whole word, as PostgreSQL's
 * plainto_tsquery matches (a prefix query would merge the lists of every longer word, twice
 * the cost at a million activities), quoted so that nothing is an operator.
 */
function ftsWords(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => `"${word.replace(/"/g, '""')}"`)
    .join(' ');
}

/** An FTS5 query over the `text` and `facets` columns of SQLite's activity_search. */
export function ftsMatch(words: string | undefined, groups: readonly string[][]): string {
  const parts = groups.map((group) => `{facets} : (${group.map((t) => `"${t}"`).join(' OR ')})`);
  if (words) parts.unshift(`{text} : (${ftsWords(words)})`);
  return parts.join(' AND ');
}

/** A PostgreSQL tsquery over the facets tsvector (tokens are [a-z0-9], so need no quoting). */
export function facetTsQuery(groups: readonly string[][]): string {
  return groups.map((group) => `(${group.join(' | ')})`).join(' & ');
}

/** What full-text search reads: the identifier, and titles and descriptions in every language. */
export function searchText(activity: ActivityInput): string {
  const narratives = [...activity.titles, ...activity.descriptions.flatMap((d) => d.narratives)];
  return `${activity.iatiIdentifier}\n${narratives.map((n) => n.text).join('\n')}`;
}

/** The start date lists sort by: the actual one, else the planned one, else none (''). */
export function listedStart(activity: ActivityInput): string {
  return activityDate(activity, '2') ?? activityDate(activity, '1') ?? '';
}
