import { sql } from 'kysely';
import { isPostgres, type AnyDb } from '../schema-helpers.ts';

/**
 * Full-text search over titles and descriptions in every language (SQLite FTS5, PostgreSQL
 * tsvector with the 'simple' configuration, which neither stems nor drops words, so English and
 * Russian are treated alike), and per-activity totals for listing and sorting.
 */
export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`create table activity_search (
      activity_id integer primary key references activity(id) on delete cascade,
      text text not null,
      document tsvector generated always as (to_tsvector('simple', text)) stored
    )`.execute(db);
    await sql`create index activity_search_document on activity_search using gin (document)`.execute(
      db,
    );
  } else {
    await sql`create virtual table activity_search using fts5(
      activity_id unindexed, text, tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  }
  await db.schema
    .alterTable('activity')
    .addColumn('commitments_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('activity')
    .addColumn('disbursements_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('activity_title').on('activity').column('title').execute();
  await db.schema
    .createIndex('activity_commitments')
    .on('activity')
    .column('commitments_cents')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('activity_commitments').execute();
  await db.schema.dropIndex('activity_title').execute();
  await db.schema.alterTable('activity').dropColumn('disbursements_cents').execute();
  await db.schema.alterTable('activity').dropColumn('commitments_cents').execute();
  await db.schema.dropTable('activity_search').execute();
}
