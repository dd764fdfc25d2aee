/** Test activity parts: results, with every kind of result value. */
import type { Result, ResultValue } from '../../portfolio/activity.model.ts';
import { both, documentLink, en } from './fixtures.common.ts';

function resultValue(value: string, name: string): ResultValue {
  return {
    value,
    locationRefs: ['LOC-ALMATY', 'LOC-BISHKEK'],
    dimensions: [
      { name: 'sex', value: 'female' },
      { name: 'age', value: '15-24' },
    ],
    comment: both(`${name} as measured`, `${name}: измерено`),
    documents: [documentLink(`${name}-evidence`)],
  };
}

export function fullResults(): Result[] {
  return [
    {
      type: '1',
      aggregationStatus: true,
      title: both('Roads rehabilitated', 'Восстановленные дороги'),
      description: [en('Kilometres of road rehabilitated to IRI < 3')],
      documents: [documentLink('results-framework')],
      references: [
        { vocabulary: '99', code: 'DEfR-2.1', uri: 'https://www.carecprogram.org/defr' },
      ],
      indicators: [
        {
          measure: '1',
          ascending: true,
          aggregationStatus: false,
          title: both('Road length', 'Протяжённость дорог'),
          description: [en('Kilometres completed')],
          documents: [documentLink('indicator-method')],
          references: [
            {
              vocabulary: '99',
              code: 'KM-ROAD',
              uri: 'https://www.carecprogram.org/indicators/km-road',
            },
          ],
          baselines: [
            { ...resultValue('0', 'baseline'), year: 2020, isoDate: '2020-12-31' },
            { ...resultValue('12.5', 'second baseline'), year: 2021, isoDate: null },
          ],
          periods: [
            {
              periodStart: '2022-01-01',
              periodEnd: '2022-12-31',
              targets: [resultValue('80', 'target')],
              actuals: [
                resultValue('72.5', 'actual'),
                { ...resultValue('qualitative', 'note'), value: null },
              ],
            },
          ],
        },
      ],
    },
  ];
}
