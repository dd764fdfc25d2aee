import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Migrations see the database before its schema exists, so they work on an untyped Kysely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The column type of an auto-numbered primary key on this dialect. */
export function serialType(db: AnyDb): 'serial' | 'integer' {
  return isPostgres(db) ? 'serial' : 'integer';
}

export function primaryKeyId(db: AnyDb) {
  return (column: ColumnDefinitionBuilder) =>
    isPostgres(db) ? column.primaryKey() : column.primaryKey().autoIncrement();
}
