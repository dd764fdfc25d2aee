import type { Generated } from 'kysely';

/** Flags are integers 0/1 and dates ISO text, so one schema runs on SQLite and PostgreSQL. */
export interface ActivityTable {
  id: Generated<number>;
  iati_identifier: string;
  reporting_org_ref: string;
  reporting_org_name: string | null;
  language: string | null;
  title: string;
  description: string | null;
  status: string | null;
  planned_start: string | null;
  actual_start: string | null;
  planned_end: string | null;
  actual_end: string | null;
  default_currency: string | null;
  collaboration_type: string | null;
  default_flow_type: string | null;
  default_finance_type: string | null;
  default_aid_type: string | null;
  default_tied_status: string | null;
  hierarchy: number | null;
  humanitarian: number | null;
  last_updated: string | null;
  cluster_code: number | null;
  /** A digest of the activity as received, so an unchanged re-import can be recognised. */
  content_hash: string;
  /** The whole ActivityInput as JSON: what the IATI export and the detail API read. */
  document: string;
  is_demo: number;
  /** Counted US cents of the activity's commitments and disbursements, kept with its allocations. */
  commitments_cents: Generated<number>;
  disbursements_cents: Generated<number>;
  import_run_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ActivityNarrativeTable {
  activity_id: number;
  kind: 'title' | 'description';
  lang: string | null;
  text: string;
}

export interface ActivityCorridorTable {
  activity_id: number;
  corridor_number: number;
}

export interface ParticipatingOrgTable {
  activity_id: number;
  seq: number;
  ref: string | null;
  role: string;
  type: string | null;
  name: string | null;
  org_activity_id: string | null;
}

export interface RecipientCountryTable {
  activity_id: number;
  country_code: string;
  percentage: string | null;
}

export interface RecipientRegionTable {
  activity_id: number;
  region_code: string;
  vocabulary: string;
  percentage: string | null;
}

export interface ActivitySectorTable {
  activity_id: number;
  vocabulary: string;
  code: string;
  percentage: string | null;
}

export interface PolicyMarkerTable {
  activity_id: number;
  vocabulary: string;
  code: string;
  significance: string | null;
}

/** Money columns: the value exactly as published, and its US dollar value in whole cents. */
interface MoneyColumns {
  value: string;
  currency: string;
  value_date: string;
  usd_cents: number | null;
  fx_source: string | null;
}

export interface BudgetTable extends MoneyColumns {
  activity_id: number;
  seq: number;
  type: string | null;
  status: string | null;
  period_start: string;
  period_end: string;
}

export interface TransactionTable extends MoneyColumns {
  id: Generated<number>;
  activity_id: number;
  seq: number;
  ref: string | null;
  type: string;
  date: string;
  description: string | null;
  provider_org_ref: string | null;
  provider_org_name: string | null;
  provider_activity_id: string | null;
  receiver_org_ref: string | null;
  receiver_org_name: string | null;
  receiver_activity_id: string | null;
  flow_type: string | null;
  finance_type: string | null;
  aid_type: string | null;
  tied_status: string | null;
  sector_vocabulary: string | null;
  sector_code: string | null;
  recipient_country: string | null;
  recipient_region_vocabulary: string | null;
  recipient_region: string | null;
}

export interface ResultTable {
  id: Generated<number>;
  activity_id: number;
  seq: number;
  type: string;
  title: string;
}

export interface ResultIndicatorTable {
  id: Generated<number>;
  result_id: number;
  seq: number;
  measure: string;
  ascending: number;
  title: string;
  baseline_year: number | null;
  baseline_value: string | null;
}

export interface IndicatorPeriodTable {
  indicator_id: number;
  seq: number;
  period_start: string;
  period_end: string;
  target: string | null;
  actual: string | null;
}

export interface LocationTable {
  activity_id: number;
  seq: number;
  ref: string | null;
  name: string | null;
  latitude: number | null;
  longitude: number | null;
  country_code: string | null;
}

export interface DocumentLinkTable {
  activity_id: number;
  seq: number;
  url: string;
  format: string;
  title: string;
  category: string | null;
  lang: string | null;
}

export interface RelatedActivityTable {
  activity_id: number;
  ref: string;
  type: string;
}

/**
 * The search index (see activity-search.ts): each activity's words, facet tokens and sort keys.
 * PostgreSQL indexes the row itself (`document` and `facets` are tsvectors, with a GIN index).
 * SQLite keeps only `text` and `facets` (space-separated tokens) here, the sort keys in
 * activity_sort, and indexes the words and facets in an FTS5 table per sort key
 * (search-order.ts). Written through activity-search.repository.ts only.
 */
export interface ActivitySearchTable {
  activity_id: number;
  text: string;
  facets: string;
  title: string;
  start: string;
  commitments_cents: number;
}

/** SQLite only: an FTS5 table of the entries in one sort key's order (search-order.ts). */
export interface ActivitySearchOrderedTable {
  rowid: bigint;
  text: string | null;
  facets: string | null;
}

/** SQLite only: what lists sort by, kept narrow so that ordering thousands of matches reads little. */
export interface ActivitySortTable {
  activity_id: number;
  title: string;
  /** The actual start date, else the planned one, else ''. */
  start: string;
  /** Counted commitments, as on the activity. */
  commitments_cents: number;
}

/** The secretariat's cluster and corridor tags, by IATI identifier (see curation.service.ts). */
export interface ActivityCurationTable {
  iati_identifier: string;
  cluster_code: number | null;
  /** Corridor numbers, comma-separated, ascending; empty for none. */
  corridors: string;
  recorded_by: string;
  recorded_at: string;
}

export interface PortfolioTables {
  activity_curation: ActivityCurationTable;
  activity_search: ActivitySearchTable;
  activity_sort: ActivitySortTable;
  activity_search_by_title: ActivitySearchOrderedTable;
  activity_search_by_start: ActivitySearchOrderedTable;
  activity_search_by_commitments: ActivitySearchOrderedTable;
  activity: ActivityTable;
  activity_narrative: ActivityNarrativeTable;
  activity_corridor: ActivityCorridorTable;
  participating_org: ParticipatingOrgTable;
  recipient_country: RecipientCountryTable;
  recipient_region: RecipientRegionTable;
  activity_sector: ActivitySectorTable;
  policy_marker: PolicyMarkerTable;
  budget: BudgetTable;
  activity_transaction: TransactionTable;
  result: ResultTable;
  result_indicator: ResultIndicatorTable;
  indicator_period: IndicatorPeriodTable;
  location: LocationTable;
  document_link: DocumentLinkTable;
  related_activity: RelatedActivityTable;
}
