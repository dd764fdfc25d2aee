import type { Db } from '../db/database.ts';
import { matcherOf } from './derive.ts';
import { findIndicators, findValues } from './indicator.repository.ts';
import { loadLinkedSeries } from './linked-projects.repository.ts';

/**
 * The years the scorecard has an actual for, ascending: recorded by the secretariat, or reported
 * by a linked project for a period ending that year towards an indicator that adds up (the only
 * ones the scorecard derives). Targets are plans, not data, and do not count. The results page
 * opens on the latest of these years.
 */
export async function yearsWithActuals(db: Db): Promise<number[]> {
  const indicators = await findIndicators(db);
  const years = new Set<number>();
  for (const value of await findValues(db)) if (value.kind === 'actual') years.add(value.year);
  const adding = new Set(indicators.filter((i) => i.aggregation === 'sum').map((i) => i.code));
  for (const series of await loadLinkedSeries(db, matcherOf(indicators))) {
    if (!adding.has(series.indicator)) continue;
    for (const actual of series.actuals) years.add(Number(actual.end.slice(0, 4)));
  }
  return [...years].sort((a, b) => a - b);
}
