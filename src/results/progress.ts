/**
 * The progress rule (README, "Results framework"): progress is the share of the targeted change
 * achieved, (actual − baseline) / (target − baseline), which reads the same whether higher or
 * lower is better. At least 90% is on track, at least 70% at risk, less is off track. A target
 * equal to its baseline is on track when the actual is at least as good, else off track.
 */
export const ON_TRACK = 0.9;
export const AT_RISK = 0.7;

export const STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];

export function progressOf(
  direction: 'higher' | 'lower',
  baseline: number | null,
  target: number | null,
  actual: number | null,
): { progress: number | null; status: Status } {
  if (baseline === null || target === null || actual === null) {
    return { progress: null, status: 'no_data' };
  }
  if (target === baseline) {
    const good = direction === 'higher' ? actual >= target : actual <= target;
    return { progress: null, status: good ? 'on_track' : 'off_track' };
  }
  // Judged on the share itself (89.96% is at risk), rounded only to be shown. The tolerance is
  // what binary floating point loses on decimal data: (1.0 − 0.1) / (1.1 − 0.1) is 90% too.
  const share = (actual - baseline) / (target - baseline) + 1e-9;
  return {
    progress: Math.round(share * 1000) / 1000,
    status: share >= ON_TRACK ? 'on_track' : share >= AT_RISK ? 'at_risk' : 'off_track',
  };
}
