/** A transaction's (or budget's) US cents split by country × sector, with the dimensions queries use. */
export interface AllocationTable {
  activity_id: number;
  /** Null for a budget. */
  transaction_id: number | null;
  measure: Measure;
  year: number;
  /** ISO 3166-1 alpha-2, or "regional". */
  country: string;
  sector_vocabulary: string | null;
  sector: string;
  /** DAC 3-digit category; '' when the sector is not a DAC code. */
  sector_category: string;
  /** 0 when the activity has no cluster. */
  cluster_code: number;
  /** The original funder's organisation reference; '' when unknown. */
  partner: string;
  status: string;
  /** PolicySignificance of each climate marker; 0 when the activity has none. */
  mitigation: number;
  adaptation: number;
  drr: number;
  /** 0 when the money is counted elsewhere (passed on, co-financing, parent of reporting children). */
  counted: number;
  usd_cents: number;
}

export interface PortfolioRollupTable {
  measure: Measure;
  year: number;
  country: string;
  sector_category: string;
  sector: string;
  cluster_code: number;
  partner: string;
  status: string;
  mitigation: number;
  adaptation: number;
  drr: number;
  usd_cents: number;
  allocations: number;
}

export const MEASURES = ['commitments', 'disbursements', 'expenditure', 'budget'] as const;
export type Measure = (typeof MEASURES)[number];

/** IATI TransactionType codes that are measures; incoming funds are the other side of a flow. */
export const MEASURE_OF_TRANSACTION_TYPE: Readonly<Record<string, Measure>> = {
  '2': 'commitments',
  '3': 'disbursements',
  '4': 'expenditure',
};

export interface AllocationTables {
  allocation: AllocationTable;
  portfolio_rollup: PortfolioRollupTable;
}
