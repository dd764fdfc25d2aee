import type { ColumnType } from 'kysely';

/** Inserted once, never updated: Kysely refuses any `updateTable('audit_log').set(…)`. */
type AppendOnly<T> = ColumnType<T, T, never>;

/** One entry of the append-only, hash-chained audit log. */
export interface AuditLogTable {
  /** The entry's place in the chain: 1, then its predecessor's id + 1, with no gaps. */
  id: AppendOnly<number>;
  /** ISO 8601 time the entry was appended. */
  at: AppendOnly<string>;
  /** A user id or email, `cli:<os user>`, or `system`. */
  actor: AppendOnly<string>;
  /** What happened, `domain.verb`: `activity.import`, `proposal.submit`. */
  action: AppendOnly<string>;
  target_type: AppendOnly<string>;
  target_id: AppendOnly<string>;
  /** Canonical JSON (sorted keys) of the target before and after the change, or null. */
  before: AppendOnly<string | null>;
  after: AppendOnly<string | null>;
  /** The client's IP address, or `cli`. */
  origin: AppendOnly<string>;
  /** The predecessor's hash; 64 zeros for the first entry. */
  prev_hash: AppendOnly<string>;
  /** sha256 (hex) over prev_hash and every other column: see auditHash. */
  hash: AppendOnly<string>;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
