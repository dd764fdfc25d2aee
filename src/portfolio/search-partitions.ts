/**
 * PostgreSQL's search index in each sort key's order. A GIN index returns every match of a
 * search, unordered, and finding them costs in proportion to the posting lists it reads: at a
 * million activities, 20–40 ms for broad words, then 2 µs a match to read its sort key. So the
 * index is kept once per sort key in a table partitioned by ranges of that key, each partition
 * with a GIN index of its own; a search reads the partitions in the page's order, the first
 * alone, then two, four…, and stops when it has a page. The first partitions hold a fraction of
 * the activities, and their GIN indexes a fraction of the postings.
 *
 * The bounds only spread the activities; any bounds give the same pages. They follow what
 * partners publish: commitments from $10,000 to $10 billion in five steps a decade (in cents),
 * start dates by year, titles by their first letters in byte order (CAREC's own titles apart).
 */
import type { SortKey } from './activity-search.repository.ts';

// Five steps a decade (the R5 series), each 1.6 times the last.
const commitmentBounds = [1];
for (let cents = 1_000_000; cents < 1_000_000_000_000; cents *= 10) {
  for (const step of [1, 1.6, 2.5, 4, 6.3]) commitmentBounds.push(cents * step);
}
commitmentBounds.push(1_000_000_000_000);

const startBounds: string[] = [];
for (let year = 2000; year <= 2030; year++) startBounds.push(String(year));

/** Each partition holds the keys from one bound up to the next; the first and last are open. */
export const PARTITION_BOUNDS: Readonly<Record<SortKey, readonly (string | number)[]>> = {
  title: [
    '0',
    'A',
    'B',
    'C',
    'CAREC',
    'CB',
    'Ch',
    'Co',
    'D',
    'E',
    'F',
    'G',
    'H',
    'I',
    'K',
    'L',
    'M',
    'N',
    'P',
    'R',
    'Re',
    'S',
    'Su',
    'T',
    'U',
    'W',
    'a',
    'А',
    'К',
    'П',
    'Р',
    'С',
    'У',
    'а',
  ],
  start: startBounds,
  commitments: commitmentBounds,
};

/** The table that holds a sort key's partitions, and its column of the key. */
export const PARTITIONED_TABLE = {
  title: { table: 'activity_search_by_title', column: 'title', type: 'text collate "C"' },
  start: { table: 'activity_search_by_start', column: 'start', type: 'text collate "C"' },
  commitments: {
    table: 'activity_search_by_commitments',
    column: 'commitments_cents',
    type: 'bigint',
  },
} as const satisfies Record<SortKey, { table: string; column: string; type: string }>;

/** Compares two keys as the partitioned column does: numbers by value, text by its bytes. */
export function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' || typeof b === 'number') return Number(a) - Number(b);
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** A partition's range: from `lower` (inclusive) up to `upper`; null is open. */
export interface PartitionRange {
  lower: string | number | null;
  upper: string | number | null;
}

/** The partitions of a sort key, in ascending order. */
export function partitionRanges(key: SortKey): PartitionRange[] {
  const bounds = PARTITION_BOUNDS[key];
  return [null, ...bounds].map((lower, i) => ({ lower, upper: bounds[i] ?? null }));
}

/** The index of the partition that holds a key. */
export function partitionOf(key: SortKey, value: string | number): number {
  const bounds = PARTITION_BOUNDS[key];
  let index = 0;
  while (index < bounds.length && compareKeys(value, bounds[index]!) >= 0) index++;
  return index;
}
