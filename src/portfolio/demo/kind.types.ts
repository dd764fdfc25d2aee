/** What describes a kind of demo project, and small builders for the kind tables. */
export type SectorGroup = 'transport' | 'energy' | 'trade' | 'other';

export type Ministry =
  | 'transport'
  | 'energy'
  | 'finance'
  | 'customs'
  | 'water'
  | 'agriculture'
  | 'education'
  | 'health'
  | 'emergencies'
  | 'digital'
  | 'tourism';

export interface SectorSplit {
  code: string;
  percentage: number;
}

export interface MarkerSpec {
  code: '6' | '7' | '10';
  significance: '1' | '2';
  /** Probability that a project of this kind carries the marker. */
  probability: number;
}

export interface IndicatorSpec {
  title: string;
  measure: '1' | '2';
  ascending: boolean;
  resultType: '1' | '2';
  /** US dollars per unit of the target for output indicators (target = amount / cost). */
  costPerUnit?: number;
  /** Baseline and target for indicators that do not scale with money. */
  fixed?: { baseline: [number, number]; improvement: [number, number]; decimals: number };
}

export interface Kind {
  id: string;
  /** One sentence for the description. */
  purpose: string;
  group: SectorGroup;
  /** Sector splits to choose from; percentages sum to 100. */
  sectors: readonly (readonly SectorSplit[])[];
  /** Relative number of projects of this kind. */
  count: number;
  /** Median commitment of the whole project, US dollars. */
  size: number;
  /** May span 2–4 members along a corridor. */
  regional: boolean;
  ministry: Ministry;
  markers: readonly MarkerSpec[];
  indicators: readonly IndicatorSpec[];
  /** Members where the kind does not occur. */
  excluded?: readonly string[];
}

export const s = (...pairs: [string, number][]): SectorSplit[] =>
  pairs.map(([code, percentage]) => ({ code, percentage }));

export const km = (what: string, costPerUnit: number): IndicatorSpec => ({
  title: `Length of ${what} (km)`,
  measure: '1',
  ascending: true,
  resultType: '1',
  costPerUnit,
});
export const count = (title: string, costPerUnit: number): IndicatorSpec => ({
  title,
  measure: '1',
  ascending: true,
  resultType: '1',
  costPerUnit,
});
export const change = (
  title: string,
  ascending: boolean,
  baseline: [number, number],
  improvement: [number, number],
  decimals = 1,
  measure: '1' | '2' = '1',
): IndicatorSpec => ({
  title,
  measure,
  ascending,
  resultType: '2',
  fixed: { baseline, improvement, decimals },
});

export const M = 1_000_000;
