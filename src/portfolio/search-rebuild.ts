import type { Db } from '../db/database.ts';
import { refreshAllocations } from './allocation.service.ts';

const BATCH = 2000;

/**
 * Rebuilds everything derived from the stored activities (allocations, the rollup, totals and
 * the search index) as import builds it. Used after moving a store between engines.
 */
export async function rebuildDerivedTables(db: Db): Promise<void> {
  for (let after = 0; ;) {
    const ids = (
      await db
        .selectFrom('activity')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute()
    ).map((row) => row.id);
    if (ids.length === 0) return;
    await refreshAllocations(db, ids);
    after = ids.at(-1)!;
  }
}
