import { describe, expect, it } from 'vitest';
import { isLocked, lockDurationMs, lockedUntil } from './user.lockout.ts';

const MINUTE = 60_000;

describe('sign-in back-off', () => {
  it('locks from the fifth failure for a minute, doubling up to an hour', () => {
    const minutes = Array.from({ length: 14 }, (_, i) => lockDurationMs(i + 1) / MINUTE);
    expect(minutes).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
    expect(lockDurationMs(10_000)).toBe(60 * MINUTE);
  });

  it('sets no lock below the threshold and a lock that ends on time above it', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    expect(lockedUntil(4, now)).toBeNull();
    const until = lockedUntil(6, now);
    expect(until).toBe('2026-03-01T10:02:00.000Z');
    expect(isLocked(until, new Date('2026-03-01T10:01:59Z'))).toBe(true);
    expect(isLocked(until, new Date('2026-03-01T10:02:00Z'))).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});
