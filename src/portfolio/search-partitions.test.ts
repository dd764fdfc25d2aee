import { describe, expect, it } from 'vitest';
import { SORT_KEYS } from './activity-search.repository.ts';
import {
  compareKeys,
  PARTITION_BOUNDS,
  partitionOf,
  partitionRanges,
} from './search-partitions.ts';

describe('search partitions', () => {
  it('has bounds in ascending order, as PostgreSQL requires of ranges', () => {
    for (const key of SORT_KEYS) {
      const bounds = PARTITION_BOUNDS[key];
      for (let i = 1; i < bounds.length; i++) {
        expect(compareKeys(bounds[i - 1]!, bounds[i]!), `${key} ${bounds[i]}`).toBeLessThan(0);
      }
    }
  });

  it('puts a key on a bound in the partition that begins there', () => {
    for (const key of SORT_KEYS) {
      const ranges = partitionRanges(key);
      expect(ranges[0]!.lower).toBeNull();
      expect(ranges.at(-1)!.upper).toBeNull();
      ranges.forEach((range, i) => {
        if (range.lower !== null) expect(partitionOf(key, range.lower)).toBe(i);
      });
    }
    expect(partitionOf('title', '')).toBe(0);
    expect(partitionOf('title', 'CAREC Corridor 1')).toBe(partitionOf('title', 'CAREC'));
    expect(partitionOf('title', 'Cl')).toBe(partitionOf('title', 'Ch'));
    expect(partitionOf('commitments', -5)).toBe(0);
    expect(partitionOf('commitments', 1_599_999)).toBe(partitionOf('commitments', 1_000_000));
  });

  it('orders titles by their UTF-8 bytes, as the partitioned column collates', () => {
    expect(compareKeys('Z', 'a')).toBeLessThan(0);
    expect(compareKeys('a', 'А')).toBeLessThan(0); // Latin before Cyrillic
    expect(compareKeys('\u{FFFF}', '\u{10000}')).toBeLessThan(0); // UTF-16 order would differ
    expect(compareKeys(10, 9)).toBeGreaterThan(0);
  });
});
