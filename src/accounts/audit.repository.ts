import { sql, type Insertable } from 'kysely';
import { bulkTable, insertFlat, type SqlValue } from '../db/bulk.ts';
import type { Db } from '../db/database.ts';
import { isPostgres } from '../db/schema-helpers.ts';
import type { AuditRow } from './audit.hash.ts';
import type { AuditRecord } from './audit.schema.ts';
import type { AuditLogTable } from './audit.table.ts';

/** 'AUDIT' in ASCII. Any other advisory lock in Caravan must use another key. */
const AUDIT_CHAIN_LOCK = 0x4155444954;

/**
 * Makes the caller's transaction the only one that may extend the chain until it ends, so two
 * appends never read the same last entry. The one dialect-specific step of appending.
 */
export async function lockAuditChain(db: Db): Promise<void> {
  if (isPostgres(db)) {
    // Released at commit or rollback; read committed then sees the previous holder's entry.
    await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_CHAIN_LOCK)})`.execute(db);
    return;
  }
  // SQLite needs nothing: Kysely runs one transaction at a time on its single connection, and
  // another process that appended since this transaction read makes its write fail with
  // SQLITE_BUSY rather than fork the chain. On both, the id (predecessor's + 1) is the primary
  // key, so two entries chained to one predecessor could never both be stored.
}

export async function lastAuditEntry(db: Db): Promise<Pick<AuditRow, 'id' | 'hash'> | undefined> {
  return db
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const AUDIT_LOG = bulkTable('audit_log', [
  'id',
  'at',
  'actor',
  'action',
  'target_type',
  'target_id',
  'before',
  'after',
  'origin',
  'prev_hash',
  'hash',
]);

/** The only write to audit_log: there is deliberately no update or delete. */
export async function insertAuditRows(
  db: Db,
  rows: readonly Insertable<AuditLogTable>[],
): Promise<void> {
  const values: SqlValue[] = [];
  for (const row of rows) for (const column of AUDIT_LOG.columns) values.push(row[column] ?? null);
  await insertFlat(db, AUDIT_LOG, values);
}

/** A page of the log in chain order, after the entry `afterId` (0 for the start). */
export async function auditRowsAfter(db: Db, afterId: number, limit: number): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function latestAuditRows(db: Db, limit: number): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

export function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    before: readJson(row.before),
    after: readJson(row.after),
    origin: row.origin,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** A tampered row may hold text that is not JSON; the listing still shows it, as text. */
function readJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
