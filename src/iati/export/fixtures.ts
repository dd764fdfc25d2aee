/**
 * Activities for tests. `fullActivity()` fills every field of the model — every optional value
 * set, every list non-empty, narratives in two languages — with valid IATI codes, so that it
 * exercises every element the writer knows; `minimalActivity()` has only what IATI 2.03 requires.
 */
import type { ActivityInput } from '../../portfolio/activity.model.ts';
import { adb, both, documentLink, en, ID, kazakhstan, ru } from './fixtures.common.ts';
import { fullFinance } from './fixtures.finance.ts';
import { fullPlaces } from './fixtures.places.ts';
import { fullResults } from './fixtures.results.ts';

export function fullActivity(): ActivityInput {
  return {
    iatiIdentifier: ID,
    language: 'en',
    lastUpdated: '2024-11-06T09:30:00Z',
    hierarchy: 1,
    humanitarian: false,
    // IATI's rules (not its schema) say budget-not-provided goes only with no budget: here both
    // are set so that every field is exercised.
    budgetNotProvided: '1',
    linkedDataUri: `https://data.carecprogram.org/activity/${ID}`,
    defaultCurrency: 'USD',
    reportingOrg: { ...adb(), secondaryReporter: false },
    titles: both(
      'Almaty–Bishkek Regional Road Corridor',
      'Региональный дорожный коридор Алматы–Бишкек',
    ),
    descriptions: [
      {
        type: '1',
        narratives: both('Rehabilitates 240 km of road.', 'Реконструкция 240 км дороги.'),
      },
      { type: '2', narratives: [en('Cut travel time across the border by half.')] },
    ],
    participatingOrgs: [
      { ...adb(), role: '1', activityId: ID, crsChannelCode: '46004' },
      { ...kazakhstan(), role: '4', activityId: 'XM-DAC-KZ-1-ROADS-7', crsChannelCode: '12000' },
    ],
    otherIdentifiers: [
      // owner-org has no type in IATI 2.03, so none is set here: it could not be written.
      {
        ref: 'Loan 4321-KAZ',
        type: 'A1',
        ownerOrg: { ref: adb().ref, type: null, narratives: [en('ADB')] },
      },
    ],
    status: '2',
    dates: [
      { type: '1', isoDate: '2021-01-15', narratives: [en('Planned at approval')] },
      { type: '2', isoDate: '2021-03-01', narratives: [] },
      { type: '3', isoDate: '2026-12-31', narratives: [ru('Плановое завершение')] },
    ],
    contacts: [
      {
        type: '1',
        organisation: both('Asian Development Bank', 'Азиатский банк развития'),
        department: [en('Central and West Asia Department')],
        personName: [en('A. N. Officer')],
        jobTitle: [en('Principal Transport Specialist')],
        telephone: ['+63 2 8632 4444', '+7 727 330 0950'],
        email: ['carec@adb.org'],
        website: ['https://www.carecprogram.org/'],
        mailingAddress: [
          [en('6 ADB Avenue, Mandaluyong City, Philippines')],
          [ru('Алматы, Казахстан')],
        ],
      },
    ],
    scope: '3',
    ...fullPlaces(),
    collaborationType: '2',
    defaultFlowType: '10',
    defaultFinanceType: '421',
    defaultTiedStatus: '5',
    ...fullFinance(),
    documents: [documentLink('project-data-sheet'), documentLink('appraisal')],
    relatedActivities: [
      { ref: 'XM-DAC-46004-CARAVAN-TEST-0000', type: '1' },
      { ref: 'XM-DAC-44000-P123456', type: '4' },
    ],
    conditions: {
      attached: true,
      items: [
        {
          type: '1',
          narratives: both('Road maintenance fund established', 'Создан дорожный фонд'),
        },
        { type: '2', narratives: [en('Procurement follows ADB guidelines')] },
      ],
    },
    results: fullResults(),
    cluster: 3,
    corridors: [1, 3],
  };
}

/** Only what IATI 2.03 requires, every optional value null and every optional list empty. */
export function minimalActivity(): ActivityInput {
  return {
    iatiIdentifier: 'XM-DAC-46004-CARAVAN-TEST-MIN',
    language: null,
    lastUpdated: null,
    hierarchy: null,
    humanitarian: null,
    budgetNotProvided: null,
    linkedDataUri: null,
    defaultCurrency: null,
    reportingOrg: {
      ref: 'XM-DAC-46004',
      type: '40',
      secondaryReporter: null,
      narratives: [{ lang: null, text: 'ADB' }],
    },
    titles: [{ lang: null, text: 'Minimal activity' }],
    descriptions: [{ type: null, narratives: [{ lang: null, text: 'Only what IATI requires.' }] }],
    participatingOrgs: [
      { ref: null, type: null, role: '1', activityId: null, crsChannelCode: null, narratives: [] },
    ],
    otherIdentifiers: [],
    status: '1',
    dates: [{ type: '1', isoDate: '2025-01-01', narratives: [] }],
    contacts: [],
    scope: null,
    recipientCountries: [],
    recipientRegions: [],
    locations: [],
    sectors: [],
    tags: [],
    countryBudgetItems: null,
    humanitarianScopes: [],
    policyMarkers: [],
    collaborationType: null,
    defaultFlowType: null,
    defaultFinanceType: null,
    defaultAidTypes: [],
    defaultTiedStatus: null,
    budgets: [],
    plannedDisbursements: [],
    capitalSpend: null,
    transactions: [],
    documents: [],
    relatedActivities: [],
    conditions: null,
    results: [],
    cluster: null,
    corridors: [],
  };
}

/** What an IATI round trip can give back: the activity without Caravan's own curation. */
export function withoutCuration(activity: ActivityInput): ActivityInput {
  return { ...activity, cluster: null, corridors: [] };
}
