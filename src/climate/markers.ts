import { AppError } from '../errors.ts';
import { bpToPercent, percentToBp } from './percent.ts';

/**
 * The share of an amount that counts as climate finance for each PolicySignificance of a
 * climate marker, in basis points: by the common convention a principal objective counts
 * 100% and a significant one 40%.
 */
export interface MarkerCoefficients {
  principal: number;
  significant: number;
}

export const DEFAULT_COEFFICIENTS: MarkerCoefficients = { principal: 10_000, significant: 4_000 };

export function parseCoefficients(input: {
  principal?: string | undefined;
  significant?: string | undefined;
}): MarkerCoefficients {
  const coefficients = {
    principal:
      input.principal === undefined
        ? DEFAULT_COEFFICIENTS.principal
        : percentToBp(input.principal, 'principal'),
    significant:
      input.significant === undefined
        ? DEFAULT_COEFFICIENTS.significant
        : percentToBp(input.significant, 'significant'),
  };
  if (coefficients.significant > coefficients.principal) {
    throw new AppError('bad_request', 'significant: must not count more than principal');
  }
  return coefficients;
}

export function describeCoefficients(c: MarkerCoefficients): {
  principal: string;
  significant: string;
} {
  return { principal: bpToPercent(c.principal), significant: bpToPercent(c.significant) };
}

/**
 * PolicySignificance 1 is a significant objective; 2 and above (principal, principal and in
 * support of an action programme, explicit primary objective) count as principal.
 */
export function coefficientOf(significance: number, c: MarkerCoefficients): number {
  if (significance >= 2) return c.principal;
  if (significance === 1) return c.significant;
  return 0;
}

/** What an amount's markers make of it, in the same scaled units (amount × basis points). */
export interface ClimateParts {
  mitigationOnly: bigint;
  adaptationOnly: bigint;
  /** Counted for both mitigation and adaptation, once in the total. */
  dual: bigint;
  /** Disaster-risk reduction alone (also counted in adaptation). */
  drr: bigint;
}

export interface Significances {
  mitigation: number;
  adaptation: number;
  drr: number;
}

/**
 * An amount marked for mitigation and for adaptation is counted once: the climate share is
 * the larger of the two coefficients, and the smaller is the part that serves both.
 * Disaster-risk reduction counts with adaptation (the larger of the two markers).
 */
export function markerParts(
  cents: bigint,
  markers: Significances,
  c: MarkerCoefficients,
): ClimateParts {
  const mitigation = BigInt(coefficientOf(markers.mitigation, c));
  const drr = BigInt(coefficientOf(markers.drr, c));
  const adaptation = BigInt(Math.max(coefficientOf(markers.adaptation, c), Number(drr)));
  const dual = mitigation < adaptation ? mitigation : adaptation;
  return {
    mitigationOnly: cents * (mitigation - dual),
    adaptationOnly: cents * (adaptation - dual),
    dual: cents * dual,
    drr: cents * drr,
  };
}
