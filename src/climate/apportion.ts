/**
 * Rounds amounts held as scaled numerators (cents × basis points, say) to whole units so that
 * the parts add up to the rounded whole exactly: the whole is rounded half up, each part gets
 * the floor of its value, and the units left over go to the largest remainders (ties in order).
 */
export function apportion(numerators: readonly bigint[], scale: bigint): number[] {
  if (numerators.length === 0) return [];
  const sum = numerators.reduce((a, b) => a + b, 0n);
  const whole = floorDiv(2n * sum + scale, 2n * scale);
  const parts = numerators.map((n) => floorDiv(n, scale));
  let left = whole - parts.reduce((a, b) => a + b, 0n);
  const order = numerators
    .map((n, i) => ({ i, rest: n - floorDiv(n, scale) * scale }))
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map((p) => {
    const value = Number(p);
    if (!Number.isSafeInteger(value)) throw new RangeError(`amount out of range: ${p}`);
    return value;
  });
}

/** The whole of scaled numerators, rounded half up: what apportion's parts add up to. */
export function roundScaled(numerator: bigint, scale: bigint): number {
  return Number(floorDiv(2n * numerator + scale, 2n * scale));
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
