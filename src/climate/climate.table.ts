/**
 * Climate shares by the multilateral development banks' joint method: the part of an activity
 * (or of one of its components) that is climate finance, split into disjoint mitigation-only,
 * adaptation-only and dual-benefit shares. Percentages are decimal text ("33.33"), as recorded.
 */
export interface ClimateShareTable {
  /** The activity's IATI identifier: shares outlive the activity row a re-import replaces. */
  iati_identifier: string;
  /** '' for the activity as a whole; else the component's name as the bank gives it. */
  component: string;
  /** The component's share of the activity's financing; '100' for the activity as a whole. */
  component_percent: string;
  mitigation_percent: string;
  adaptation_percent: string;
  dual_percent: string;
  /** Where the shares come from (a bank's report, a file), and the date they were assessed. */
  source: string;
  assessed_on: string;
  recorded_by: string;
  recorded_at: string;
  is_demo: number;
}

export interface ClimateTables {
  climate_share: ClimateShareTable;
}
