/**
 * Exact decimal arithmetic for published amounts. IATI values are decimal strings; floating
 * point would lose cents on large loans, so amounts become BigInt units before any division.
 */
const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/** A decimal string as an integer number of 10^-scale units, with its scale. */
function parseDecimal(text: string): { units: bigint; scale: number } {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

/** Rounds numerator/denominator to the nearest integer, halves away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/** A decimal amount in whole cents, rounded half away from zero. */
export function decimalToCents(value: string): number {
  const { units, scale } = parseDecimal(value);
  return toSafeNumber(divideRounded(units * 100n, 10n ** BigInt(scale)));
}

/** An amount in a currency worth `perUsd` units per US dollar, as US cents. */
export function convertToUsdCents(value: string, perUsd: string): number {
  const amount = parseDecimal(value);
  const rate = parseDecimal(perUsd);
  if (rate.units <= 0n) throw new RangeError(`exchange rate must be positive: ${perUsd}`);
  // value / perUsd * 100, with both scales folded into integers.
  const numerator = amount.units * 100n * 10n ** BigInt(rate.scale);
  const denominator = rate.units * 10n ** BigInt(amount.scale);
  return toSafeNumber(divideRounded(numerator, denominator));
}

export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function toSafeNumber(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`amount out of range: ${value} cents`);
  return result;
}
