import type { Db } from '../db/database.ts';
import { computeAllocations } from './allocation.service.ts';
import { rollupDelta, rollupKey, type RollupKey } from './allocation.repository.ts';
import type { PortfolioRollupTable } from './allocation.table.ts';

export interface RollupDifference {
  key: RollupKey;
  storedCents: number;
  recomputedCents: number;
}

const CHUNK = 500;

/**
 * Recomputes every rollup from the raw transactions and budgets and lists where the stored
 * rollup differs: empty when the rollups are right.
 */
export async function verifyRollups(db: Db): Promise<RollupDifference[]> {
  const recomputed = new Map<string, PortfolioRollupTable>();
  let after = 0;
  for (;;) {
    const ids = (
      await db
        .selectFrom('activity')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(CHUNK)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    for (const row of rollupDelta(await computeAllocations(db, ids), 1)) {
      const key = rollupKey(row);
      const sum = recomputed.get(key);
      if (sum) {
        sum.usd_cents += row.usd_cents;
        sum.allocations += row.allocations;
      } else recomputed.set(key, row);
    }
  }

  const differences: RollupDifference[] = [];
  const stored = await db.selectFrom('portfolio_rollup').selectAll().execute();
  for (const row of stored) {
    const key = rollupKey(row);
    const fresh = recomputed.get(key);
    recomputed.delete(key);
    const storedCents = Number(row.usd_cents);
    const recomputedCents = fresh?.usd_cents ?? 0;
    if (storedCents !== recomputedCents)
      differences.push({ key: row, storedCents, recomputedCents });
  }
  for (const fresh of recomputed.values()) {
    if (fresh.usd_cents !== 0)
      differences.push({ key: fresh, storedCents: 0, recomputedCents: fresh.usd_cents });
  }
  return differences;
}
