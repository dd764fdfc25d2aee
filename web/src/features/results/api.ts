import type {
  Indicator,
  PROGRAMME as SERVER_PROGRAMME,
  RecordedValue,
  VALUE_KINDS as SERVER_KINDS,
  ValueKind,
} from '../../../../src/results/indicator.model.ts';
import type { Status } from '../../../../src/results/progress.ts';
import type {
  Point,
  Scorecard,
  ScorecardEntry,
  ScorecardIndicator,
} from '../../../../src/results/scorecard.service.ts';
import { queryString, sendJson } from '../../app/api.ts';
import { useApi } from '../../app/useApi.ts';

export type { Indicator, Point, RecordedValue, Scorecard, ScorecardEntry, ScorecardIndicator };
export type { Status, ValueKind };

// The server's constants, held to its types, without loading its zod schemas into the page.
export const PROGRAMME: typeof SERVER_PROGRAMME = 'CAREC';
export const VALUE_KINDS: typeof SERVER_KINDS = ['baseline', 'target', 'actual'];

/** Waits (null) until the year is known. */
export const useScorecard = (year: number | null) =>
  useApi<Scorecard>(year === null ? null : `/api/results/scorecard${queryString({ year })}`);

/** The years with an actual, recorded or reported, ascending. */
export const useResultYears = () => useApi<{ years: number[] }>('/api/results/years');

export const useIndicators = ({ fresh = false } = {}) =>
  useApi<{ indicators: Indicator[] }>('/api/results/indicators', { fresh });

export const useValues = (indicator: string | null, country: string | null) =>
  useApi<{ values: RecordedValue[] }>(
    indicator ? `/api/results/values${queryString({ indicator, country })}` : null,
    { fresh: true },
  );

/** The body of `POST /api/results/values` (src/results/indicator.model.ts, ValueInputSchema). */
export interface ValueBody {
  indicator: string;
  country: string;
  year: number;
  kind: ValueKind;
  value: string;
  note?: string;
}

export async function recordValue(body: ValueBody): Promise<RecordedValue> {
  return (await sendJson<RecordedValue>('POST', '/api/results/values', body))!;
}

export async function removeValue(
  value: Pick<RecordedValue, 'indicator' | 'country' | 'year' | 'kind'>,
) {
  const path = [value.indicator, value.country, String(value.year), value.kind]
    .map(encodeURIComponent)
    .join('/');
  await sendJson('DELETE', `/api/results/values/${path}`);
}
