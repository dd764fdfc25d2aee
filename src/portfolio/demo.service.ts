import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import { loadUsdConverter } from '../reference/fx.service.ts';
import { storeActivities, type StoreOutcome } from './activity.service.ts';
import { generateDemoPortfolio } from './demo/generate.ts';

export type OutcomeCounts = Record<StoreOutcome, number>;

/** Loads the seeded demo portfolio; a second run finds every activity unchanged. */
export async function loadDemoPortfolio(
  db: Kysely<Database>,
  actor = 'system',
): Promise<OutcomeCounts> {
  const activities = generateDemoPortfolio();
  const outcomes = await storeActivities(db, activities, {
    isDemo: true,
    importRunId: null,
    toUsd: await loadUsdConverter(db),
  });
  const counts: OutcomeCounts = { imported: 0, unchanged: 0, replaced: 0 };
  for (const outcome of outcomes) counts[outcome] += 1;
  if (counts.imported + counts.replaced > 0) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor,
        action: 'portfolio.load-demo',
        targetType: 'portfolio',
        targetId: 'demo',
        after: counts,
        origin: 'cli',
      }),
    );
  }
  return counts;
}
