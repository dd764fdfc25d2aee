/** Test activity parts: where the activity is and what it is for. */
import type { ActivityInput } from '../../portfolio/activity.model.ts';
import { both, en, ru } from './fixtures.common.ts';

type Places = Pick<
  ActivityInput,
  | 'recipientCountries'
  | 'recipientRegions'
  | 'locations'
  | 'sectors'
  | 'tags'
  | 'countryBudgetItems'
  | 'humanitarianScopes'
  | 'policyMarkers'
>;

export function fullPlaces(): Places {
  return {
    recipientCountries: [
      { code: 'KZ', percentage: '40', narratives: both('Kazakhstan', 'Казахстан') },
      { code: 'KG', percentage: '30.0', narratives: [] },
    ],
    recipientRegions: [
      {
        vocabulary: '1',
        vocabularyUri: null,
        code: '619',
        percentage: '30',
        narratives: [en('Central Asia, regional')],
      },
      {
        vocabulary: '99',
        vocabularyUri: 'https://www.carecprogram.org/regions',
        code: 'CAREC',
        percentage: '100',
        narratives: [en('CAREC region')],
      },
    ],
    locations: [
      {
        ref: 'LOC-ALMATY',
        reach: '1',
        ids: [
          { vocabulary: 'G1', code: '1526384' },
          { vocabulary: 'A1', code: 'KZ-75' },
        ],
        name: both('Almaty', 'Алматы'),
        description: [en('Eastern end of the road section')],
        activityDescription: [en('Road works and a border crossing point')],
        administratives: [
          { vocabulary: 'A4', level: '0', code: 'KZ' },
          { vocabulary: 'G1', level: '1', code: '1537162' },
        ],
        point: {
          srsName: 'http://www.opengis.net/def/crs/EPSG/0/4326',
          latitude: 43.238949,
          longitude: 76.889709,
        },
        exactness: '1',
        locationClass: '2',
        featureDesignation: 'PPLA',
      },
      {
        ref: 'LOC-BISHKEK',
        reach: '2',
        ids: [{ vocabulary: 'G1', code: '1528675' }],
        name: [en('Bishkek')],
        description: [ru('Западный конец участка')],
        activityDescription: [en('Beneficiaries of the corridor')],
        administratives: [{ vocabulary: 'A4', level: null, code: 'KG' }],
        point: {
          srsName: 'http://www.opengis.net/def/crs/EPSG/0/4326',
          latitude: -0.0000001,
          longitude: 74.5698,
        },
        exactness: '2',
        locationClass: '4',
        featureDesignation: 'PPLC',
      },
    ],
    sectors: [
      {
        vocabulary: '1',
        vocabularyUri: null,
        code: '21020',
        percentage: '60',
        narratives: [en('Road transport')],
      },
      { vocabulary: '1', vocabularyUri: null, code: '33120', percentage: '40', narratives: [] },
      {
        vocabulary: '99',
        vocabularyUri: 'https://www.carecprogram.org/clusters',
        code: 'C3',
        percentage: '100',
        narratives: both('Infrastructure', 'Инфраструктура'),
      },
    ],
    tags: [
      {
        vocabulary: '2',
        vocabularyUri: null,
        code: '9',
        narratives: [en('Industry, innovation and infrastructure')],
      },
    ],
    countryBudgetItems: {
      vocabulary: '1',
      items: [
        { code: '1.1.1', percentage: '50.5', description: [en('Executive')] },
        { code: '3.1.1', percentage: '49.5', description: [] },
      ],
    },
    humanitarianScopes: [
      {
        type: '1',
        vocabulary: '1-2',
        vocabularyUri: null,
        code: 'EQ-2024-000001-KAZ',
        narratives: [en('Earthquake')],
      },
      {
        type: '2',
        vocabulary: '99',
        vocabularyUri: 'https://example.org/appeals',
        code: 'APPEAL-7',
        narratives: [],
      },
    ],
    policyMarkers: [
      { vocabulary: '1', vocabularyUri: null, code: '6', significance: '1', narratives: [] },
      {
        vocabulary: '99',
        vocabularyUri: 'https://example.org/markers',
        code: 'EW',
        significance: '2',
        narratives: [en('Early warning')],
      },
    ],
  };
}
