import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ClimateDimension, ClimateMeasure } from './climate.schema.ts';

export interface ClimateFilter {
  measure: ClimateMeasure;
  country?: string[] | undefined;
  cluster?: string[] | undefined;
  partner?: string[] | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  asOf?: string | undefined;
}

export type DimensionValues = Partial<Record<ClimateDimension, string | number>>;

const COLUMN: Readonly<Record<ClimateDimension, string>> = {
  country: 'a.country',
  cluster: 'a.cluster_code',
  partner: 'a.partner',
  year: 'a.year',
};

function conditions(filter: ClimateFilter, fromAllocations: boolean): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`a.measure = ${filter.measure}`];
  if (fromAllocations) where.push(sql`a.counted = 1`);
  const within = (column: string, values: readonly (string | number)[] | undefined) => {
    if (values?.length) where.push(sql`${sql.ref(column)} in (${sql.join(values)})`);
  };
  within('a.country', filter.country);
  within('a.cluster_code', filter.cluster?.map(Number));
  within('a.partner', filter.partner);
  if (filter.yearFrom !== undefined) where.push(sql`a.year >= ${filter.yearFrom}`);
  if (filter.yearTo !== undefined) where.push(sql`a.year <= ${filter.yearTo}`);
  if (filter.asOf !== undefined) where.push(sql`t.date <= ${filter.asOf}`);
  return where;
}

function dimensionValues(row: Record<string, unknown>, dims: readonly ClimateDimension[]) {
  const values: DimensionValues = {};
  for (const d of dims) {
    const value = row[d] as string | number | null;
    values[d] = d === 'year' || d === 'cluster' ? Number(value) : String(value ?? '');
  }
  return values;
}

const selectDims = (dims: readonly ClimateDimension[]) =>
  dims.map((d) => sql`${sql.ref(COLUMN[d])} as ${sql.id(d)}`);

export interface MarkerSum {
  dims: DimensionValues;
  mitigation: number;
  adaptation: number;
  drr: number;
  cents: bigint;
}

/**
 * Counted money by the requested dimensions and the activity's marker significances: from the
 * rollup, or from allocations and their transactions' dates when there is a cut-off date.
 */
export async function sumByMarkers(
  db: Db,
  filter: ClimateFilter,
  dims: readonly ClimateDimension[],
): Promise<MarkerSum[]> {
  const dated = filter.asOf !== undefined;
  const source = dated
    ? sql`allocation a join activity_transaction t on t.id = a.transaction_id`
    : sql`portfolio_rollup a`;
  const markers = [sql.ref('a.mitigation'), sql.ref('a.adaptation'), sql.ref('a.drr')];
  const { rows } = await sql<Record<string, unknown>>`
    select ${sql.join([...selectDims(dims), ...markers])}, sum(a.usd_cents) as cents
    from ${source}
    where ${sql.join(conditions(filter, dated), sql` and `)}
    group by ${sql.join([...dims.map((d) => sql.ref(COLUMN[d])), ...markers])}`.execute(db);
  return rows
    .filter((row) => row['cents'] !== null)
    .map((row) => ({
      dims: dimensionValues(row, dims),
      mitigation: Number(row['mitigation']),
      adaptation: Number(row['adaptation']),
      drr: Number(row['drr']),
      cents: BigInt(String(row['cents'])),
    }));
}

export interface ActivitySum {
  dims: DimensionValues;
  iatiIdentifier: string;
  cents: bigint;
}

/** Counted money of the activities that have component climate shares, per activity. */
export async function sumByShareActivity(
  db: Db,
  filter: ClimateFilter,
  dims: readonly ClimateDimension[],
): Promise<ActivitySum[]> {
  const source =
    filter.asOf === undefined
      ? sql`allocation a join activity act on act.id = a.activity_id`
      : sql`allocation a join activity act on act.id = a.activity_id
          join activity_transaction t on t.id = a.transaction_id`;
  const where = [
    ...conditions(filter, true),
    sql`act.iati_identifier in (select iati_identifier from climate_share)`,
  ];
  const { rows } = await sql<Record<string, unknown>>`
    select ${sql.join([...selectDims(dims), sql`act.iati_identifier as activity`])},
      sum(a.usd_cents) as cents
    from ${source}
    where ${sql.join(where, sql` and `)}
    group by ${sql.join([...dims.map((d) => sql.ref(COLUMN[d])), sql.ref('act.iati_identifier')])}`.execute(
    db,
  );
  return rows
    .filter((row) => row['cents'] !== null)
    .map((row) => ({
      dims: dimensionValues(row, dims),
      iatiIdentifier: String(row['activity']),
      cents: BigInt(String(row['cents'])),
    }));
}
