import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AllocationTable, PortfolioRollupTable } from './allocation.table.ts';

export type RollupKey = Omit<PortfolioRollupTable, 'usd_cents' | 'allocations'>;

const KEY_COLUMNS = [
  'measure',
  'year',
  'country',
  'sector_category',
  'sector',
  'cluster_code',
  'partner',
  'status',
  'mitigation',
  'adaptation',
  'drr',
] as const satisfies readonly (keyof RollupKey)[];

// Rows per statement, under SQLite's 32,766 bound parameters (13 and 17 columns).
const ROLLUP_ROWS_PER_INSERT = 2000;
const ALLOCATION_ROWS_PER_INSERT = 1500;

/** A rollup row's key as one string, to sum and compare rows by it. */
export function rollupKey(row: RollupKey): string {
  return KEY_COLUMNS.map((column) => row[column]).join('\u0000');
}

/** Sums counted allocations by rollup key: the change they make to the rollup. */
export function rollupDelta(
  rows: readonly AllocationTable[],
  sign: 1 | -1,
): PortfolioRollupTable[] {
  const sums = new Map<string, PortfolioRollupTable>();
  for (const row of rows) {
    if (row.counted !== 1) continue;
    const key = rollupKey(row);
    let sum = sums.get(key);
    if (!sum) {
      sum = { ...pickKey(row), usd_cents: 0, allocations: 0 };
      sums.set(key, sum);
    }
    sum.usd_cents += sign * row.usd_cents;
    sum.allocations += sign;
  }
  return [...sums.values()];
}

function pickKey(row: RollupKey): RollupKey {
  const { measure, year, country, sector_category, sector, cluster_code, partner, status } = row;
  const { mitigation, adaptation, drr } = row;
  return {
    measure,
    year,
    country,
    sector_category,
    sector,
    cluster_code,
    partner,
    status,
    mitigation,
    adaptation,
    drr,
  };
}

export async function applyRollupDelta(
  db: Db,
  delta: readonly PortfolioRollupTable[],
): Promise<void> {
  for (let start = 0; start < delta.length; start += ROLLUP_ROWS_PER_INSERT) {
    await db
      .insertInto('portfolio_rollup')
      .values(delta.slice(start, start + ROLLUP_ROWS_PER_INSERT))
      .onConflict((oc) =>
        oc.columns([...KEY_COLUMNS]).doUpdateSet({
          usd_cents: sql`portfolio_rollup.usd_cents + excluded.usd_cents`,
          allocations: sql`portfolio_rollup.allocations + excluded.allocations`,
        }),
      )
      .execute();
  }
  await db.deleteFrom('portfolio_rollup').where('allocations', '<=', 0).execute();
}

export async function selectAllocations(
  db: Db,
  activityIds: readonly number[],
): Promise<AllocationTable[]> {
  if (activityIds.length === 0) return [];
  return db.selectFrom('allocation').selectAll().where('activity_id', 'in', activityIds).execute();
}

export async function insertAllocations(db: Db, rows: readonly AllocationTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ALLOCATION_ROWS_PER_INSERT) {
    await db
      .insertInto('allocation')
      .values(rows.slice(start, start + ALLOCATION_ROWS_PER_INSERT))
      .execute();
  }
}

export async function deleteAllocations(db: Db, activityIds: readonly number[]): Promise<void> {
  if (activityIds.length === 0) return;
  await db.deleteFrom('allocation').where('activity_id', 'in', activityIds).execute();
}
