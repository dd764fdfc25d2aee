import { z } from 'zod';
import { requireAccess } from '../accounts/access.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { now, type Caller } from '../facility/caller.ts';
import { CLUSTERS } from '../reference/clusters.ts';
import { CORRIDORS } from '../reference/corridors.ts';
import type { ActivityInput } from './activity.model.ts';
import { refreshAllocations } from './allocation.service.ts';

/**
 * The secretariat's tags on an activity, which IATI does not carry: its CAREC operational
 * cluster (null: the cluster follows each allocation's sector) and the corridors it serves.
 */
export interface Curation {
  cluster: number | null;
  corridors: number[];
}

export interface CurationRecord extends Curation {
  iatiIdentifier: string;
  recordedBy: string;
  recordedAt: string;
}

const clusterCodes = new Set(CLUSTERS.map((c) => c.code));
const corridorNumbers = new Set(CORRIDORS.map((c) => c.number));

export const CurationInputSchema = z
  .object({
    cluster: z
      .number()
      .int()
      .refine((code) => clusterCodes.has(code), 'not a CAREC cluster (1–5)')
      .nullable(),
    corridors: z
      .array(
        z
          .number()
          .int()
          .refine((n) => corridorNumbers.has(n), 'not a CAREC corridor (1–6)'),
      )
      .max(CORRIDORS.length)
      .refine((list) => new Set(list).size === list.length, 'a corridor is listed twice'),
  })
  .strict();

function parseCuration(body: unknown): Curation {
  const parsed = CurationInputSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('bad_request', `${issue.path.join('.') || 'curation'}: ${issue.message}`);
  }
  return {
    cluster: parsed.data.cluster,
    corridors: [...parsed.data.corridors].sort((a, b) => a - b),
  };
}

const corridorList = (text: string) => (text ? text.split(',').map(Number) : []);

/** The curations of these activities, by IATI identifier. */
export async function findCurations(
  db: Db,
  identifiers: readonly string[],
): Promise<Map<string, CurationRecord>> {
  if (identifiers.length === 0) return new Map();
  const rows = await db
    .selectFrom('activity_curation')
    .selectAll()
    .where('iati_identifier', 'in', identifiers)
    .execute();
  return new Map(
    rows.map((row) => [
      row.iati_identifier,
      {
        iatiIdentifier: row.iati_identifier,
        cluster: row.cluster_code,
        corridors: corridorList(row.corridors),
        recordedBy: row.recorded_by,
        recordedAt: row.recorded_at,
      },
    ]),
  );
}

/**
 * Writes a curation into a stored activity: its document (which allocation and the activity's
 * page read), its cluster column and its corridor rows. The content hash stays the source's, so
 * importing the same file again still finds the activity unchanged.
 */
async function writeIntoActivity(db: Db, activityId: number, curation: Curation): Promise<void> {
  const { document } = await db
    .selectFrom('activity')
    .select('document')
    .where('id', '=', activityId)
    .executeTakeFirstOrThrow();
  const activity = JSON.parse(document) as ActivityInput;
  activity.cluster = curation.cluster;
  activity.corridors = curation.corridors;
  await db
    .updateTable('activity')
    .set({ cluster_code: curation.cluster, document: JSON.stringify(activity) })
    .where('id', '=', activityId)
    .execute();
  await db.deleteFrom('activity_corridor').where('activity_id', '=', activityId).execute();
  if (curation.corridors.length > 0) {
    await db
      .insertInto('activity_corridor')
      .values(curation.corridors.map((n) => ({ activity_id: activityId, corridor_number: n })))
      .execute();
  }
}

/**
 * Applies the stored curations to activities just stored (before their allocations are
 * computed). Returns the ids of those it changed, whose inputs must be read back.
 */
export async function applyCurations(
  db: Db,
  stored: readonly { id: number; identifier: string }[],
): Promise<Set<number>> {
  const curations = await findCurations(
    db,
    stored.map((s) => s.identifier),
  );
  const changed = new Set<number>();
  for (const { id, identifier } of stored) {
    const curation = curations.get(identifier);
    if (!curation) continue;
    await writeIntoActivity(db, id, curation);
    changed.add(id);
  }
  return changed;
}

const sameCuration = (a: Curation, b: Curation) =>
  a.cluster === b.cluster && a.corridors.join(',') === b.corridors.join(',');

export type CurationOutcome = 'recorded' | 'replaced' | 'unchanged';

/**
 * The secretariat tags an activity with a cluster and corridors: recorded by IATI identifier,
 * applied to the stored activity, its allocations, rollup and search entry, in one transaction
 * with its audit entry.
 */
export async function setCuration(
  db: Db,
  caller: Caller,
  identifier: string,
  body: unknown,
): Promise<{ outcome: CurationOutcome; curation: CurationRecord }> {
  requireAccess(caller.actor, 'portfolio.curate');
  const curation = parseCuration(body);
  return db.transaction().execute(async (trx) => {
    const activity = await trx
      .selectFrom('activity')
      .select('id')
      .where('iati_identifier', '=', identifier)
      .executeTakeFirst();
    if (!activity) throw new AppError('not_found', `no stored activity ${identifier}`);
    const before = (await findCurations(trx, [identifier])).get(identifier) ?? null;
    if (before && sameCuration(before, curation)) return { outcome: 'unchanged', curation: before };
    const record: CurationRecord = {
      iatiIdentifier: identifier,
      ...curation,
      recordedBy: caller.name,
      recordedAt: now(caller),
    };
    const row = {
      cluster_code: record.cluster,
      corridors: record.corridors.join(','),
      recorded_by: record.recordedBy,
      recorded_at: record.recordedAt,
    };
    await trx
      .insertInto('activity_curation')
      .values({ iati_identifier: identifier, ...row })
      .onConflict((oc) => oc.column('iati_identifier').doUpdateSet(row))
      .execute();
    await writeIntoActivity(trx, activity.id, curation);
    await refreshAllocations(trx, [activity.id]);
    await appendAudit(trx, {
      actor: caller.name,
      action: 'portfolio.curation.set',
      targetType: 'activity',
      targetId: identifier,
      before,
      after: record,
      origin: caller.origin,
    });
    return { outcome: before ? 'replaced' : 'recorded', curation: record };
  });
}

/** An activity's curation, or null when the secretariat has not tagged it. */
export async function getCuration(db: Db, identifier: string): Promise<CurationRecord | null> {
  return (await findCurations(db, [identifier])).get(identifier) ?? null;
}
