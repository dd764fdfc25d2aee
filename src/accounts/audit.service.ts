import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { auditHash, canonicalJson, GENESIS_HASH, type AuditRow } from './audit.hash.ts';
import {
  auditRowsAfter,
  insertAuditRows,
  lastAuditEntry,
  latestAuditRows,
  lockAuditChain,
  toAuditRecord,
} from './audit.repository.ts';
import type { AuditEntry, AuditListQuery, AuditRecord, AuditVerification } from './audit.schema.ts';

/**
 * Appends one entry to the hash-chained log, inside the transaction that makes the change it
 * records, so both commit or neither does. The chain stays locked until that transaction ends:
 * append last, just before committing.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<AuditRecord> {
  const [record] = await appendAudits(db, [entry]);
  return record!;
}

/**
 * Appends several entries in order, each chained to the one before, in one statement per
 * hundred or so: what an import does for the activities of a batch.
 */
export async function appendAudits(db: Db, entries: readonly AuditEntry[]): Promise<AuditRecord[]> {
  if (!db.isTransaction) {
    throw new AppError('internal', 'appendAudit must run in the transaction of the change');
  }
  if (entries.length === 0) return [];
  await lockAuditChain(db);
  let last = await lastAuditEntry(db);
  const rows: AuditRow[] = [];
  for (const entry of entries) {
    // Taken under the lock, so times rise along the chain (as far as the clock does).
    const row = {
      id: (last?.id ?? 0) + 1,
      at: new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      before: canonicalJson(entry.before),
      after: canonicalJson(entry.after),
      origin: entry.origin,
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const stored = { ...row, hash: auditHash(row) };
    rows.push(stored);
    last = stored;
  }
  await insertAuditRows(db, rows);
  return rows.map(toAuditRecord);
}

/**
 * Walks the whole log in chain order, a page at a time, and stops at the first entry that is
 * missing a predecessor (deleted), does not follow its predecessor (reordered, replaced, or the
 * predecessor edited along with its hash) or does not match its own hash (edited).
 */
export async function verifyAuditChain(
  db: Db,
  { pageSize = 1000 }: { pageSize?: number } = {},
): Promise<AuditVerification> {
  let previous: Pick<AuditRow, 'id' | 'hash'> = { id: 0, hash: GENESIS_HASH };
  let entries = 0;
  for (;;) {
    const page = await auditRowsAfter(db, previous.id, pageSize);
    for (const row of page) {
      const reason = chainFault(row, previous);
      if (reason) return { ok: false, entries, firstBadId: row.id, reason };
      previous = row;
      entries += 1;
    }
    if (page.length < pageSize) return { ok: true, entries };
  }
}

function chainFault(row: AuditRow, previous: Pick<AuditRow, 'id' | 'hash'>): string | null {
  const expectedId = previous.id + 1;
  if (row.id !== expectedId) {
    const gap = row.id - 1 === expectedId ? `${expectedId} is` : `${expectedId}–${row.id - 1} are`;
    return `entry ${gap} missing (deleted)`;
  }
  if (row.prev_hash !== previous.hash) {
    return previous.id === 0
      ? 'the first entry does not start the chain (prev_hash is not 64 zeros)'
      : `does not follow entry ${previous.id} (prev_hash differs from its hash): ` +
          `entries were reordered or replaced, or entry ${previous.id} was edited with its hash`;
  }
  if (auditHash(row) !== row.hash) return 'content does not match its hash (edited)';
  return null;
}

/** The latest entries, newest first. */
export async function listAuditEntries(db: Db, query: AuditListQuery): Promise<AuditRecord[]> {
  const rows = await latestAuditRows(db, query.limit);
  return rows.map(toAuditRecord);
}
