import { describe, expect, it } from 'vitest';
import { newActivity, resultValue } from '../climate/climate.test-support.ts';
import type { ResultIndicator } from '../portfolio/activity.model.ts';
import { linkedSeries } from './derive.ts';

const value = resultValue;

/** An indicator reported by sex: every baseline, target and actual in two halves. */
function splitBySex(baselines: { year: number | null; value: string }[]): ResultIndicator {
  return {
    measure: '1',
    ascending: true,
    aggregationStatus: null,
    title: [{ lang: 'en', text: 'Trained' }],
    description: [],
    documents: [],
    references: [],
    baselines: baselines.map((b) => ({ ...value(b.value), year: b.year, isoDate: null })),
    periods: [
      {
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
        targets: [value('20'), value('20')],
        actuals: [value('15'), value('15')],
      },
    ],
  };
}

function seriesOf(indicator: ResultIndicator) {
  const activity = newActivity('TRAINING', {
    results: [
      {
        type: '1',
        aggregationStatus: null,
        title: [{ lang: 'en', text: 'Trained' }],
        description: [],
        documents: [],
        references: [],
        indicators: [indicator],
      },
    ],
  });
  return linkedSeries(activity, () => 'TRAINED')[0]!;
}

describe('a project’s result as the framework reads it', () => {
  it('adds up the baselines of a year as it adds up a period’s actuals and targets', () => {
    const series = seriesOf(
      splitBySex([
        { year: 2020, value: '10' },
        { year: 2020, value: '10' },
      ]),
    );
    expect(series).toMatchObject({
      baseline: 20,
      targets: [{ end: '2023-12-31', value: 40 }],
      actuals: [{ end: '2023-12-31', value: 30 }],
    });
  });

  it('takes the earliest year’s baselines when several years are given', () => {
    const series = seriesOf(
      splitBySex([
        { year: 2021, value: '12' },
        { year: 2020, value: '4' },
        { year: 2020, value: '6' },
      ]),
    );
    expect(series.baseline).toBe(10);
  });
});
