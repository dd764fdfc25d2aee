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

/** An entry of the chain as recorded outside the database, to check the chain still holds it. */
export type AuditHead = Pick<AuditRow, 'id' | 'hash'>;

/**
 * Walks the whole log in chain order, a page at a time, and stops at the first entry that is
 * missing a predecessor (deleted), does not follow its predecessor (reordered, replaced, or the
 * predecessor edited along with its hash) or does not match its own hash (edited). Entries
 * deleted from the end leave a shorter chain that is intact: only a `head` kept elsewhere
 * (the last entry's id and hash at some earlier time) shows them missing.
 */
export async function verifyAuditChain(
  db: Db,
  { pageSize = 1000, head }: { pageSize?: number; head?: AuditHead } = {},
): Promise<AuditVerification> {
  let previous: AuditHead = { id: 0, hash: GENESIS_HASH };
  let entries = 0;
  let hashAtHead: string | null = null;
  for (;;) {
    const page = await auditRowsAfter(db, previous.id, pageSize);
    for (const row of page) {
      const reason = chainFault(row, previous);
      if (reason) return { ok: false, entries, firstBadId: row.id, reason };
      if (row.id === head?.id) hashAtHead = row.hash;
      previous = row;
      entries += 1;
    }
    if (page.length < pageSize) break;
  }
  if (head && head.id > previous.id) {
    const missing = missingEntries(previous.id + 1, head.id);
    const reason = `${missing} missing (deleted from the end): the chain ends at entry ${previous.id}`;
    return { ok: false, entries, firstBadId: previous.id + 1, reason };
  }
  if (head && hashAtHead !== head.hash) {
    const reason = 'its hash is not the one given: the chain was rewritten from there or before';
    return { ok: false, entries, firstBadId: head.id, reason };
  }
  return { ok: true, entries };
}

function missingEntries(first: number, last: number): string {
  return first === last ? `entry ${first} is` : `entries ${first}–${last} are`;
}

function chainFault(row: AuditRow, previous: Pick<AuditRow, 'id' | 'hash'>): string | null {
  const expectedId = previous.id + 1;
  if (row.id !== expectedId) {
    return `${missingEntries(expectedId, row.id - 1)} missing (deleted)`;
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
