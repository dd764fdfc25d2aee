import type { Db } from '../../db/database.ts';
import { climateFinance } from '../../climate/climate-finance.service.ts';
import { ClimateQuerySchema, type ClimateAnswer } from '../../climate/climate.schema.ts';
import { climatePipeline, type ClimatePipeline } from '../../climate/pipeline.service.ts';
import { fundStatement, type FundStatement } from '../../facility/fund.service.ts';
import { conferencesAround } from '../../reference/conference.service.ts';
import type { Conference } from '../../reference/conferences.ts';
import { scorecard, type Scorecard } from '../../results/scorecard.service.ts';
import {
  countActivities,
  dataSources,
  newApprovals,
  sumMeasures,
  type Approval,
  type DataSources,
  type MeasureSums,
} from './figures.repository.ts';

/** Money is in US cents throughout: exact, and the same in every language. */
export interface PortfolioFigures {
  commitments: number;
  disbursements: number;
  activities: number;
}

/**
 * Every figure of a Ministerial Conference report, independent of language and layout: what a
 * snapshot freezes and the HTML is rendered from.
 */
export interface MinisterialData {
  report: 'ministerial';
  year: number;
  asOf: string;
  computedAt: string;
  /** How many stored activities are demonstration data. */
  demoActivities: number;
  conference: Conference | null;
  previous: Conference | null;
  /** The first day counted as "since the last conference". */
  since: string;
  portfolio: {
    cumulative: PortfolioFigures;
    sinceLast: PortfolioFigures;
    byCluster: MeasureSums[];
    byCountry: MeasureSums[];
    byPartner: MeasureSums[];
    byCorridor: MeasureSums[];
    byYear: MeasureSums[];
  };
  approvals: Approval[];
  facility: { statement: FundStatement; pipeline: ClimatePipeline };
  climate: { byCountry: ClimateAnswer; byCluster: ClimateAnswer; byYear: ClimateAnswer };
  results: Scorecard;
  sources: DataSources;
}

const byCommitments = (rows: MeasureSums[]) =>
  rows.sort((a, b) => b.commitments - a.commitments || String(a.key).localeCompare(String(b.key)));

/** Computes the report's figures from the store as it is now, cut off at the as-of day. */
export async function ministerialData(
  db: Db,
  { year, asOf, now = new Date() }: { year: number; asOf: string; now?: Date },
): Promise<MinisterialData> {
  const { current, previous, since } = await conferencesAround(db, year);
  const all = { from: null, to: asOf };
  const recent = { from: since, to: asOf };
  const total = async (window: typeof all | typeof recent): Promise<PortfolioFigures> => {
    const [sums] = await sumMeasures(db, window, null);
    return {
      commitments: sums?.commitments ?? 0,
      disbursements: sums?.disbursements ?? 0,
      activities: await countActivities(db, window),
    };
  };
  const climate = (by: string) =>
    climateFinance(db, ClimateQuerySchema.parse({ by, asOf, measure: 'commitments' }));
  return {
    report: 'ministerial',
    year,
    asOf,
    computedAt: now.toISOString(),
    // The demo activities among those the report counts, not all that are stored.
    demoActivities: await countActivities(db, all, { demoOnly: true }),
    conference: current,
    previous,
    since,
    portfolio: {
      cumulative: await total(all),
      sinceLast: await total(recent),
      byCluster: byCommitments(await sumMeasures(db, all, 'cluster')),
      byCountry: byCommitments(await sumMeasures(db, all, 'country')),
      byPartner: byCommitments(await sumMeasures(db, all, 'partner')),
      byCorridor: (await sumMeasures(db, all, 'corridor')).sort(
        (a, b) => Number(a.key) - Number(b.key),
      ),
      byYear: (await sumMeasures(db, all, 'year')).sort((a, b) => Number(a.key) - Number(b.key)),
    },
    approvals: await newApprovals(db, recent),
    facility: {
      statement: await fundStatement(db, asOf),
      pipeline: await climatePipeline(db, asOf),
    },
    climate: {
      byCountry: await climate('country'),
      byCluster: await climate('cluster'),
      byYear: await climate('year'),
    },
    results: await scorecard(db, { year, asOf }),
    sources: await dataSources(db, asOf),
  };
}
