import { sql } from 'kysely';
import {
  compactSearchIndex,
  insertOrderedRows,
  ORDERED_TABLE,
  type SqliteSearchEntry,
} from '../../portfolio/activity-search.repository.ts';
import { isPostgres, type AnyDb } from '../schema-helpers.ts';

const BATCH = 2000;
const ORDERED = Object.values(ORDERED_TABLE);
const SORT_COLUMNS = ['title', 'start', 'commitments_cents'];

/**
 * SQLite: the search index moves from one FTS5 table in activity order to one per sort key in
 * that key's order (portfolio/search-order.ts), contentless, so that a search reads a page of
 * matches instead of all of them. The words and facets stay in a plain activity_search table;
 * activity_sort keeps the sort keys and loses its indexes, which searches no longer walk.
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
    .execute();
  await sql`insert into activity_search (activity_id, text, facets)
    select rowid, text, facets from activity_search_words`.execute(db);
  await sql`drop table activity_search_words`.execute(db);
  for (const key of SORT_COLUMNS) await db.schema.dropIndex(`activity_sort_${key}`).execute();
  for (const table of ORDERED) {
    await sql`create virtual table ${sql.table(table)} using fts5(
      text, facets, content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  }
  for (let after = 0; ;) {
    const { rows } = await sql<SqliteSearchEntry>`
      select o.activity_id, o.title, o.start, o.commitments_cents, s.text, s.facets
      from activity_sort o join activity_search s on s.activity_id = o.activity_id
      where o.activity_id > ${after} order by o.activity_id limit ${BATCH}`.execute(db);
    if (rows.length === 0) break;
    await insertOrderedRows(db, rows);
    after = rows.at(-1)!.activity_id;
  }
  await compactSearchIndex(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  for (const table of ORDERED) await sql`drop table ${sql.table(table)}`.execute(db);
  for (const key of SORT_COLUMNS) {
    await db.schema
      .createIndex(`activity_sort_${key}`)
      .on('activity_sort')
      .columns([key, 'activity_id'])
      .execute();
  }
  await sql`alter table activity_search rename to activity_search_entries`.execute(db);
  await sql`create virtual table activity_search using fts5(
    text, facets, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`insert into activity_search (rowid, text, facets)
    select activity_id, text, facets from activity_search_entries`.execute(db);
  await sql`drop table activity_search_entries`.execute(db);
}
