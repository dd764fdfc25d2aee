import type { Database } from './database.ts';

/**
 * Rows as flat lists of values (row after row, each in its table's column order): what the
 * importer's parsing thread hands to the writing thread, and what db/bulk.ts binds. Kept apart
 * from bulk.ts so that the parsing thread does not load the SQL layer.
 */

/** What a column may be bound to (a bigint only on SQLite: FTS5 rowids may pass 2⁵³). */
export type SqlValue = string | number | bigint | null;

/** A table and the columns a flat row gives, in that order. */
export interface BulkTable<C extends string = string> {
  name: keyof Database;
  columns: readonly C[];
}

export function bulkTable<T extends keyof Database, C extends keyof Database[T] & string>(
  name: T,
  columns: readonly C[],
): BulkTable<C> {
  return { name, columns };
}
