export interface CountryTable {
  iso2: string;
  iso3: string;
  name_en: string;
  name_ru: string;
  is_member: number;
}

export interface OrganisationTable {
  ref: string;
  acronym: string;
  name_en: string;
  name_ru: string;
  type: string | null;
  country: string | null;
  role: string;
}

export interface ClusterTable {
  code: number;
  name_en: string;
  name_ru: string;
}

/** DAC sector categories (3-digit) and purpose codes (5-digit) that fall in a cluster. */
export interface ClusterSectorTable {
  cluster_code: number;
  sector_code: string;
}

export interface CorridorTable {
  number: number;
  name_en: string;
  name_ru: string;
}

export interface CorridorCountryTable {
  corridor_number: number;
  country_iso2: string;
}

export interface ConferenceTable {
  number: number;
  year: number;
  city_en: string;
  city_ru: string;
  chair_iso2: string | null;
  date: string | null;
  theme_en: string | null;
  theme_ru: string | null;
  /** A JSON array of the addresses the facts come from. */
  sources: string;
}

export interface ConferenceDocumentTable {
  conference_number: number;
  seq: number;
  title_en: string;
  title_ru: string;
  url: string | null;
}

export interface ConferenceDecisionTable {
  conference_number: number;
  seq: number;
  text_en: string;
  text_ru: string;
  link_kind: 'facility' | 'strategy' | 'agreement' | 'project' | null;
  link_name_en: string | null;
  link_name_ru: string | null;
  /** A project's IATI identifier. */
  link_ref: string | null;
}

/** Units of the currency per US dollar: for a day (period YYYY-MM-DD) or a year's average (YYYY). */
export interface ExchangeRateTable {
  currency: string;
  period: string;
  per_usd: string;
  source: string;
}

export interface ReferenceTables {
  country: CountryTable;
  organisation: OrganisationTable;
  cluster: ClusterTable;
  cluster_sector: ClusterSectorTable;
  corridor: CorridorTable;
  corridor_country: CorridorCountryTable;
  conference: ConferenceTable;
  conference_document: ConferenceDocumentTable;
  conference_decision: ConferenceDecisionTable;
  exchange_rate: ExchangeRateTable;
}
