import type { ClimatePipeline } from '../../../../src/climate/pipeline.service.ts';
import type { SharesOutcome } from '../../../../src/climate/climate-share.service.ts';
import type { SharesView } from '../../../../src/climate/climate-share.model.ts';
import type {
  ClimateAmounts,
  ClimateAnswer,
  ClimateDimension,
  ClimateMeasure,
  ClimateRow,
  MarkerAmounts,
  CLIMATE_MEASURES as SERVER_MEASURES,
} from '../../../../src/climate/climate.schema.ts';
import { queryString, sendJson } from '../../app/api.ts';
import { useApi } from '../../app/useApi.ts';

export type { ClimateAmounts, ClimateAnswer, ClimateDimension, ClimateMeasure, ClimateRow };
export type { ClimatePipeline, MarkerAmounts, SharesOutcome, SharesView };

/** The server's measures (the type holds the two lists together without loading its zod schemas). */
export const CLIMATE_MEASURES: typeof SERVER_MEASURES = [
  'commitments',
  'disbursements',
  'expenditure',
];

/** A row's value of one dimension: an ISO code, a cluster or year number, a partner ref. */
export const dimensionOf = (row: ClimateRow, dimension: ClimateDimension) =>
  row[dimension] as string | number | null;

/** The filters `GET /api/climate` takes, as the page keeps them in its address. */
export interface ClimateFilters {
  measure?: string;
  country?: string;
  cluster?: string;
  partner?: string;
  yearFrom?: string;
  yearTo?: string;
}

export const useClimate = (by: ClimateDimension | null, filters: ClimateFilters) =>
  useApi<ClimateAnswer>(`/api/climate${queryString({ ...filters, by })}`);

export const useClimatePipeline = () => useApi<ClimatePipeline>('/api/climate/pipeline');

export const useShares = () =>
  useApi<{ activities: SharesView[] }>('/api/climate/shares', { fresh: true });

const sharesPath = (identifier: string) => `/api/climate/shares/${encodeURIComponent(identifier)}`;

/** The body of `PUT /api/climate/shares/:id` (src/climate/climate-share.model.ts). */
export interface SharesBody {
  source: string;
  assessedOn: string;
  components: {
    component?: string;
    componentPercent?: string;
    mitigationPercent: string;
    adaptationPercent: string;
    dualPercent?: string;
  }[];
}

export async function putShares(
  identifier: string,
  body: SharesBody,
): Promise<{ outcome: SharesOutcome; shares: SharesView }> {
  return (await sendJson<{ outcome: SharesOutcome; shares: SharesView }>(
    'PUT',
    sharesPath(identifier),
    body,
  ))!;
}

export async function deleteShares(identifier: string): Promise<void> {
  await sendJson('DELETE', sharesPath(identifier));
}

/** A dollar decimal string from the API as a number, for chart lengths only (never for sums). */
export const dollars = (decimal: string) => Number(decimal);
