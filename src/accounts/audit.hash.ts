import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from './audit.table.ts';

/** The prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditRow = Selectable<AuditLogTable>;

/**
 * Canonical JSON: the value as JSON.stringify sees it (toJSON applied, undefined dropped), with
 * every object's keys sorted, so one logical value always has one text. Null when there is none.
 */
export function canonicalJson(value: unknown): string | null {
  const text = JSON.stringify(value);
  if (text === undefined) return null;
  const plain = JSON.parse(text) as unknown;
  return plain === null ? null : write(plain);
}

function write(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    // Sorted explicitly: a rebuilt object would put integer-like keys first, in numeric order.
    const members = Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(object[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * sha256(prev_hash + canonical serialisation of every column but `hash`). The serialisation is a
 * JSON array in a fixed column order, so field boundaries are unambiguous and null differs from
 * the string "null". It covers the stored text of before/after, so any edit of it shows.
 * Changing this function breaks every existing chain: its output is pinned by a test.
 */
export function auditHash(row: Omit<AuditRow, 'hash'>): string {
  const fields = [
    row.id,
    row.at,
    row.actor,
    row.action,
    row.target_type,
    row.target_id,
    row.before,
    row.after,
    row.origin,
    row.prev_hash,
  ];
  return createHash('sha256')
    .update(row.prev_hash + JSON.stringify(fields))
    .digest('hex');
}
