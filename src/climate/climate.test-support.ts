import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ActivityInput, PolicyMarker, TransactionInput } from '../portfolio/activity.model.ts';
import { storeActivities } from '../portfolio/activity.service.ts';
import { loadUsdConverter } from '../reference/fx.service.ts';

/** A marker as IATI publishes it: vocabulary 1 (OECD DAC CRS), code 6, 7 or 10. */
export const marker = (code: '6' | '7' | '10', significance: '0' | '1' | '2'): PolicyMarker => ({
  vocabulary: '1',
  vocabularyUri: null,
  code,
  narratives: [],
  significance,
});

export const commitment = (
  value: string,
  date = '2023-03-01',
  own: Partial<Pick<TransactionInput, 'sectors' | 'recipientCountry'>> = {},
): TransactionInput => ({
  ref: null,
  humanitarian: null,
  type: '2',
  date,
  amount: { value, currency: 'USD', valueDate: date },
  description: [],
  providerOrg: null,
  receiverOrg: null,
  disbursementChannel: null,
  sectors: own.sectors ?? [],
  recipientCountry: own.recipientCountry ?? null,
  recipientRegion: null,
  flowType: null,
  financeType: null,
  aidTypes: [],
  tiedStatus: null,
});

export const dacSector = (code: string, percentage: string | null = null) => ({
  vocabulary: '1',
  vocabularyUri: null,
  code,
  narratives: [],
  percentage,
});

/** An activity written for the climate tests: one country, a transport sector, no markers. */
export function newActivity(id: string, overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    iatiIdentifier: id,
    language: 'en',
    lastUpdated: null,
    hierarchy: null,
    humanitarian: null,
    budgetNotProvided: null,
    linkedDataUri: null,
    defaultCurrency: 'USD',
    reportingOrg: { ref: 'XM-DAC-46004', type: '40', narratives: [], secondaryReporter: null },
    titles: [{ lang: 'en', text: `Climate test activity ${id}` }],
    descriptions: [{ type: '1', narratives: [{ lang: 'en', text: 'Written for Caravan tests.' }] }],
    participatingOrgs: [],
    otherIdentifiers: [],
    status: '2',
    dates: [{ type: '2', isoDate: '2023-01-01', narratives: [] }],
    contacts: [],
    scope: null,
    recipientCountries: [{ code: 'KZ', percentage: '100', narratives: [] }],
    recipientRegions: [],
    locations: [],
    sectors: [dacSector('21020', '100')],
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
    transactions: [commitment('1000.00')],
    documents: [],
    relatedActivities: [],
    conditions: null,
    results: [],
    cluster: null,
    corridors: [],
    ...overrides,
  };
}

export async function storeTestActivities(
  db: Kysely<Database>,
  activities: ActivityInput[],
): Promise<void> {
  await storeActivities(db, activities, {
    isDemo: false,
    importRunId: null,
    toUsd: await loadUsdConverter(db),
  });
}

/** A result's value (a baseline, target or actual) with nothing but the number. */
export const resultValue = (value: string) => ({
  value,
  locationRefs: [],
  dimensions: [],
  comment: [],
  documents: [],
});
