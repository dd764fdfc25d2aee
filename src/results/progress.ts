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
  const progress = Math.round(((actual - baseline) / (target - baseline)) * 1000) / 1000;
  return {
    progress,
    status: progress >= ON_TRACK ? 'on_track' : progress >= AT_RISK ? 'at_risk' : 'off_track',
  };
}
