import type { AggregateAnswer, AggregateRow } from '../../../../src/portfolio/aggregate.schema.ts';
import type { PortfolioOverview } from '../../../../src/portfolio/overview.service.ts';
import type {
  clusterSummary,
  corridorSummary,
  countrySummary,
  partnerSummary,
} from '../../../../src/portfolio/summary.service.ts';
import { queryString } from '../../app/api.ts';
import { useApi } from '../../app/useApi.ts';

export type { AggregateAnswer, AggregateRow, PortfolioOverview };
export type CountrySummary = Awaited<ReturnType<typeof countrySummary>>;
export type PartnerSummary = Awaited<ReturnType<typeof partnerSummary>>;
export type ClusterSummary = Awaited<ReturnType<typeof clusterSummary>>;
export type CorridorSummary = Awaited<ReturnType<typeof corridorSummary>>;

export type Measure = AggregateAnswer['measure'];

export function useOverview() {
  return useApi<PortfolioOverview>('/api/overview');
}

export function useAggregate(
  by: string,
  measure: Measure = 'commitments',
  filters: Record<string, string> = {},
) {
  return useApi<AggregateAnswer>(`/api/aggregate${queryString({ by, measure, ...filters })}`);
}

/** Rows of an answer grouped by one dimension, as a map from its key to the value. */
export function byKey(
  rows: readonly AggregateRow[] | undefined,
  dimension: string,
): Map<string, number> {
  return new Map((rows ?? []).map((r) => [String(r[dimension]), r.value]));
}
