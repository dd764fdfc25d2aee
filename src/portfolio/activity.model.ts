/**
 * An activity as the domain sees it, independent of storage: what the IATI importer maps to,
 * what the demo generator produces, what the store keeps (whole, as a document, and in tables
 * for queries) and what the IATI writer exports. It covers the IATI Activity Standard 2.03;
 * codes are IATI codelist codes kept as published (strings).
 * Money is kept as published: an exact decimal string, a currency and a value date.
 */

/** A decimal number exactly as published, e.g. "1250000.00" or "-300". */
export type Decimal = string;
/** An ISO date, YYYY-MM-DD. */
export type IsoDate = string;

export interface Narrative {
  /** ISO 639-1, lower case; null when neither the narrative nor the activity names one. */
  lang: string | null;
  text: string;
}

export interface Money {
  value: Decimal;
  currency: string; // ISO 4217
  valueDate: IsoDate;
}

export interface OrgRef {
  ref: string | null; // IATI organisation identifier
  type: string | null; // OrganisationType
  narratives: Narrative[];
}

export interface ReportingOrg extends OrgRef {
  ref: string;
  secondaryReporter: boolean | null;
}

export interface ParticipatingOrg extends OrgRef {
  role: string; // OrganisationRole: 1 funding, 2 accountable, 3 extending, 4 implementing
  activityId: string | null;
  crsChannelCode: string | null;
}

export interface OtherIdentifier {
  ref: string;
  type: string; // OtherIdentifierType
  ownerOrg: OrgRef | null;
}

export interface ActivityDate {
  type: string; // ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end
  isoDate: IsoDate;
  narratives: Narrative[];
}

export interface Description {
  type: string | null; // DescriptionType: 1 general, 2 objectives, 3 target groups, 4 other
  narratives: Narrative[];
}

export interface Contact {
  type: string | null;
  organisation: Narrative[];
  department: Narrative[];
  personName: Narrative[];
  jobTitle: Narrative[];
  telephone: string[];
  email: string[];
  website: string[];
  mailingAddress: Narrative[][];
}

/** A code from a vocabulary: sectors, tags, humanitarian scopes, policy markers … */
export interface VocabularyCode {
  vocabulary: string;
  vocabularyUri: string | null;
  code: string;
  narratives: Narrative[];
}

export interface RecipientCountry {
  code: string; // ISO 3166-1 alpha-2
  percentage: Decimal | null;
  narratives: Narrative[];
}

export interface RecipientRegion extends VocabularyCode {
  // vocabulary: RegionVocabulary, "1" = OECD DAC
  percentage: Decimal | null;
}

export interface SectorShare extends VocabularyCode {
  // vocabulary: SectorVocabulary, "1" = DAC 5-digit, "2" = DAC 3-digit
  percentage: Decimal | null;
}

export interface PolicyMarker extends VocabularyCode {
  // vocabulary "1" = OECD DAC CRS; code: 6 mitigation, 7 adaptation, 10 disaster risk reduction
  significance: string | null; // PolicySignificance: 0 not targeted, 1 significant, 2 principal …
}

export interface HumanitarianScope extends VocabularyCode {
  type: string; // HumanitarianScopeType: 1 emergency, 2 appeal
}

export interface CountryBudgetItems {
  vocabulary: string; // BudgetIdentifierVocabulary
  items: { code: string; percentage: Decimal | null; description: Narrative[] }[];
}

export interface AidType {
  code: string;
  vocabulary: string | null; // AidTypeVocabulary, "1" = OECD DAC when null
}

export interface Budget {
  type: string | null; // BudgetType: 1 original, 2 revised
  status: string | null; // BudgetStatus: 1 indicative, 2 committed
  periodStart: IsoDate;
  periodEnd: IsoDate;
  amount: Money;
}

export interface FlowOrg extends OrgRef {
  activityId: string | null;
}

export interface PlannedDisbursement {
  type: string | null; // BudgetType
  periodStart: IsoDate;
  periodEnd: IsoDate | null;
  amount: Money;
  providerOrg: FlowOrg | null;
  receiverOrg: FlowOrg | null;
}

export interface TransactionInput {
  ref: string | null;
  humanitarian: boolean | null;
  type: string; // TransactionType: 1 incoming funds, 2 outgoing commitment, 3 disbursement, 4 expenditure …
  date: IsoDate;
  amount: Money;
  description: Narrative[];
  providerOrg: FlowOrg | null;
  receiverOrg: FlowOrg | null;
  disbursementChannel: string | null;
  sectors: VocabularyCode[];
  recipientCountry: { code: string; narratives: Narrative[] } | null;
  recipientRegion: VocabularyCode | null;
  flowType: string | null;
  financeType: string | null;
  aidTypes: AidType[];
  tiedStatus: string | null;
}

export interface DocumentLink {
  url: string;
  format: string; // MIME type (FileFormat)
  title: Narrative[];
  description: Narrative[];
  categories: string[]; // DocumentCategory
  languages: string[];
  documentDate: IsoDate | null;
}

export interface Dimension {
  name: string;
  value: string;
}

export interface ResultValue {
  value: Decimal | null;
  locationRefs: string[];
  dimensions: Dimension[];
  comment: Narrative[];
  documents: DocumentLink[];
}

export interface Baseline extends ResultValue {
  year: number | null;
  isoDate: IsoDate | null;
}

export interface ResultPeriod {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  targets: ResultValue[];
  actuals: ResultValue[];
}

export interface ResultReference {
  vocabulary: string;
  code: string;
  uri: string | null;
}

export interface ResultIndicator {
  measure: string; // IndicatorMeasure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative
  ascending: boolean | null;
  aggregationStatus: boolean | null;
  title: Narrative[];
  description: Narrative[];
  documents: DocumentLink[];
  references: ResultReference[];
  baselines: Baseline[];
  periods: ResultPeriod[];
}

export interface Result {
  type: string; // ResultType: 1 output, 2 outcome, 3 impact, 9 other
  aggregationStatus: boolean | null;
  title: Narrative[];
  description: Narrative[];
  documents: DocumentLink[];
  references: ResultReference[];
  indicators: ResultIndicator[];
}

export interface Location {
  ref: string | null;
  reach: string | null; // GeographicLocationReach
  ids: { vocabulary: string; code: string }[];
  name: Narrative[];
  description: Narrative[];
  activityDescription: Narrative[];
  /** vocabulary "A4" is ISO 3166-1 alpha-2: how a point names its country. */
  administratives: { vocabulary: string; level: string | null; code: string }[];
  point: { srsName: string; latitude: number; longitude: number } | null;
  exactness: string | null;
  locationClass: string | null;
  featureDesignation: string | null;
}

export interface RelatedActivity {
  ref: string;
  type: string; // RelatedActivityType: 1 parent, 2 child, 3 sibling, 4 co-funded, 5 third party
}

export interface Conditions {
  attached: boolean;
  items: { type: string; narratives: Narrative[] }[];
}

export interface ActivityInput {
  iatiIdentifier: string;
  /** The activity's default language (xml:lang), lower case. */
  language: string | null;
  lastUpdated: string | null; // ISO date-time
  hierarchy: number | null;
  humanitarian: boolean | null;
  budgetNotProvided: string | null;
  linkedDataUri: string | null;
  defaultCurrency: string | null;
  reportingOrg: ReportingOrg;
  titles: Narrative[];
  descriptions: Description[];
  participatingOrgs: ParticipatingOrg[];
  otherIdentifiers: OtherIdentifier[];
  status: string | null; // ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed …
  dates: ActivityDate[];
  contacts: Contact[];
  scope: string | null; // ActivityScope
  recipientCountries: RecipientCountry[];
  recipientRegions: RecipientRegion[];
  locations: Location[];
  sectors: SectorShare[];
  tags: VocabularyCode[];
  countryBudgetItems: CountryBudgetItems | null;
  humanitarianScopes: HumanitarianScope[];
  policyMarkers: PolicyMarker[];
  collaborationType: string | null;
  defaultFlowType: string | null;
  defaultFinanceType: string | null;
  defaultAidTypes: AidType[];
  defaultTiedStatus: string | null;
  budgets: Budget[];
  plannedDisbursements: PlannedDisbursement[];
  capitalSpend: Decimal | null;
  transactions: TransactionInput[];
  documents: DocumentLink[];
  relatedActivities: RelatedActivity[];
  conditions: Conditions | null;
  results: Result[];
  /** CAREC curation, not IATI: the operational cluster (1–5) and corridors (1–6). */
  cluster: number | null;
  corridors: number[];
}

/** The activity dates the portfolio uses, by ActivityDateType code. */
export function activityDate(activity: ActivityInput, type: '1' | '2' | '3' | '4'): IsoDate | null {
  return activity.dates.find((date) => date.type === type)?.isoDate ?? null;
}
