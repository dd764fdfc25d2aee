import { createHash } from 'node:crypto';
import { requireAccess, type Actor } from '../../accounts/access.ts';
import { appendAudit } from '../../accounts/audit.service.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { ministerialData, type MinisterialData } from './ministerial.data.ts';

export interface Snapshot {
  id: string;
  takenAt: string;
  takenBy: string;
}

export interface ReportFigures {
  data: MinisterialData;
  /** The frozen snapshot the figures come from; null for live figures not (yet) frozen. */
  snapshot: Snapshot | null;
  /** With `deferFreeze`: stores the new snapshot, once what was made of it has been kept. */
  keep?: () => Promise<void>;
}

const REPORT = 'ministerial';

async function latestSnapshot(db: Db, year: number, asOf: string): Promise<ReportFigures | null> {
  const row = await db
    .selectFrom('report_snapshot')
    .selectAll()
    .where('report', '=', REPORT)
    .where('year', '=', year)
    .where('as_of', '=', asOf)
    .orderBy('taken_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (!row) return null;
  return {
    data: JSON.parse(row.data) as MinisterialData,
    snapshot: { id: row.id, takenAt: row.taken_at, takenBy: row.taken_by },
  };
}

/** Only a day that has ended can be frozen: later flows could still be dated on it. */
export function isPast(asOf: string, now = new Date()): boolean {
  return asOf < now.toISOString().slice(0, 10);
}

/**
 * The report's figures: the latest frozen snapshot for the year and day when there is one
 * (unless a fresh one is asked for), else computed now and, when asked to and the day has
 * ended, frozen as a new snapshot in the audit trail.
 */
export async function reportFigures(
  db: Db,
  options: {
    year: number;
    asOf: string;
    freeze: { actor: Actor; name: string; origin: string } | null;
    fresh?: boolean;
    /**
     * Leave storing the new snapshot to the caller (`keep`), which renders and writes the report
     * first: a report that fails leaves no snapshot, and no write lock is held meanwhile.
     */
    deferFreeze?: boolean;
    now?: Date;
  },
): Promise<ReportFigures> {
  const { year, asOf, freeze, fresh = false, deferFreeze = false, now = new Date() } = options;
  if (fresh && freeze === null) {
    throw new AppError('bad_request', 'a fresh snapshot is taken only when freezing');
  }
  if (!fresh) {
    const frozen = await latestSnapshot(db, year, asOf);
    if (frozen) return frozen;
  }
  if (freeze !== null) requireAccess(freeze.actor, 'reports.manage');
  const data = await ministerialData(db, { year, asOf, now });
  if (freeze === null || !isPast(asOf, now)) return { data, snapshot: null };
  const json = JSON.stringify(data);
  const snapshot: Snapshot = {
    id: createHash('sha256').update(json).digest('hex'),
    takenAt: now.toISOString(),
    takenBy: freeze.name,
  };
  const keep = () =>
    inTransaction(db, async (trx) => {
      await trx
        .insertInto('report_snapshot')
        .values({
          id: snapshot.id,
          report: REPORT,
          year,
          as_of: asOf,
          taken_at: snapshot.takenAt,
          taken_by: snapshot.takenBy,
          data: json,
        })
        .execute();
      await appendAudit(trx, {
        actor: freeze.name,
        action: 'report.snapshot',
        targetType: 'report_snapshot',
        targetId: snapshot.id,
        after: { report: REPORT, year, asOf, takenAt: snapshot.takenAt },
        origin: freeze.origin,
      });
    });
  if (deferFreeze) return { data, snapshot, keep };
  await keep();
  return { data, snapshot };
}
