import type { El } from './el.ts';
import type { ActivityReader } from './reader.ts';

export interface Share {
  el: El;
  percentage: string | null;
}

// ±0.01 as the rule says, plus what binary floating point loses summing 33.33 three times.
const TOLERANCE = 0.01 + 1e-9;

/**
 * Shares of one split (recipient countries and regions of one vocabulary, sectors of one
 * vocabulary) must add up to 100 (±0.01) when there are several, and all give one. Not an
 * XSD rule, so only under full checks; `strict` false reports a broken split as a warning.
 */
export function checkShares(r: ActivityReader, shares: Share[], what: string, strict = true): void {
  const [first] = shares;
  if (!r.full || first === undefined) return;
  const report = (el: El, message: string) => (strict ? r.error(el, message) : r.warn(el, message));
  if (shares.length === 1) {
    // The rule binds several shares; one share under 100 may mean the rest is unspecified.
    const value = first.percentage;
    if (value !== null && Math.abs(Number(value) - 100) > TOLERANCE) {
      r.warn(first.el, `the only ${what} has percentage ${value}, not 100`);
    }
    return;
  }
  const missing = shares.filter((share) => !r.has(share.el, 'percentage'));
  if (missing.length > 0) {
    const some = missing.length < shares.length ? 'some of the' : 'the';
    report(
      first.el,
      `${some} ${shares.length} ${what} shares give no percentage; several must add up to 100`,
    );
    return;
  }
  let sum = 0;
  for (const share of shares) {
    if (share.percentage === null) return; // already rejected as not a number
    sum += Number(share.percentage);
  }
  if (Math.abs(sum - 100) > TOLERANCE) {
    const total = Number(sum.toFixed(6));
    report(
      first.el,
      `percentages of the ${shares.length} ${what} shares add up to ${total}, not 100`,
    );
  }
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
