/**
 * An activity as the domain sees it, independent of storage: what the demo
 * generator produces, what the IATI importer maps to, what the store writes.
 * Money is kept as published (exact decimal string + currency + value date).
 */

/** A decimal number exactly as published, e.g. "1250000.00" or "-300". */
export type Decimal = string;
/** An ISO date, YYYY-MM-DD. */
export type IsoDate = string;

export interface Narrative {
  lang: string; // ISO 639-1, lower case
  text: string;
}

export interface Money {
  value: Decimal;
  currency: string; // ISO 4217
  valueDate: IsoDate;
}

export interface ParticipatingOrg {
  ref: string | null; // IATI organisation identifier
  role: string; // OrganisationRole code: 1 funding, 2 accountable, 3 extending, 4 implementing
  type: string | null; // OrganisationType code
  name: string | null;
  activityId: string | null;
}

export interface RecipientCountry {
  code: string; // ISO 3166-1 alpha-2
  percentage: Decimal | null;
}

export interface RecipientRegion {
  code: string;
  vocabulary: string; // RegionVocabulary code, "1" = OECD DAC
  percentage: Decimal | null;
}

export interface SectorShare {
  vocabulary: string; // SectorVocabulary code, "1" = DAC 5-digit, "2" = DAC 3-digit
  code: string;
  percentage: Decimal | null;
}

export interface PolicyMarker {
  vocabulary: string; // "1" = OECD DAC CRS
  code: string; // PolicyMarker code: 6 mitigation, 7 adaptation, 10 disaster risk reduction …
  significance: string | null; // PolicySignificance: 0 not targeted, 1 significant, 2 principal …
}

export interface Budget {
  type: string; // BudgetType: 1 original, 2 revised
  status: string; // BudgetStatus: 1 indicative, 2 committed
  periodStart: IsoDate;
  periodEnd: IsoDate;
  amount: Money;
}

export interface TransactionInput {
  ref: string | null;
  type: string; // TransactionType: 2 outgoing commitment, 3 disbursement, 4 expenditure, 1 incoming funds, 11 incoming commitment …
  date: IsoDate;
  amount: Money;
  description: string | null;
  providerOrgRef: string | null;
  providerOrgName: string | null;
  providerActivityId: string | null;
  receiverOrgRef: string | null;
  receiverOrgName: string | null;
  receiverActivityId: string | null;
  flowType: string | null;
  financeType: string | null;
  aidType: string | null;
  tiedStatus: string | null;
  sector: { vocabulary: string; code: string } | null;
  recipientCountry: string | null;
  recipientRegion: { vocabulary: string; code: string } | null;
}

export interface ResultPeriod {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  target: Decimal | null;
  actual: Decimal | null;
}

export interface ResultIndicator {
  measure: string; // IndicatorMeasure: 1 unit, 2 percentage …
  ascending: boolean;
  title: Narrative[];
  baselineYear: number | null;
  baselineValue: Decimal | null;
  periods: ResultPeriod[];
}

export interface Result {
  type: string; // ResultType: 1 output, 2 outcome, 3 impact
  title: Narrative[];
  indicators: ResultIndicator[];
}

export interface Location {
  ref: string | null;
  name: string | null;
  latitude: number | null;
  longitude: number | null;
  countryCode: string | null; // where the point lies, when known
}

export interface DocumentLink {
  url: string;
  format: string; // MIME type
  title: string;
  category: string | null; // DocumentCategory code
  lang: string | null;
}

export interface RelatedActivity {
  ref: string;
  type: string; // RelatedActivityType: 1 parent, 2 child, 3 sibling, 4 co-funded, 5 third party
}

export interface ActivityInput {
  iatiIdentifier: string;
  reportingOrgRef: string;
  reportingOrgName: string | null;
  titles: Narrative[];
  descriptions: Narrative[];
  status: string | null; // ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed …
  plannedStart: IsoDate | null;
  actualStart: IsoDate | null;
  plannedEnd: IsoDate | null;
  actualEnd: IsoDate | null;
  defaultCurrency: string | null;
  collaborationType: string | null;
  defaultFlowType: string | null;
  defaultFinanceType: string | null;
  defaultAidType: string | null;
  defaultTiedStatus: string | null;
  hierarchy: number | null;
  lastUpdated: string | null; // ISO date-time
  /** CAREC curation, not IATI: the operational cluster (1–5) and corridors (1–6). */
  cluster: number | null;
  corridors: number[];
  participatingOrgs: ParticipatingOrg[];
  recipientCountries: RecipientCountry[];
  recipientRegions: RecipientRegion[];
  sectors: SectorShare[];
  policyMarkers: PolicyMarker[];
  budgets: Budget[];
  transactions: TransactionInput[];
  results: Result[];
  locations: Location[];
  documents: DocumentLink[];
  relatedActivities: RelatedActivity[];
}
