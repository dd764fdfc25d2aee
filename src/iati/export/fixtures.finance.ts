/** Test activity parts: money. */
import type { ActivityInput } from '../../portfolio/activity.model.ts';
import { adb, both, en, ID, kazakhstan, USD } from './fixtures.common.ts';

type Finance = Pick<
  ActivityInput,
  'defaultAidTypes' | 'budgets' | 'plannedDisbursements' | 'capitalSpend' | 'transactions'
>;

export function fullFinance(): Finance {
  return {
    defaultAidTypes: [
      { code: 'C01', vocabulary: null },
      { code: '1', vocabulary: '2' },
    ],
    budgets: [
      {
        type: '1',
        status: '2',
        periodStart: '2021-01-01',
        periodEnd: '2021-12-31',
        amount: USD('25000000.00', '2021-01-01'),
      },
      {
        type: '2',
        status: '1',
        periodStart: '2022-01-01',
        periodEnd: '2022-12-31',
        amount: { value: '9500000000', currency: 'KZT', valueDate: '2022-01-01' },
      },
    ],
    plannedDisbursements: [
      {
        type: '1',
        periodStart: '2022-01-01',
        periodEnd: '2022-06-30',
        amount: USD('5000000', '2022-01-01'),
        providerOrg: { ...adb(), activityId: ID },
        receiverOrg: { ...kazakhstan(), activityId: 'XM-DAC-KZ-1-ROADS-7' },
      },
      {
        type: '2',
        periodStart: '2023-01-01',
        periodEnd: null,
        amount: USD('.5', '2023-01-01'),
        providerOrg: null,
        receiverOrg: null,
      },
    ],
    capitalSpend: '87.5',
    transactions: [
      {
        ref: `${ID}-C1`,
        humanitarian: true,
        type: '2',
        date: '2021-01-15',
        amount: USD('120000000.00', '2021-01-15'),
        description: both('Loan commitment', 'Обязательство по займу'),
        providerOrg: { ...adb(), activityId: ID },
        receiverOrg: { ...kazakhstan(), activityId: 'XM-DAC-KZ-1-ROADS-7' },
        disbursementChannel: '1',
        sectors: [
          {
            vocabulary: '1',
            vocabularyUri: null,
            code: '21020',
            narratives: [en('Road transport')],
          },
          {
            vocabulary: '99',
            vocabularyUri: 'https://www.carecprogram.org/clusters',
            code: 'C3',
            narratives: [],
          },
        ],
        recipientCountry: { code: 'KZ', narratives: [en('Kazakhstan')] },
        recipientRegion: {
          vocabulary: '1',
          vocabularyUri: 'https://example.org/regions',
          code: '619',
          narratives: [en('Central Asia')],
        },
        flowType: '10',
        financeType: '421',
        aidTypes: [
          { code: 'C01', vocabulary: '1' },
          { code: '1', vocabulary: '2' },
        ],
        tiedStatus: '5',
      },
      {
        ref: `${ID}-R1`,
        humanitarian: false,
        type: '4',
        date: '2023-08-01',
        amount: { value: '-300.25', currency: 'EUR', valueDate: '2023-07-31' },
        description: [],
        providerOrg: { ref: null, type: null, narratives: [en('Contractor')], activityId: null },
        receiverOrg: null,
        disbursementChannel: null,
        sectors: [],
        recipientCountry: null,
        recipientRegion: null,
        flowType: null,
        financeType: null,
        aidTypes: [],
        tiedStatus: null,
      },
    ],
  };
}
