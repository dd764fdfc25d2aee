/** The results framework: indicators, how IATI results map to them, and recorded values. */
export interface ResultsIndicatorTable {
  code: string;
  name_en: string;
  name_ru: string;
  unit_en: string;
  unit_ru: string;
  /** The CAREC 2030 cluster (1–5); null for a cross-cutting indicator. */
  cluster_code: number | null;
  direction: 'higher' | 'lower';
  /** `sum`: derived by adding what linked projects delivered; `none`: recorded only. */
  aggregation: 'sum' | 'none';
  /** The year whose end the framework measures progress from. */
  baseline_year: number;
  decimals: number;
  is_demo: number;
  updated_by: string;
  updated_at: string;
}

/** An IATI result indicator counts towards a framework indicator by reference or by title. */
export interface ResultsMappingTable {
  indicator_code: string;
  kind: 'reference' | 'title';
  /** The reference's vocabulary; '' for a title. */
  vocabulary: string;
  /** The reference's code, or the title in lower case with spaces collapsed. */
  code: string;
}

export interface ResultsValueTable {
  indicator_code: string;
  /** ISO 3166-1 alpha-2 of a member, or CAREC for the programme as a whole. */
  country: string;
  year: number;
  kind: 'baseline' | 'target' | 'actual';
  /** A decimal as recorded. */
  value: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
  is_demo: number;
}

export interface ResultsTables {
  results_indicator: ResultsIndicatorTable;
  results_mapping: ResultsMappingTable;
  results_value: ResultsValueTable;
}
