/**
 * The kinds of project in the demo portfolio: sectors, typical size, climate
 * markers, implementing ministry and result indicators.
 */
import type { Kind, SectorGroup } from './kind.types.ts';
import { CONNECTIVITY_KINDS } from './kinds.connectivity.ts';
import { OTHER_KINDS } from './kinds.other.ts';

export type { IndicatorSpec, Kind, Ministry, SectorGroup, SectorSplit } from './kind.types.ts';

export const KINDS: readonly Kind[] = [...CONNECTIVITY_KINDS, ...OTHER_KINDS];

/** DAC 5-digit code → the shares' group used for calibration. */
export function groupOfSector(code: string): SectorGroup {
  const category = Number(code.slice(0, 3));
  if (category === 210) return 'transport';
  if (category >= 230 && category <= 236) return 'energy';
  if (category === 331) return 'trade';
  return 'other';
}
