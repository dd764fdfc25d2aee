import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.ts';
import { DEFAULT_COEFFICIENTS, markerParts, parseCoefficients } from './markers.ts';
import { bpToPercent, percentToBp, shareOf } from './percent.ts';

const c = DEFAULT_COEFFICIENTS;
const none = { mitigation: 0, adaptation: 0, drr: 0 };

describe('marker arithmetic', () => {
  it('counts a principal marker whole and a significant one at 40%', () => {
    expect(markerParts(100n, { ...none, mitigation: 2 }, c)).toEqual({
      mitigationOnly: 1_000_000n,
      adaptationOnly: 0n,
      dual: 0n,
      drr: 0n,
    });
    expect(markerParts(100n, { ...none, adaptation: 1 }, c).adaptationOnly).toBe(400_000n);
  });

  it('counts an amount marked for mitigation and adaptation once, the overlap as dual', () => {
    // Principal mitigation, significant adaptation: 100% climate, of which 40% serves both.
    expect(markerParts(100n, { mitigation: 2, adaptation: 1, drr: 0 }, c)).toEqual({
      mitigationOnly: 600_000n,
      adaptationOnly: 0n,
      dual: 400_000n,
      drr: 0n,
    });
    // Both principal: 100%, all of it dual.
    expect(markerParts(100n, { mitigation: 2, adaptation: 2, drr: 0 }, c).dual).toBe(1_000_000n);
  });

  it('counts disaster-risk reduction with adaptation, never on top of it', () => {
    const parts = markerParts(100n, { mitigation: 0, adaptation: 1, drr: 2 }, c);
    expect(parts).toEqual({
      mitigationOnly: 0n,
      adaptationOnly: 1_000_000n,
      dual: 0n,
      drr: 1_000_000n,
    });
  });

  it('treats significance 3 and 4 as principal and 0 as nothing', () => {
    expect(markerParts(100n, { ...none, mitigation: 3 }, c).mitigationOnly).toBe(1_000_000n);
    expect(markerParts(100n, { ...none, adaptation: 4 }, c).adaptationOnly).toBe(1_000_000n);
    expect(markerParts(100n, none, c)).toEqual({
      mitigationOnly: 0n,
      adaptationOnly: 0n,
      dual: 0n,
      drr: 0n,
    });
  });

  it('takes configured coefficients and refuses nonsense naming the parameter', () => {
    expect(parseCoefficients({ significant: '50' })).toEqual({
      principal: 10_000,
      significant: 5_000,
    });
    expect(() => parseCoefficients({ principal: '101' })).toThrow(/principal: "101"/);
    expect(() => parseCoefficients({ significant: '12.345' })).toThrow(/significant/);
    expect(() => parseCoefficients({ principal: '30', significant: '40' })).toThrow(
      /must not count more than principal/,
    );
  });
});

describe('apportioning scaled amounts to cents', () => {
  it('keeps the parts summing to the rounded whole, largest remainders first', () => {
    // Three thirds of a cent-and-a-bit: 33.3333 + 33.3333 + 33.3334 = 100 cents.
    const parts = apportion([333_333n, 333_333n, 333_334n], 10_000n);
    expect(parts).toEqual([33, 33, 34]);
    expect(apportion([5_000n, 5_000n], 10_000n)).toEqual([1, 0]);
    expect(apportion([-15_000n, 5_000n], 10_000n)).toEqual([-1, 0]);
  });

  it('sums to the rounded total for any parts', () => {
    for (let seed = 1; seed < 200; seed++) {
      const parts = Array.from({ length: (seed % 7) + 1 }, (_, i) =>
        BigInt(((seed * 7919 + i * 104729) % 99991) - 20000),
      );
      const total = Number(parts.reduce((a, b) => a + b, 0n));
      const rounded = apportion(parts, 10_000n).reduce((a, b) => a + b, 0);
      expect(rounded).toBe(Math.round(total / 10_000) + 0);
    }
  });
});

describe('percentages', () => {
  it('reads and writes two decimals exactly', () => {
    expect(percentToBp('33.33', 'x')).toBe(3333);
    expect(percentToBp(12.5, 'x')).toBe(1250);
    expect(bpToPercent(1250)).toBe('12.5');
    expect(bpToPercent(4000)).toBe('40');
    expect(shareOf(1n, 3n)).toBe(33.33);
    expect(() => percentToBp('-1', 'dualPercent')).toThrow(/dualPercent/);
  });
});
