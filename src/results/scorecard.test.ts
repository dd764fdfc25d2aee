import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../accounts/audit.service.ts';
import { DIALECTS, newTestStore, type TestStore } from '../../test/support/stores.ts';
import {
  commitment,
  newActivity,
  resultValue,
  storeTestActivities,
} from '../climate/climate.test-support.ts';
import { actingAs } from '../facility/caller.ts';
import type { Result, ResultPeriod } from '../portfolio/activity.model.ts';
import { defineIndicator, recordValue } from './indicator.service.ts';
import { scorecard, type ScorecardEntry } from './scorecard.service.ts';
import { yearsWithActuals } from './years.service.ts';

const analyst = actingAs('analyst@example.org', 'secretariat');

const value = resultValue;
const period = (end: string, target: string, actual?: string): ResultPeriod => ({
  periodStart: `${end.slice(0, 4)}-01-01`,
  periodEnd: end,
  targets: [value(target)],
  actuals: actual === undefined ? [] : [value(actual)],
});

/** One output indicator with its title, an optional reference, a baseline and periods. */
function result(
  title: string,
  baseline: string,
  periods: ResultPeriod[],
  reference?: string,
): Result {
  return {
    type: '1',
    aggregationStatus: null,
    title: [{ lang: 'en', text: title }],
    description: [],
    documents: [],
    references: [],
    indicators: [
      {
        measure: '1',
        ascending: true,
        aggregationStatus: null,
        title: [{ lang: 'en', text: title }],
        description: [],
        documents: [],
        references: reference ? [{ vocabulary: '99', code: reference, uri: null }] : [],
        baselines: [{ ...value(baseline), year: 2016, isoDate: null }],
        periods,
      },
    ],
  };
}

const ROADS = 'Length of roads built or improved (km)';

const ACTIVITIES = [
  // Kazakhstan: 40 km by 2017, 100 planned and 90 built by 2022, 120 planned by 2024.
  newActivity('KZ-ROAD', {
    results: [
      result(ROADS, '0', [
        period('2017-12-31', '50', '40'),
        period('2022-12-31', '100', '90'),
        period('2024-12-31', '120'),
      ]),
    ],
  }),
  // A regional road, 60% Kazakhstan and 40% Uzbekistan, reported by reference, baseline 10.
  newActivity('REGIONAL-ROAD', {
    recipientCountries: [
      { code: 'KZ', percentage: '60', narratives: [] },
      { code: 'UZ', percentage: '40', narratives: [] },
    ],
    results: [
      result('Highway sections completed', '10', [period('2023-06-30', '110', '60')], 'ROAD-KM-1'),
    ],
  }),
  // Not linked: another indicator.
  newActivity('SCHOOL', {
    transactions: [commitment('10.00')],
    results: [result('Schools built', '0', [period('2023-12-31', '5', '5')])],
  }),
];

const find = (entries: ScorecardEntry[], country: string) =>
  entries.find((e) => e.country === country)!;

for (const dialect of DIALECTS) {
  describe(`the results scorecard on ${dialect}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await newTestStore(dialect);
      await storeTestActivities(store.db, ACTIVITIES);
      await defineIndicator(store.db, analyst, 'ROAD-KM', {
        name: { en: 'Roads built or improved', ru: 'Построенные или улучшенные дороги' },
        unit: { en: 'km', ru: 'км' },
        cluster: 3,
        direction: 'higher',
        aggregation: 'sum',
        baselineYear: 2017,
        decimals: 1,
        mappings: [{ title: `  ${ROADS.toUpperCase()} ` }, { vocabulary: '99', code: 'ROAD-KM-1' }],
      });
      await defineIndicator(store.db, analyst, 'BORDER-HOURS', {
        name: { en: 'Time to cross a border', ru: 'Время пересечения границы' },
        unit: { en: 'hours', ru: 'часов' },
        cluster: 2,
        direction: 'lower',
        aggregation: 'none',
        baselineYear: 2017,
        decimals: 1,
        mappings: [],
      });
    });
    afterAll(() => store.dispose());

    it('derives baselines, targets and actuals from linked projects, split by country', async () => {
      const card = await scorecard(store.db, { year: 2023 });
      const roads = card.indicators.find((i) => i.code === 'ROAD-KM')!;
      // KZ: baseline 40 (2017); target 100 + 60% × (110 − 10) = 160; actual 90 + 60% × 50 = 120.
      expect(find(roads.countries, 'KZ')).toMatchObject({
        baseline: { year: 2017, value: 40, source: 'derived' },
        target: { year: 2023, value: 160, source: 'derived' },
        actual: { year: 2023, value: 120, source: 'derived' },
        progress: 0.667,
        status: 'off_track',
        projects: 2,
      });
      // UZ: nothing by 2017; target 40, actual 20.
      expect(find(roads.countries, 'UZ')).toMatchObject({
        baseline: { value: 0 },
        target: { value: 40 },
        actual: { value: 20 },
        status: 'off_track',
      });
      // The programme counts every project whole: 40 → target 200, actual 140.
      expect(roads.programme).toMatchObject({
        baseline: { value: 40 },
        target: { value: 200 },
        actual: { value: 140 },
        progress: 0.625,
        projects: 2,
      });
      expect(find(roads.countries, 'TM')).toMatchObject({ status: 'no_data', projects: 0 });
    });

    it('matches a project’s result to the same indicator whichever indicator is asked for', async () => {
      const own = await newTestStore(dialect);
      try {
        await storeTestActivities(own.db, ACTIVITIES);
        const definition = {
          unit: { en: 'km', ru: 'км' },
          cluster: 3,
          direction: 'higher' as const,
          aggregation: 'sum' as const,
          baselineYear: 2017,
          decimals: 1,
        };
        await defineIndicator(own.db, analyst, 'ROAD-KM', {
          ...definition,
          name: { en: 'Roads built or improved', ru: 'Дороги' },
          mappings: [{ vocabulary: '99', code: 'ROAD-KM-1' }],
        });
        // The regional road's result has that reference and this title: the framework gives it
        // to one of the two indicators, never to both.
        await defineIndicator(own.db, analyst, 'ROAD-TITLE', {
          ...definition,
          name: { en: 'Highway sections', ru: 'Участки дорог' },
          mappings: [{ title: 'Highway sections completed' }],
        });
        const whole = await scorecard(own.db, { year: 2023 });
        for (const code of ['ROAD-KM', 'ROAD-TITLE']) {
          const alone = await scorecard(own.db, { year: 2023, indicator: code });
          expect(alone.indicators).toEqual(whole.indicators.filter((i) => i.code === code));
        }
      } finally {
        await own.dispose();
      }
    });

    it('counts only what was reported by the as-of day', async () => {
      const card = await scorecard(store.db, {
        year: 2023,
        asOf: '2023-03-31',
        indicator: 'ROAD-KM',
      });
      // The regional road's period ends in June: neither its target nor its actual counts yet.
      expect(find(card.indicators[0]!.countries, 'KZ')).toMatchObject({
        target: { value: 100 },
        actual: { value: 90 },
      });
      expect(find(card.indicators[0]!.countries, 'UZ').status).toBe('no_data');
    });

    it('puts recorded values before derived ones and interpolates a target between years', async () => {
      await recordValue(store.db, analyst, {
        indicator: 'ROAD-KM',
        country: 'KZ',
        year: 2023,
        kind: 'actual',
        value: '150',
        note: 'Secretariat survey',
      });
      const roads = (await scorecard(store.db, { year: 2023, indicator: 'ROAD-KM' }))
        .indicators[0]!;
      expect(find(roads.countries, 'KZ')).toMatchObject({
        actual: { value: 150, source: 'recorded' },
        target: { source: 'derived' },
        status: 'on_track',
      });

      for (const [kind, year, v] of [
        ['baseline', 2017, '20'],
        ['target', 2030, '6'],
        ['actual', 2022, '14'],
      ] as const) {
        await recordValue(store.db, analyst, {
          indicator: 'BORDER-HOURS',
          country: 'kz',
          year,
          kind,
          value: v,
        });
      }
      const border = (await scorecard(store.db, { year: 2023, indicator: 'BORDER-HOURS' }))
        .indicators[0]!;
      // 20 hours in 2017 to 6 in 2030: 13.54 expected in 2023 (shown to one decimal); 14
      // measured in 2022 is 92.9% of the way, judged against the target before it is rounded.
      expect(find(border.countries, 'KZ')).toMatchObject({
        baseline: { year: 2017, value: 20, source: 'recorded' },
        target: { year: 2023, value: 13.5, source: 'interpolated' },
        actual: { year: 2022, value: 14, source: 'recorded' },
        progress: 0.929,
        status: 'on_track',
      });
      expect(border.programme.status).toBe('no_data');
    });

    it('keeps one baseline per country and audits every change', async () => {
      await recordValue(store.db, analyst, {
        indicator: 'BORDER-HOURS',
        country: 'KZ',
        year: 2019,
        kind: 'baseline',
        value: '18',
      });
      const border = (await scorecard(store.db, { year: 2023, indicator: 'BORDER-HOURS' }))
        .indicators[0]!;
      expect(find(border.countries, 'KZ').baseline).toEqual({
        year: 2019,
        value: 18,
        source: 'recorded',
      });
      const actions = (await listAuditEntries(store.db, { limit: 20 })).map((e) => e.action);
      expect(actions.filter((a) => a === 'results.value.record')).toHaveLength(5);
      expect(actions.filter((a) => a === 'results.indicator.define')).toHaveLength(2);
    });

    it('refuses bad definitions and values, naming the field', async () => {
      await expect(
        defineIndicator(store.db, analyst, 'OTHER', {
          name: { en: 'Other', ru: 'Другое' },
          unit: { en: 'km', ru: 'км' },
          cluster: 3,
          direction: 'higher',
          aggregation: 'sum',
          baselineYear: 2017,
          decimals: 0,
          mappings: [{ title: ROADS }],
        }),
      ).rejects.toThrow(/already counts towards ROAD-KM/);
      await expect(defineIndicator(store.db, analyst, 'bad code', {})).rejects.toThrow(/^code:/);
      await expect(
        recordValue(store.db, analyst, {
          indicator: 'ROAD-KM',
          country: 'RU',
          year: 2023,
          kind: 'actual',
          value: '1',
        }),
      ).rejects.toThrow(/country: a CAREC member/);
      await expect(
        recordValue(store.db, analyst, {
          indicator: 'ROAD-KM',
          country: 'KZ',
          year: 2023,
          kind: 'actual',
          value: 'lots',
        }),
      ).rejects.toThrow(/value: a decimal number/);
      await expect(
        recordValue(store.db, analyst, {
          indicator: 'NOPE',
          country: 'KZ',
          year: 2023,
          kind: 'actual',
          value: '1',
        }),
      ).rejects.toThrow(/no results indicator NOPE/);
      await expect(
        recordValue(store.db, actingAs('fp@example.org', 'focal_point', { country: 'KZ' }), {}),
      ).rejects.toThrow(/results.manage/);
    });

    it('says which years have an actual, recorded or reported, and never a target’s year', async () => {
      // Reported: 2017 and 2022 (KZ-ROAD; its 2024 period has a target only), 2023 (the regional
      // road); recorded: 2022 and 2023 above, target 2030 left out; the school is not linked.
      expect(await yearsWithActuals(store.db)).toEqual([2017, 2022, 2023]);
      await recordValue(store.db, analyst, {
        indicator: 'BORDER-HOURS',
        country: 'TM',
        year: 2025,
        kind: 'actual',
        value: '30',
      });
      expect(await yearsWithActuals(store.db)).toEqual([2017, 2022, 2023, 2025]);
    });
  });
}
