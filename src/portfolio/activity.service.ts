import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import type { ActivityInput } from './activity.model.ts';
import { affectedActivities, refreshAllocations, removeAllocations } from './allocation.service.ts';
import {
  deleteActivity,
  findActivityRef,
  insertActivity,
  type UsdConverter,
} from './activity.repository.ts';

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
  toUsd: UsdConverter;
  now?: string;
}

export function contentHash(activity: ActivityInput): string {
  return createHash('sha256').update(JSON.stringify(activity)).digest('hex');
}

/**
 * Stores one activity inside the caller's transaction: a new one is inserted, an identical one
 * left alone, a changed one replaced whole, so no reader ever sees half an activity. The caller
 * then refreshes the allocations of what changed (see refreshAllocations).
 */
export async function storeActivity(
  trx: Db,
  activity: ActivityInput,
  options: StoreOptions,
): Promise<StoreResult> {
  const hash = contentHash(activity);
  const existing = await findActivityRef(trx, activity.iatiIdentifier);
  if (existing?.contentHash === hash) return { outcome: 'unchanged', previousHash: hash, hash };
  if (existing) {
    await removeAllocations(trx, [existing.id]);
    await deleteActivity(trx, existing.id);
  }
  const meta = {
    contentHash: hash,
    isDemo: options.isDemo,
    importRunId: options.importRunId,
    now: options.now ?? new Date().toISOString(),
  };
  await insertActivity(trx, activity, meta, options.toUsd);
  return existing
    ? { outcome: 'replaced', previousHash: existing.contentHash, hash }
    : { outcome: 'imported', previousHash: null, hash };
}

/** Stores a batch of activities in one transaction. */
export async function storeActivities(
  db: Kysely<Database>,
  activities: readonly ActivityInput[],
  options: StoreOptions,
): Promise<StoreOutcome[]> {
  const now = options.now ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const outcomes: StoreOutcome[] = [];
    for (const activity of activities) {
      outcomes.push((await storeActivity(trx, activity, { ...options, now })).outcome);
    }
    const changed = activities.filter((_, i) => outcomes[i] !== 'unchanged');
    await refreshAllocations(
      trx,
      await affectedActivities(
        trx,
        changed.map((a) => a.iatiIdentifier),
      ),
    );
    return outcomes;
  });
}
