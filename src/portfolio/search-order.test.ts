import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderCode } from './search-order.ts';

/** How both engines compare text: by UTF-8 bytes (SQLite's BINARY, PostgreSQL's "C"). */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

function neverDecreases<T>(
  values: fc.Arbitrary<T>,
  compare: (a: T, b: T) => number,
  code: (v: T) => number,
) {
  fc.assert(
    fc.property(values, values, (a, b) => {
      const [low, high] = compare(a, b) <= 0 ? [a, b] : [b, a];
      expect(code(low)).toBeLessThanOrEqual(code(high));
      if (compare(a, b) === 0) expect(code(a)).toBe(code(b));
    }),
    { numRuns: 2000 },
  );
}

describe('search order codes', () => {
  it('never decrease as titles increase byte by byte, in any script', () => {
    const title = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
    );
    neverDecreases(title, byBytes, (t) => orderCode('title', t));
    expect(orderCode('title', 'Road A')).toBe(orderCode('title', 'Road B'));
    expect(orderCode('title', '')).toBe(0);
  });

  it('never decrease as amounts increase, negative ones included', () => {
    const cents = fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.maxSafeInteger(),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    );
    neverDecreases(
      cents,
      (a, b) => a - b,
      (c) => orderCode('commitments', c),
    );
    expect(orderCode('commitments', -1)).toBeLessThan(orderCode('commitments', 0));
    expect(orderCode('commitments', 0)).toBeLessThan(orderCode('commitments', 1));
  });

  it('tell every start date apart, with no date first', () => {
    const date = fc
      .date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const start = fc.oneof(fc.constant(''), date);
    neverDecreases(start, byBytes, (s) => orderCode('start', s));
    fc.assert(
      fc.property(date, date, (a, b) => {
        if (a !== b) expect(orderCode('start', a)).not.toBe(orderCode('start', b));
      }),
    );
    expect(() => orderCode('start', '2020-1-1')).toThrow(/YYYY-MM-DD/);
  });
});
