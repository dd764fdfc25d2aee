import { sql } from 'kysely';
import {
  compactSearchIndex,
  insertOrderedRows,
  ORDERED_TABLE,
} from '../../portfolio/activity-search.repository.ts';
import type { ActivitySearchTable } from '../../portfolio/portfolio.table.ts';
import { isPostgres, type AnyDb } from '../schema-helpers.ts';

const BATCH = 2000;
const ORDERED = Object.values(ORDERED_TABLE);

/**
 * SQLite: the search index moves from one FTS5 table in activity order to one per sort key in
 * that key's order (portfolio/search-order.ts), contentless, so a search reads a page of
 * matches instead of all of them. The words, facets and sort keys themselves move to a plain
 * activity_search table, shaped as PostgreSQL's is, which replaces activity_sort.
 */
export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  await sql`alter table activity_search rename to activity_search_words`.execute(db);
  await db.schema
    .createTable('activity_search')
    .addColumn('activity_id', 'integer', (c) =>
      c.primaryKey().references('activity.id').onDelete('cascade'),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('facets', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('commitments_cents', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into activity_search
      (activity_id, text, facets, title, start, commitments_cents)
    select o.activity_id, w.text, w.facets, o.title, o.start, o.commitments_cents
    from activity_sort o join activity_search_words w on w.rowid = o.activity_id`.execute(db);
  await sql`drop table activity_search_words`.execute(db);
  await db.schema.dropTable('activity_sort').execute();
  for (const table of ORDERED) {
    await sql`create virtual table ${sql.table(table)} using fts5(
      text, facets, content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  }
  for (let after = 0; ;) {
    const rows = await db
      .selectFrom('activity_search')
      .selectAll()
      .where('activity_id', '>', after)
      .orderBy('activity_id')
      .limit(BATCH)
      .$castTo<ActivitySearchTable>()
      .execute();
    if (rows.length === 0) break;
    await insertOrderedRows(db, rows);
    after = rows.at(-1)!.activity_id;
  }
  await compactSearchIndex(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  for (const table of ORDERED) await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table activity_search rename to activity_search_entries`.execute(db);
  await db.schema
    .createTable('activity_sort')
    .addColumn('activity_id', 'integer', (c) =>
      c.primaryKey().references('activity.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('commitments_cents', 'bigint', (c) => c.notNull())
    .execute();
  for (const key of ['title', 'start', 'commitments_cents']) {
    await db.schema
      .createIndex(`activity_sort_${key}`)
      .on('activity_sort')
      .columns([key, 'activity_id'])
      .execute();
  }
  await sql`insert into activity_sort (activity_id, title, start, commitments_cents)
    select activity_id, title, start, commitments_cents from activity_search_entries`.execute(db);
  await sql`create virtual table activity_search using fts5(
    text, facets, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`insert into activity_search (rowid, text, facets)
    select activity_id, text, facets from activity_search_entries`.execute(db);
  await sql`drop table activity_search_entries`.execute(db);
}
