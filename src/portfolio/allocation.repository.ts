import { bulkTable, insertFlat, type SqlValue } from '../db/bulk.ts';
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

const ROLLUP = bulkTable('portfolio_rollup', [...KEY_COLUMNS, 'usd_cents', 'allocations']);
const ADD_TO_ROLLUP =
  `on conflict (${KEY_COLUMNS.map((c) => `"${c}"`).join(', ')}) do update set ` +
  '"usd_cents" = "portfolio_rollup"."usd_cents" + excluded."usd_cents", ' +
  '"allocations" = "portfolio_rollup"."allocations" + excluded."allocations"';

export async function applyRollupDelta(
  db: Db,
  delta: readonly PortfolioRollupTable[],
): Promise<void> {
  if (delta.length === 0) return;
  const values: SqlValue[] = [];
  for (const row of delta) for (const column of ROLLUP.columns) values.push(row[column]);
  await insertFlat(db, ROLLUP, values, { onConflict: ADD_TO_ROLLUP });
  // Only taking allocations out can empty a rollup row.
  if (delta.some((row) => row.allocations < 0)) {
    await db.deleteFrom('portfolio_rollup').where('allocations', '<=', 0).execute();
  }
}

export async function selectAllocations(
  db: Db,
  activityIds: readonly number[],
): Promise<AllocationTable[]> {
  if (activityIds.length === 0) return [];
  return db.selectFrom('allocation').selectAll().where('activity_id', 'in', activityIds).execute();
}

const ALLOCATION = bulkTable('allocation', [
  'activity_id',
  'transaction_id',
  'measure',
  'year',
  'country',
  'sector_vocabulary',
  'sector',
  'sector_category',
  'cluster_code',
  'partner',
  'status',
  'mitigation',
  'adaptation',
  'drr',
  'counted',
  'usd_cents',
]);

export async function insertAllocations(db: Db, rows: readonly AllocationTable[]): Promise<void> {
  const values: SqlValue[] = [];
  for (const r of rows) {
    // In ALLOCATION's column order, property by property: looking the columns up by name
    // cost more than all the rest of this function.
    values.push(r.activity_id, r.transaction_id, r.measure, r.year, r.country, r.sector_vocabulary);
    values.push(r.sector, r.sector_category, r.cluster_code, r.partner, r.status, r.mitigation);
    values.push(r.adaptation, r.drr, r.counted, r.usd_cents);
  }
  await insertFlat(db, ALLOCATION, values);
}

export async function deleteAllocations(db: Db, activityIds: readonly number[]): Promise<void> {
  if (activityIds.length === 0) return;
  await db.deleteFrom('allocation').where('activity_id', 'in', activityIds).execute();
}
