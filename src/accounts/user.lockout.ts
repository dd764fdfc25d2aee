/**
 * Back-off after failed sign-ins: from the 5th consecutive failure the account is locked for
 * 1 minute, doubling with each further failure up to 1 hour. Guessing is slowed to a crawl,
 * while the owner is never shut out for longer than an hour (an admin's reset unlocks at once).
 */
export const LOCKOUT = {
  threshold: 5,
  firstLockMs: 60_000,
  maxLockMs: 3_600_000,
} as const;

/** How long to lock after this many consecutive failures; 0 below the threshold. */
export function lockDurationMs(consecutiveFailures: number): number {
  const beyond = consecutiveFailures - LOCKOUT.threshold;
  if (beyond < 0) return 0;
  // Capping the exponent keeps 2 ** beyond finite however long the attack goes on.
  return Math.min(LOCKOUT.firstLockMs * 2 ** Math.min(beyond, 32), LOCKOUT.maxLockMs);
}

export function lockedUntil(consecutiveFailures: number, now: Date): string | null {
  const duration = lockDurationMs(consecutiveFailures);
  return duration === 0 ? null : new Date(now.getTime() + duration).toISOString();
}

export function isLocked(lockedUntilIso: string | null, now: Date): boolean {
  return lockedUntilIso !== null && Date.parse(lockedUntilIso) > now.getTime();
}
