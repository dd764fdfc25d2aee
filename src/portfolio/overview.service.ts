import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { MEMBER_CODES } from '../reference/countries.ts';

/** The portal's headline figures and whether what it shows is demonstration data. */
export interface PortfolioOverview {
  activities: number;
  /** Activities of the generated demo portfolio; the portal labels its figures when above 0. */
  demoActivities: number;
  /** CAREC members with counted commitments. */
  countries: number;
  /** Original funders with counted commitments. */
  partners: number;
  /** Counted US dollars. */
  commitments: number;
  disbursements: number;
  /** The latest transaction date: how current the figures are. */
  latestTransaction: string | null;
}

export async function portfolioOverview(db: Db): Promise<PortfolioOverview> {
  const { rows } = await sql<{
    activities: number | string;
    demo: number | string | null;
    countries: number | string;
    partners: number | string;
    commitments: number | string | null;
    disbursements: number | string | null;
    latest: string | null;
  }>`
    select
      (select count(*) from activity) as activities,
      (select sum(is_demo) from activity) as demo,
      (select count(distinct country) from portfolio_rollup
        where measure = 'commitments' and usd_cents > 0
          and country in (${sql.join(MEMBER_CODES)})) as countries,
      (select count(distinct partner) from portfolio_rollup
        where measure = 'commitments' and usd_cents > 0 and partner <> '') as partners,
      (select sum(usd_cents) from portfolio_rollup where measure = 'commitments') as commitments,
      (select sum(usd_cents) from portfolio_rollup where measure = 'disbursements') as disbursements,
      (select max(date) from activity_transaction) as latest`.execute(db);
  const row = rows[0]!;
  return {
    activities: Number(row.activities),
    demoActivities: Number(row.demo ?? 0),
    countries: Number(row.countries),
    partners: Number(row.partners),
    commitments: Number(row.commitments ?? 0) / 100,
    disbursements: Number(row.disbursements ?? 0) / 100,
    latestTransaction: row.latest,
  };
}
