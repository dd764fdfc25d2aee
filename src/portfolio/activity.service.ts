import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import type { ActivityInput } from './activity.model.ts';
import { activityRows, type ActivityRows, type UsdConverter } from './activity.rows.ts';
import {
  deleteActivities,
  findActivityRefs,
  insertActivityRows,
  type ActivityMeta,
} from './activity.repository.ts';
import { refreshAllocations, removeAllocations, type KnownActivity } from './allocation.service.ts';
import { affectedActivities, lockPortfolio } from './counting.ts';
import { applyCurations } from './curation.service.ts';

export type StoreOutcome = 'imported' | 'unchanged' | 'replaced';

/** What storing did, with the content digests before and after for the audit trail. */
export interface StoreResult {
  outcome: StoreOutcome;
  previousHash: string | null;
  hash: string;
}

export interface StoreOptions {
  isDemo: boolean;
  importRunId: number | null;
  now?: string;
}

/**
 * Stores activities (as rows, see activity.rows.ts) inside the caller's transaction, in order:
 * a new one is inserted, an identical one left alone, a changed one replaced whole, so no
 * reader ever sees half an activity. Then the allocations of everything whose counting may
 * have changed are refreshed. Returns one result per activity, in order.
 */
export async function storeActivityRows(
  trx: Db,
  batch: readonly ActivityRows[],
  options: StoreOptions,
): Promise<StoreResult[]> {
  const meta: ActivityMeta = {
    isDemo: options.isDemo,
    importRunId: options.importRunId,
    now: options.now ?? new Date().toISOString(),
  };
  const results: StoreResult[] = [];
  let start = 0;
  while (start < batch.length) {
    // Runs of distinct identifiers: a repeated one must find the one before it stored.
    const seen = new Set<string>();
    let end = start;
    while (end < batch.length && !seen.has(batch[end]!.identifier)) {
      seen.add(batch[end]!.identifier);
      end++;
    }
    results.push(...(await storeDistinct(trx, batch.slice(start, end), meta)));
    start = end;
  }
  return results;
}

async function storeDistinct(
  trx: Db,
  batch: readonly ActivityRows[],
  meta: ActivityMeta,
): Promise<StoreResult[]> {
  await lockPortfolio(trx);
  const existing = await findActivityRefs(
    trx,
    batch.map((rows) => rows.identifier),
  );
  const results = batch.map((rows): StoreResult => {
    const previous = existing.get(rows.identifier);
    if (!previous) return { outcome: 'imported', previousHash: null, hash: rows.hash };
    const outcome = previous.contentHash === rows.hash ? 'unchanged' : 'replaced';
    return { outcome, previousHash: previous.contentHash, hash: rows.hash };
  });
  const replacedRows = batch.filter((_, i) => results[i]!.outcome === 'replaced');
  const replaced = replacedRows.map((rows) => existing.get(rows.identifier)!.id);
  // What the old versions counted through (a parent, a funder's link) is recounted too, even
  // where the new versions no longer name it.
  const formerlyAffected = new Set<number>();
  if (replaced.length > 0) {
    const before = await affectedActivities(
      trx,
      replacedRows.map((rows) => rows.identifier),
    );
    for (const id of before) formerlyAffected.add(id);
    for (const id of replaced) formerlyAffected.delete(id);
    await removeAllocations(trx, replaced);
    await deleteActivities(trx, replaced);
  }

  const changed = batch.filter((_, i) => results[i]!.outcome !== 'unchanged');
  const inserted = await insertActivityRows(trx, changed, meta);
  // A curated activity's stored document now differs from its rows: it is read back.
  const curated = await applyCurations(
    trx,
    inserted.map(({ id }, i) => ({ id, identifier: changed[i]!.identifier })),
  );
  const fresh = new Map<number, KnownActivity>();
  inserted.forEach(({ id, transactionIds }, i) => {
    if (curated.has(id)) return;
    const rows = changed[i]!;
    const transactions = new Map(
      rows.transactionCents.map((cents, seq) => [seq, { id: transactionIds[seq]!, cents }]),
    );
    const budgets = new Map(rows.budgetCents.map((cents, seq) => [seq, cents]));
    const money = { transactions, budgets };
    fresh.set(id, { id, input: rows.allocation, money, search: rows.search });
  });
  const affected = await affectedActivities(
    trx,
    changed.map((rows) => rows.identifier),
  );
  const all = [...new Set([...affected, ...formerlyAffected])].sort((a, b) => a - b);
  await refreshAllocations(trx, all, fresh);
  return results;
}

// Activities per batch when storing a list: bounds the memory their rows take.
const BATCH = 256;

/** Stores a list of activities in one transaction. */
export async function storeActivities(
  db: Kysely<Database>,
  activities: readonly ActivityInput[],
  options: StoreOptions & { toUsd: UsdConverter },
): Promise<StoreOutcome[]> {
  const now = options.now ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const outcomes: StoreOutcome[] = [];
    for (let start = 0; start < activities.length; start += BATCH) {
      const batch = activities
        .slice(start, start + BATCH)
        .map((activity) => activityRows(activity, options.toUsd));
      const results = await storeActivityRows(trx, batch, { ...options, now });
      for (const result of results) outcomes.push(result.outcome);
    }
    return outcomes;
  });
}
