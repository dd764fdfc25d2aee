import { AppError } from '../errors.ts';

/** Basis points in one percent, and in a whole. */
export const BP_PER_PERCENT = 100;
export const WHOLE_BP = 10_000;

/**
 * A percentage from 0 to 100 with at most two decimals ("40", "33.33", 12.5) as exact basis
 * points; anything else is an error naming the field.
 */
export function percentToBp(value: string | number, field: string): number {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  const bp = match
    ? Number(match[1]) * BP_PER_PERCENT + Number((match[2] ?? '').padEnd(2, '0'))
    : NaN;
  if (!match || bp > WHOLE_BP) {
    throw new AppError(
      'bad_request',
      `${field}: ${JSON.stringify(value)} is not a percentage from 0 to 100 with at most two decimals`,
    );
  }
  return bp;
}

/** Basis points back to the shortest percentage text: 4000 → "40", 3333 → "33.33". */
export function bpToPercent(bp: number): string {
  const whole = Math.trunc(bp / BP_PER_PERCENT);
  const rest = bp % BP_PER_PERCENT;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** A share of a whole as a percentage with two decimals (0 when the whole is 0). */
export function shareOf(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  const basisPoints = (part * 20_000n + whole) / (2n * whole);
  return Number(basisPoints) / 100;
}
