import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * The portfolio as of a day, read from allocations and their transactions' dates so that a
 * report can cut off at any day (the rollup has years only). Counted flows only, as everywhere.
 */
export interface Window {
  /** Flows dated on or after this day; null for everything up to `to`. */
  from: string | null;
  to: string;
}

export type FigureDimension = 'country' | 'cluster' | 'partner' | 'corridor' | 'year';

const COLUMN: Readonly<Record<FigureDimension, RawBuilder<unknown>>> = {
  country: sql`a.country`,
  cluster: sql`a.cluster_code`,
  partner: sql`a.partner`,
  corridor: sql`c.corridor_number`,
  year: sql`a.year`,
};

function where(window: Window): RawBuilder<unknown> {
  const parts = [
    sql`a.counted = 1`,
    sql`a.measure in ('commitments', 'disbursements')`,
    sql`t.date <= ${window.to}`,
  ];
  if (window.from !== null) parts.push(sql`t.date >= ${window.from}`);
  return sql.join(parts, sql` and `);
}

export interface MeasureSums {
  key: string | number | null;
  commitments: number;
  disbursements: number;
}

/** Commitments and disbursements in US cents, in total (key null) or by a dimension. */
export async function sumMeasures(
  db: Db,
  window: Window,
  by: FigureDimension | null,
): Promise<MeasureSums[]> {
  const corridorJoin =
    by === 'corridor' ? sql`join activity_corridor c on c.activity_id = a.activity_id` : sql``;
  const key = by === null ? sql`null` : COLUMN[by];
  const group = by === null ? sql`` : sql`group by ${COLUMN[by]}`;
  const { rows } = await sql<{ key: string | number | null; measure: string; cents: unknown }>`
    select ${key} as key, a.measure as measure, sum(a.usd_cents) as cents
    from allocation a join activity_transaction t on t.id = a.transaction_id ${corridorJoin}
    where ${where(window)}
    ${group}${by === null ? sql`group by a.measure` : sql`, a.measure`}`.execute(db);
  const sums = new Map<string, MeasureSums>();
  for (const row of rows) {
    const k =
      row.key === null
        ? null
        : by === 'cluster' || by === 'corridor' || by === 'year'
          ? Number(row.key)
          : String(row.key);
    const id = String(k);
    const entry = sums.get(id) ?? { key: k, commitments: 0, disbursements: 0 };
    const cents = Number(row.cents ?? 0);
    if (row.measure === 'commitments') entry.commitments += cents;
    else entry.disbursements += cents;
    sums.set(id, entry);
  }
  return [...sums.values()];
}

/** Activities with counted commitments in the window. */
export async function countActivities(
  db: Db,
  window: Window,
  { demoOnly = false } = {},
): Promise<number> {
  const demo = demoOnly
    ? sql`and exists (select 1 from activity d where d.id = a.activity_id and d.is_demo = 1)`
    : sql``;
  const { rows } = await sql<{ n: unknown }>`
    select count(distinct a.activity_id) as n
    from allocation a join activity_transaction t on t.id = a.transaction_id
    where ${where(window)} and a.measure = 'commitments' ${demo}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export interface Approval {
  iatiIdentifier: string;
  title: string;
  /** The Russian title where the publisher gives one. */
  titleRu: string | null;
  reportingOrg: string;
  firstCommitment: string;
  commitments: number;
  countries: string[];
  demo: boolean;
}

/** Activities whose first counted commitment falls in the window, largest first. */
export async function newApprovals(db: Db, window: Window & { from: string }): Promise<Approval[]> {
  const { rows } = await sql<{ id: number; first: string; cents: unknown }>`
    select a.activity_id as id, min(t.date) as first, sum(a.usd_cents) as cents
    from allocation a join activity_transaction t on t.id = a.transaction_id
    where a.counted = 1 and a.measure = 'commitments' and t.date <= ${window.to}
    group by a.activity_id
    having min(t.date) >= ${window.from}`.execute(db);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const activities = await db
    .selectFrom('activity')
    .select(['id', 'iati_identifier', 'title', 'reporting_org_ref', 'is_demo'])
    .where('id', 'in', ids)
    .execute();
  const countries = await db
    .selectFrom('recipient_country')
    .select(['activity_id', 'country_code'])
    .where('activity_id', 'in', ids)
    .orderBy('activity_id')
    .orderBy('country_code')
    .execute();
  const russian = await db
    .selectFrom('activity_narrative')
    .select(['activity_id', 'text'])
    .where('activity_id', 'in', ids)
    .where('kind', '=', 'title')
    .where('lang', '=', 'ru')
    .execute();
  const titleRu = new Map(russian.map((r) => [r.activity_id, r.text]));
  const byId = new Map(activities.map((a) => [a.id, a]));
  return rows
    .map((r) => {
      const a = byId.get(Number(r.id))!;
      return {
        iatiIdentifier: a.iati_identifier,
        title: a.title,
        titleRu: titleRu.get(a.id) ?? null,
        reportingOrg: a.reporting_org_ref,
        firstCommitment: r.first,
        commitments: Number(r.cents),
        countries: countries.filter((c) => c.activity_id === a.id).map((c) => c.country_code),
        demo: a.is_demo === 1,
      };
    })
    .sort(
      (x, y) => y.commitments - x.commitments || x.iatiIdentifier.localeCompare(y.iatiIdentifier),
    );
}

export interface DataSources {
  publishers: { ref: string; activities: number; lastUpdated: string | null; demo: number }[];
  importRuns: { source: string; finishedAt: string; activities: number }[];
  /** Where the US dollar values of the flows counted come from. */
  exchangeRates: { currency: string; source: string; transactions: number }[];
  climateShares: { source: string; activities: number }[];
}

export async function dataSources(db: Db, asOf: string): Promise<DataSources> {
  const publishers = await db
    .selectFrom('activity')
    .select((eb) => [
      'reporting_org_ref as ref',
      eb.fn.countAll<number>().as('activities'),
      eb.fn.max('last_updated').as('lastUpdated'),
      eb.fn.sum<number>('is_demo').as('demo'),
    ])
    .groupBy('reporting_org_ref')
    .orderBy('reporting_org_ref')
    .execute();
  const runs = await db
    .selectFrom('import_run')
    .select(['source', 'finished_at', 'activities'])
    .where('status', '=', 'completed')
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .limit(20)
    .execute();
  const { rows: rates } = await sql<{ currency: string; source: string | null; n: unknown }>`
    select t.currency as currency, t.fx_source as source, count(*) as n
    from activity_transaction t
    where t.type in ('2', '3') and t.date <= ${asOf} and t.usd_cents is not null
    group by t.currency, t.fx_source
    order by t.currency, t.fx_source`.execute(db);
  const shares = await db
    .selectFrom('climate_share')
    .select((eb) => ['source', eb.fn.count<number>('iati_identifier').distinct().as('activities')])
    .groupBy('source')
    .orderBy('source')
    .execute();
  return {
    publishers: publishers.map((p) => ({
      ref: p.ref,
      activities: Number(p.activities),
      lastUpdated: p.lastUpdated,
      demo: Number(p.demo),
    })),
    importRuns: runs.map((r) => ({
      source: r.source,
      finishedAt: r.finished_at!,
      activities: Number(r.activities),
    })),
    exchangeRates: rates.map((r) => ({
      currency: r.currency,
      source: r.source ?? '',
      transactions: Number(r.n),
    })),
    climateShares: shares.map((s) => ({ source: s.source, activities: Number(s.activities) })),
  };
}

/** The years with counted commitments or disbursements, ascending, from the rollup. */
export async function yearsWithFlows(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('portfolio_rollup')
    .select('year')
    .distinct()
    .where('measure', 'in', ['commitments', 'disbursements'])
    .where('allocations', '>', 0)
    .orderBy('year')
    .execute();
  return rows.map((r) => Number(r.year));
}
