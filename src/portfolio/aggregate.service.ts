import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type {
  AggregateAnswer,
  AggregateQuery,
  AggregateRow,
  Dimension,
} from './aggregate.schema.ts';

const COLUMN: Readonly<Record<Dimension, string>> = {
  country: 'country',
  year: 'year',
  sector: 'sector',
  sectorCategory: 'sector_category',
  cluster: 'cluster_code',
  corridor: 'corridor_number',
  partner: 'partner',
  status: 'status',
};

/** Dimensions only the allocation table holds; everything else is answered from the rollup. */
const ALLOCATION_ONLY: readonly Dimension[] = ['corridor'];

function usesAllocations(query: AggregateQuery): boolean {
  return (
    query.by.some((d) => ALLOCATION_ONLY.includes(d)) ||
    query.region !== undefined ||
    query.corridor !== undefined
  );
}

function filters(query: AggregateQuery, fromAllocations: boolean): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`measure = ${query.measure}`];
  if (fromAllocations) where.push(sql`counted = 1`);
  const within = (column: string, values: readonly (string | number)[] | undefined) => {
    if (values?.length) where.push(sql`${sql.ref(column)} in (${sql.join(values)})`);
  };
  within('country', query.country);
  within('sector', query.sector);
  within('sector_category', query.sectorCategory);
  within('cluster_code', query.cluster?.map(Number));
  within('partner', query.partner);
  within('status', query.status);
  if (query.yearFrom !== undefined) where.push(sql`year >= ${query.yearFrom}`);
  if (query.yearTo !== undefined) where.push(sql`year <= ${query.yearTo}`);
  if (query.climate === 'any') where.push(sql`(mitigation > 0 or adaptation > 0 or drr > 0)`);
  else if (query.climate) where.push(sql`${sql.ref(query.climate)} > 0`);
  if (query.region?.length) {
    where.push(sql`exists (select 1 from recipient_region r
      where r.activity_id = allocation.activity_id and r.region_code in (${sql.join(query.region)}))`);
  }
  if (query.corridor?.length && !query.by.includes('corridor')) {
    where.push(sql`exists (select 1 from activity_corridor c
      where c.activity_id = allocation.activity_id
        and c.corridor_number in (${sql.join(query.corridor.map(Number))}))`);
  }
  return where;
}

interface SummedRow {
  [column: string]: string | number | null;
  cents: string | number;
}

/** Sums US cents by the given dimensions (and by year, when a conversion needs it). */
async function sumCents(db: Db, query: AggregateQuery, dimensions: readonly Dimension[]) {
  const fromAllocations = usesAllocations(query);
  const source = fromAllocations
    ? query.by.includes('corridor')
      ? sql`allocation join activity_corridor on activity_corridor.activity_id = allocation.activity_id`
      : sql`allocation`
    : sql`portfolio_rollup`;
  const where = filters(query, fromAllocations);
  if (query.by.includes('corridor') && query.corridor?.length) {
    where.push(sql`corridor_number in (${sql.join(query.corridor.map(Number))})`);
  }
  const columns = dimensions.map((d) => sql`${sql.ref(COLUMN[d])} as ${sql.id(d)}`);
  const groupBy = dimensions.map((d) => sql.ref(COLUMN[d]));
  const select = columns.length ? sql`${sql.join(columns)}, ` : sql``;
  const group = groupBy.length ? sql`group by ${sql.join(groupBy)}` : sql``;
  // Summed as doubles: a large portfolio's cents can pass 2^53 ($90 trillion), which SQLite
  // will not hand JavaScript as an integer; below that, whole cents still add up exactly.
  const { rows } = await sql<SummedRow>`
    select ${select}sum(cast(usd_cents as double precision)) as cents
    from ${source}
    where ${sql.join(where, sql` and `)}
    ${group}`.execute(db);
  return rows.filter((row) => row.cents !== null);
}

interface Rate {
  year: number;
  perUsd: string;
  source: string;
}

/** The annual average of each year, or of the nearest year that has one. */
async function annualRates(db: Db, currency: string): Promise<(year: number) => Rate> {
  const rows = await db
    .selectFrom('exchange_rate')
    .select(['period', 'per_usd', 'source'])
    .where('currency', '=', currency)
    .execute();
  const annual = rows
    .filter((r) => /^\d{4}$/.test(r.period))
    .map((r) => ({ year: Number(r.period), perUsd: r.per_usd, source: r.source }));
  if (annual.length === 0) {
    throw new AppError('bad_request', `No exchange rate to show values in ${currency}`);
  }
  return (year) =>
    annual.reduce((best, r) => (Math.abs(r.year - year) < Math.abs(best.year - year) ? r : best));
}

const toNumber = (cents: string | number) => Number(cents);
const ALL_CORRIDORS = ['1', '2', '3', '4', '5', '6'];

export async function aggregate(db: Db, query: AggregateQuery): Promise<AggregateAnswer> {
  const converting = query.currency !== 'USD';
  const dimensions: Dimension[] =
    converting && !query.by.includes('year') ? [...query.by, 'year'] : [...query.by];
  const summed = await sumCents(db, query, dimensions);
  const rateOf = converting ? await annualRates(db, query.currency) : null;
  const used = new Map<number, Rate>();

  const merged = new Map<string, AggregateRow>();
  let totalUnits = 0;
  for (const row of summed) {
    let value = toNumber(row.cents) / 100;
    if (rateOf) {
      const rate = rateOf(Number(row['year']));
      used.set(rate.year, rate);
      value *= Number(rate.perUsd);
    }
    const out: AggregateRow = { value: 0 };
    for (const d of query.by)
      out[d] =
        d === 'year' || d === 'cluster' || d === 'corridor' ? Number(row[d]) : String(row[d] ?? '');
    const key = query.by.map((d) => out[d]).join('\u0000');
    const existing = merged.get(key) ?? out;
    existing.value += value;
    merged.set(key, existing);
    totalUnits += value;
  }
  const rows: AggregateRow[] = [...merged.values()].map((r) => ({
    ...r,
    value: Math.round(r.value * 100) / 100,
  }));
  rows.sort((a, b) =>
    query.by.includes('year') && a['year'] !== b['year']
      ? Number(a['year']) - Number(b['year'])
      : b.value - a.value,
  );

  // Grouping by corridor counts a multi-corridor activity under each; the total counts it once.
  const total = query.by.includes('corridor')
    ? (await aggregate(db, { ...query, by: [], corridor: query.corridor ?? ALL_CORRIDORS })).total
    : Math.round(totalUnits * 100) / 100;
  const answer: AggregateAnswer = {
    measure: query.measure,
    currency: query.currency,
    by: query.by,
    rows,
    total,
  };
  if (converting) answer.exchangeRates = [...used.values()].sort((a, b) => a.year - b.year);
  return answer;
}
