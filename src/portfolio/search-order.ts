/**
 * SQLite's search index keeps every activity once per sort key, in an FTS5 table whose rowid
 * puts the entries in that key's order: a 32-bit code of the key above the activity's id.
 * FTS5 returns matches in rowid order and stops at a LIMIT, so the first page of a search reads
 * about a page of matches however many there are, where finding all matches and sorting them
 * read every one (tens of thousands for broad words, at a million activities).
 *
 * A code never decreases as its key increases (or, for keys stored upside down, never
 * increases), so matches with an earlier code always sort first; matches that share a code
 * (titles alike in their first four bytes, amounts alike to seven digits) are put in exact
 * order by their keys (see activity-search.repository.ts).
 */
import type { SortKey } from './activity-search.repository.ts';

/** Activity ids take the rowid's low 31 bits, which PostgreSQL's `integer` ids fit too. */
export const ID_BITS = 31;

const CODE_SPAN = 2 ** 32;

const float = new Float32Array(1);
const floatBits = new Uint32Array(float.buffer);

/**
 * An amount in cents as the bits of the nearest 32-bit float, turned so that unsigned order is
 * numeric order: positive floats' bits already order as their values do once the sign bit is
 * set, negative ones' in reverse once every bit is flipped.
 */
function amountCode(cents: number): number {
  float[0] = cents === 0 ? 0 : cents; // no negative zero
  const bits = floatBits[0]!;
  return bits >= 0x8000_0000 ? ~bits >>> 0 : (bits | 0x8000_0000) >>> 0;
}

const START = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A start date ('' for none) as days counted month by month: exact, and '' first. */
function startCode(start: string): number {
  if (start === '') return 0;
  const parts = START.exec(start);
  if (!parts) throw new Error(`search order: a start date must be YYYY-MM-DD, not ${start}`);
  return Number(parts[1]) * 512 + Number(parts[2]) * 32 + Number(parts[3]) + 1;
}

/** A title's first four UTF-8 bytes as a big-endian number: byte order, as both engines sort. */
function titleCode(title: string): number {
  // Four UTF-16 units make at least four bytes; the fifth completes a pair the fourth begins.
  const bytes = Buffer.from(title.slice(0, 5), 'utf8');
  let code = 0;
  for (let i = 0; i < 4; i++) code = code * 256 + (bytes[i] ?? 0);
  return code;
}

/**
 * FTS5 reads its posting lists faster upwards than downwards (at a million activities, 29 ms
 * against 44 ms for a search that matches nothing), so keys listed largest first by default
 * (commitments, newest start) are stored upside down, and their usual order reads upwards.
 */
const STORED_DESCENDING: ReadonlySet<SortKey> = new Set(['commitments', 'start']);

/** The code in an entry's rowid: the key's code, upside down for keys stored descending. */
export function rowidCode(key: SortKey, value: string | number): number {
  const code = orderCode(key, value);
  return STORED_DESCENDING.has(key) ? CODE_SPAN - 1 - code : code;
}

/** Whether a list in this order reads its sort key's FTS5 table by rising rowids. */
export function readsUpwards(key: SortKey, descending: boolean): boolean {
  return descending === STORED_DESCENDING.has(key);
}

/** The code of a sort key's value, from 0 to 2³² − 1. */
export function orderCode(key: SortKey, value: string | number): number {
  const code =
    key === 'commitments'
      ? amountCode(Number(value))
      : key === 'start'
        ? startCode(String(value))
        : titleCode(String(value));
  if (!(code >= 0 && code < CODE_SPAN)) throw new Error(`search order: no code for ${value}`);
  return code;
}
