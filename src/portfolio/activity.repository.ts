import { insertFlat, type BulkTable, type SqlValue } from '../db/bulk.ts';
import type { Db } from '../db/database.ts';
import {
  ACTIVITY,
  CHILD_TABLES,
  INDICATOR,
  PERIOD,
  RESULT,
  TRANSACTION,
} from './activity.columns.ts';
import type { ActivityRows } from './activity.rows.ts';
import { deleteSearchRows } from './activity-search.repository.ts';

export interface ActivityMeta {
  isDemo: boolean;
  importRunId: number | null;
  now: string;
}

export interface StoredActivityRef {
  id: number;
  contentHash: string;
  reportingOrgRef: string;
}

/** What storing an activity's rows gave it: its id, and its transactions' ids by seq. */
export interface InsertedActivity {
  id: number;
  transactionIds: number[];
}

// Identifiers or ids per `in (…)` list.
const LOOKUP_CHUNK = 500;

/** The stored activities among these identifiers. */
export async function findActivityRefs(
  db: Db,
  identifiers: readonly string[],
): Promise<Map<string, StoredActivityRef>> {
  const refs = new Map<string, StoredActivityRef>();
  for (let start = 0; start < identifiers.length; start += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom('activity')
      .select(['id', 'iati_identifier', 'content_hash', 'reporting_org_ref'])
      .where('iati_identifier', 'in', identifiers.slice(start, start + LOOKUP_CHUNK))
      .execute();
    for (const row of rows) {
      const { id, content_hash: contentHash, reporting_org_ref: reportingOrgRef } = row;
      refs.set(row.iati_identifier, { id, contentHash, reportingOrgRef });
    }
  }
  return refs;
}

/** Deletes activities with every part of them (the foreign keys cascade). */
export async function deleteActivities(db: Db, ids: readonly number[]): Promise<void> {
  for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
    const chunk = ids.slice(start, start + LOOKUP_CHUNK);
    // SQLite's full-text table cannot cascade, so its rows go first.
    await deleteSearchRows(db, chunk);
    await db.deleteFrom('activity').where('id', 'in', chunk).execute();
  }
}

/** Child rows of several parents, each row's first column set to its parent's id. */
function withParents(
  table: BulkTable,
  parts: readonly {
    values: readonly SqlValue[];
    parent: (row: readonly SqlValue[], at: number) => number;
  }[],
): SqlValue[] {
  const width = table.columns.length;
  const out: SqlValue[] = [];
  for (const { values, parent } of parts) {
    for (let at = 0; at < values.length; at += width) {
      out.push(parent(values, at));
      for (let column = 1; column < width; column++) out.push(values[at + column]!);
    }
  }
  return out;
}

/**
 * Writes activities and every part of them, many rows per statement; the caller owns the
 * transaction and makes sure that no two of them share an identifier.
 */
export async function insertActivityRows(
  db: Db,
  batch: readonly ActivityRows[],
  meta: ActivityMeta,
): Promise<InsertedActivity[]> {
  if (batch.length === 0) return [];
  const activityValues: SqlValue[] = [];
  for (const rows of batch) {
    activityValues.push(
      ...rows.activity,
      meta.isDemo ? 1 : 0,
      meta.importRunId,
      meta.now,
      meta.now,
    );
  }
  const stored = await insertFlat<{ id: number; iati_identifier: string }>(
    db,
    ACTIVITY,
    activityValues,
    { returning: ['id', 'iati_identifier'] },
  );
  const idOf = new Map(stored.map((row) => [row.iati_identifier, row.id]));
  if (idOf.size !== batch.length) {
    throw new Error('insertActivityRows: the identifiers of a batch must be distinct');
  }
  const ids = batch.map((rows) => idOf.get(rows.identifier)!);

  for (const [name, table] of Object.entries(CHILD_TABLES)) {
    const values = withParents(
      table,
      batch.map((rows, i) => ({
        values: rows.children[name as keyof typeof CHILD_TABLES],
        parent: () => ids[i]!,
      })),
    );
    await insertFlat(db, table, values);
  }

  const transactionIds = await insertTransactions(db, batch, ids);
  await insertResults(db, batch, ids);
  return ids.map((id, i) => ({ id, transactionIds: transactionIds[i]! }));
}

async function insertTransactions(
  db: Db,
  batch: readonly ActivityRows[],
  ids: readonly number[],
): Promise<number[][]> {
  const values = withParents(
    TRANSACTION,
    batch.map((rows, i) => ({ values: rows.transactions, parent: () => ids[i]! })),
  );
  const stored = await insertFlat<{ id: number; activity_id: number; seq: number }>(
    db,
    TRANSACTION,
    values,
    { returning: ['id', 'activity_id', 'seq'] },
  );
  const byActivity = new Map<number, number[]>(ids.map((id) => [id, []]));
  for (const row of stored) byActivity.get(row.activity_id)![row.seq] = row.id;
  return ids.map((id) => byActivity.get(id)!);
}

/** Results, their indicators and the indicators' periods, each level keyed by its parent's id. */
async function insertResults(
  db: Db,
  batch: readonly ActivityRows[],
  ids: readonly number[],
): Promise<void> {
  const results = await insertFlat<{ id: number; activity_id: number; seq: number }>(
    db,
    RESULT,
    withParents(
      RESULT,
      batch.map((rows, i) => ({ values: rows.results, parent: () => ids[i]! })),
    ),
    { returning: ['id', 'activity_id', 'seq'] },
  );
  const resultId = new Map(results.map((r) => [`${r.activity_id}/${r.seq}`, r.id]));
  const parentResult = (i: number) => (row: readonly SqlValue[], at: number) =>
    resultId.get(`${ids[i]}/${row[at] as number}`)!;
  const indicators = await insertFlat<{ id: number; result_id: number; seq: number }>(
    db,
    INDICATOR,
    withParents(
      INDICATOR,
      batch.map((rows, i) => ({ values: rows.indicators, parent: parentResult(i) })),
    ),
    { returning: ['id', 'result_id', 'seq'] },
  );
  const indicatorId = new Map(indicators.map((r) => [`${r.result_id}/${r.seq}`, r.id]));
  // An activity's indicators in order, by their place (what a period row holds until now).
  const placed = batch.map((rows, i) => {
    const list: number[] = [];
    const width = INDICATOR.columns.length;
    for (let at = 0; at < rows.indicators.length; at += width) {
      const result = parentResult(i)(rows.indicators, at);
      list.push(indicatorId.get(`${result}/${rows.indicators[at + 1] as number}`)!);
    }
    return list;
  });
  await insertFlat(
    db,
    PERIOD,
    withParents(
      PERIOD,
      batch.map((rows, i) => ({
        values: rows.periods,
        parent: (row, at) => placed[i]![row[at] as number]!,
      })),
    ),
  );
}
