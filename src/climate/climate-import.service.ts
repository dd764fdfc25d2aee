import { requireAccess } from '../accounts/access.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { Caller } from '../facility/caller.ts';
import { parseSharesCsv } from './climate-share.csv.ts';
import { checkShares } from './climate-share.model.ts';
import { parseSharesInput, storeShares, type SharesOutcome } from './climate-share.service.ts';

export interface ImportedShares {
  iatiIdentifier: string;
  lines: number[];
  outcome: SharesOutcome | 'rejected';
  errors?: string[];
}

/**
 * Imports climate shares from a CSV file (README, "Climate finance"): each activity named in
 * the file gets exactly the components the file gives it, in one transaction; an activity with
 * a bad row, or that is not stored, is rejected with its reasons and the rest go in.
 */
export async function importSharesCsv(
  db: Db,
  caller: Caller,
  text: string,
  file: string,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<ImportedShares[]> {
  requireAccess(caller.actor, 'climate.manage');
  const activities = parseSharesCsv(text, file);
  const run = async (trx: Db) => {
    const results: ImportedShares[] = [];
    for (const activity of activities) {
      const { iatiIdentifier, lines } = activity;
      const rejected = (errors: string[]) =>
        results.push({ iatiIdentifier, lines, outcome: 'rejected', errors });
      if (activity.problems.length > 0) {
        rejected(activity.problems);
        continue;
      }
      try {
        const shares = checkShares(iatiIdentifier, parseSharesInput(activity.input));
        const { outcome } = await storeShares(trx, caller, shares);
        results.push({ iatiIdentifier, lines, outcome });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        rejected([placed(error.message, file, lines)]);
      }
    }
    return results;
  };
  if (!dryRun) return db.transaction().execute(run);
  // A dry run does the same work in a transaction it then rolls back.
  let results: ImportedShares[] = [];
  await db
    .transaction()
    .execute(async (trx) => {
      results = await run(trx);
      throw new DryRun();
    })
    .catch((error: unknown) => {
      if (!(error instanceof DryRun)) throw error;
    });
  return results;
}

class DryRun extends Error {}

/**
 * A message about an activity's shares, placed in the file: one about its Nth component
 * (`components.2.adaptationPercent: …`) on that component's line, with the CSV's column name;
 * any other on all of the activity's lines.
 */
function placed(message: string, file: string, lines: readonly number[]): string {
  const match = /^components\.(\d+)(?:\.(\w+))?: ([\s\S]*)$/.exec(message);
  const line = match ? lines[Number(match[1])] : undefined;
  if (!match || line === undefined) return `${file}:${lines.join(',')}: ${message}`;
  const column = match[2]?.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return `${file}:${line}: ${column ? `${column}: ` : ''}${match[3]}`;
}
