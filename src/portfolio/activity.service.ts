import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ActivityInput } from './activity.model.ts';
import {
  deleteActivity,
  findActivityRef,
  insertActivity,
  type UsdConverter,
} from './activity.repository.ts';

export type StoreOutcome = 'imported' | 'unchanged' | 'replaced';

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
 * Stores a batch of activities in one transaction: new ones are inserted, identical ones left
 * alone, changed ones replaced whole, so a crash never leaves half an activity behind.
 */
export async function storeActivities(
  db: Kysely<Database>,
  activities: readonly ActivityInput[],
  options: StoreOptions,
): Promise<StoreOutcome[]> {
  const now = options.now ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const outcomes: StoreOutcome[] = [];
    for (const activity of activities) {
      const hash = contentHash(activity);
      const existing = await findActivityRef(trx, activity.iatiIdentifier);
      if (existing?.contentHash === hash) {
        outcomes.push('unchanged');
        continue;
      }
      if (existing) await deleteActivity(trx, existing.id);
      const meta = {
        contentHash: hash,
        isDemo: options.isDemo,
        importRunId: options.importRunId,
        now,
      };
      await insertActivity(trx, activity, meta, options.toUsd);
      outcomes.push(existing ? 'replaced' : 'imported');
    }
    return outcomes;
  });
}
