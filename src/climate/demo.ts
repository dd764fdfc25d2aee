import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { actingAs } from '../facility/caller.ts';
import type { ActivityInput } from '../portfolio/activity.model.ts';
import { checkShares, type SharesInput } from './climate-share.model.ts';
import { storeShares } from './climate-share.service.ts';

const SOURCE = 'Demo: component shares made up for the demonstration portfolio';

/** A number in [low, high] fixed by the activity and a salt, so the demo is the same every run. */
function seeded(identifier: string, salt: string, low: number, high: number): number {
  const hash = createHash('sha256').update(`${identifier}/${salt}`).digest();
  return low + Math.round((hash.readUInt32BE(0) / 0xffffffff) * (high - low));
}

const significance = (activity: ActivityInput, code: string) =>
  Math.max(
    0,
    ...activity.policyMarkers
      .filter((m) => m.vocabulary === '1' && m.code === code)
      .map((m) => Number(m.significance ?? 0) || 0),
  );

/**
 * The shares a bank might report for a marked demo project: a principal objective gives a
 * large share, a significant one a small share, a project with both gets two components. Made
 * up, and labelled so; they differ from the 100/40 marker convention, as real reports do.
 */
export function demoShares(activity: ActivityInput): SharesInput | null {
  const id = activity.iatiIdentifier;
  const mitigation = significance(activity, '6');
  const adaptation = Math.max(significance(activity, '7'), significance(activity, '10'));
  if (mitigation === 0 && adaptation === 0) return null;
  const share = (salt: string, level: number) =>
    String(level >= 2 ? seeded(id, salt, 60, 95) : seeded(id, salt, 10, 35));
  const assessedOn = activity.transactions.find((t) => t.type === '2')?.date ?? '2024-12-31';
  if (mitigation > 0 && adaptation > 0) {
    const first = seeded(id, 'split', 55, 80);
    return {
      source: SOURCE,
      assessedOn,
      components: [
        {
          component: 'Low-carbon works (demo)',
          componentPercent: String(first),
          mitigationPercent: share('m', mitigation),
          adaptationPercent: '0',
          dualPercent: String(seeded(id, 'd1', 0, 5)),
        },
        {
          component: 'Climate-resilient works (demo)',
          componentPercent: String(100 - first),
          mitigationPercent: '0',
          adaptationPercent: share('a', adaptation),
          dualPercent: String(seeded(id, 'd2', 0, 5)),
        },
      ],
    };
  }
  return {
    source: SOURCE,
    assessedOn,
    components: [
      {
        mitigationPercent: mitigation > 0 ? share('m', mitigation) : '0',
        adaptationPercent: adaptation > 0 ? share('a', adaptation) : '0',
      },
    ],
  };
}

/** Records demo shares for the marked demo projects that have none yet. */
export async function loadDemoClimateShares(db: Kysely<Database>, actor: string): Promise<number> {
  const existing = await db
    .selectFrom('climate_share')
    .select('iati_identifier')
    .limit(1)
    .execute();
  if (existing.length > 0) return 0;
  const rows = await db
    .selectFrom('activity')
    .select(['iati_identifier', 'document'])
    .where('is_demo', '=', 1)
    .where('id', 'in', (eb) =>
      eb.selectFrom('policy_marker').select('activity_id').where('code', 'in', ['6', '7', '10']),
    )
    .orderBy('iati_identifier')
    .execute();
  const caller = { ...actingAs(actor, 'secretariat'), origin: 'cli' };
  return db.transaction().execute(async (trx) => {
    let recorded = 0;
    for (const row of rows) {
      const input = demoShares(JSON.parse(row.document) as ActivityInput);
      if (!input) continue;
      await storeShares(trx, caller, checkShares(row.iati_identifier, input), true);
      recorded += 1;
    }
    return recorded;
  });
}
