import { describe, expect, it } from 'vitest';
import { progressOf } from './progress.ts';

describe('the progress rule', () => {
  it('measures the share of the targeted change achieved, whichever way is better', () => {
    expect(progressOf('higher', 100, 200, 195)).toEqual({ progress: 0.95, status: 'on_track' });
    expect(progressOf('higher', 100, 200, 180)).toEqual({ progress: 0.8, status: 'at_risk' });
    expect(progressOf('higher', 100, 200, 150)).toEqual({ progress: 0.5, status: 'off_track' });
    // Border crossing time from 20 to 10 hours; 11 hours is 90% of the way.
    expect(progressOf('lower', 20, 10, 11)).toEqual({ progress: 0.9, status: 'on_track' });
    expect(progressOf('lower', 20, 10, 13)).toEqual({ progress: 0.7, status: 'at_risk' });
    expect(progressOf('lower', 20, 10, 22)).toEqual({ progress: -0.2, status: 'off_track' });
  });

  it('judges the share itself, not the share as shown', () => {
    // 89.96% shows as 90.0% but is short of 90%.
    expect(progressOf('higher', 0, 10000, 8996)).toEqual({ progress: 0.9, status: 'at_risk' });
    // Exactly 90% whatever floating point makes of 1.0 − 0.1 and 1.1 − 0.1.
    expect(progressOf('higher', 0.1, 1.1, 1.0).status).toBe('on_track');
  });

  it('judges a target equal to its baseline by direction, and says when data is missing', () => {
    expect(progressOf('higher', 5, 5, 5).status).toBe('on_track');
    expect(progressOf('lower', 5, 5, 6).status).toBe('off_track');
    expect(progressOf('higher', null, 5, 6)).toEqual({ progress: null, status: 'no_data' });
    expect(progressOf('higher', 1, 5, null).status).toBe('no_data');
  });
});
