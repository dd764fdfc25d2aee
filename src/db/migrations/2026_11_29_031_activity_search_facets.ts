import { sql, type RawBuilder } from 'kysely';
import { isPostgres, type AnyDb } from '../schema-helpers.ts';

/**
 * Activity lists filter and search through one index (see portfolio/activity-search.ts): the
 * full-text table gains each activity's facet tokens and the keys lists sort by, filled here
 * from the stored activities and allocations as the refresh after an import writes them.
 */
function facetTokens(db: AnyDb): RawBuilder<unknown> {
  const hex = (value: RawBuilder<unknown>) =>
    isPostgres(db)
      ? sql`encode(convert_to(${value}::text, 'UTF8'), 'hex')`
      : sql`lower(hex(${value}))`;
  const token = (letter: string, value: RawBuilder<unknown>) =>
    sql`${sql.lit(letter)} || ${hex(value)}`;
  const year = sql`case when year < 1900 then '<1900' when year > 2100 then '>2100'
    else cast(year as text) end`;
  const climate = (column: string) =>
    sql`select ${token('m', sql.lit(column))} from allocation where activity_id = a.id and ${sql.ref(column)} > 0`;
  return sql`
    select ${token('t', sql`a.status`)} as token where a.status is not null
    union select ${token('r', sql`region_code`)} from recipient_region where activity_id = a.id
    union select ${token('k', sql`corridor_number`)} from activity_corridor where activity_id = a.id
    union select ${token('c', sql`country`)} from allocation where activity_id = a.id
    union select ${token('s', sql`sector`)} from allocation where activity_id = a.id
    union select ${token('g', sql`sector_category`)} from allocation
      where activity_id = a.id and sector_category <> ''
    union select ${token('l', sql`cluster_code`)} from allocation
      where activity_id = a.id and cluster_code <> 0
    union select ${token('p', sql`partner`)} from allocation where activity_id = a.id and partner <> ''
    union select ${token('y', year)} from allocation where activity_id = a.id
    union ${climate('mitigation')}
    union ${climate('adaptation')}
    union ${climate('drr')}`;
}

const START = sql`coalesce(a.actual_start, a.planned_start, '')`;

/**
 * PostgreSQL: one table holds the words, the facets and the sort keys, with one GIN index over
 * both tsvectors (a single index scan intersects words and filters, skipping through long
 * posting lists) and a B-tree per sort key (for broad matches the planner walks the sort order
 * and stops at the page's end instead of sorting every match).
 */
async function upPostgres(db: AnyDb): Promise<void> {
  await sql`alter table activity_search rename to activity_search_words`.execute(db);
  await sql`alter table activity_search_words rename constraint activity_search_pkey
    to activity_search_words_pkey`.execute(db);
  await sql`create table activity_search (
    activity_id integer primary key references activity(id) on delete cascade,
    text text not null,
    document tsvector generated always as (to_tsvector('simple', text)) stored,
    facets tsvector not null,
    title text not null,
    start text not null,
    commitments_cents bigint not null
  )`.execute(db);
  await sql`insert into activity_search (activity_id, text, facets, title, start, commitments_cents)
    select a.id, w.text, coalesce((
        select array_to_tsvector(array_agg(token)) from (${facetTokens(db)}) tokens
      ), ''), a.title, ${START}, a.commitments_cents
    from activity_search_words w join activity a on a.id = w.activity_id`.execute(db);
  await sql`drop table activity_search_words`.execute(db);
  await sql`create index activity_search_match on activity_search using gin (document, facets)`.execute(
    db,
  );
  for (const key of ['title', 'start', 'commitments_cents']) {
    await sql`create index ${sql.id(`activity_search_${key}`)}
      on activity_search (${sql.ref(key)}, activity_id)`.execute(db);
  }
}

async function downPostgres(db: AnyDb): Promise<void> {
  await sql`alter table activity_search rename to activity_search_facets`.execute(db);
  await sql`alter table activity_search_facets rename constraint activity_search_pkey
    to activity_search_facets_pkey`.execute(db);
  await sql`create table activity_search (
    activity_id integer primary key references activity(id) on delete cascade,
    text text not null,
    document tsvector generated always as (to_tsvector('simple', text)) stored
  )`.execute(db);
  await sql`insert into activity_search (activity_id, text)
    select activity_id, text from activity_search_facets`.execute(db);
  await sql`drop table activity_search_facets`.execute(db);
  await sql`create index activity_search_document on activity_search using gin (document)`.execute(
    db,
  );
}

/**
 * SQLite: an FTS5 table of words and facets whose rowid is the activity's id, and a narrow
 * activity_sort table, since reading FTS5's own stored columns costs several times more.
 */
async function upSqlite(db: AnyDb): Promise<void> {
  await sql`alter table activity_search rename to activity_search_words`.execute(db);
  await sql`create virtual table activity_search using fts5(
    text, facets, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`insert into activity_search (rowid, text, facets)
    select a.id, w.text, coalesce((
      select group_concat(token, ' ') from (${facetTokens(db)})
    ), '')
    from activity_search_words w join activity a on a.id = w.activity_id`.execute(db);
  await sql`drop table activity_search_words`.execute(db);
  await db.schema
    .createTable('activity_sort')
    .addColumn('activity_id', 'integer', (c) =>
      c.primaryKey().references('activity.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('commitments_cents', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into activity_sort (activity_id, title, start, commitments_cents)
    select a.id, a.title, ${START}, a.commitments_cents from activity a`.execute(db);
}

async function downSqlite(db: AnyDb): Promise<void> {
  await db.schema.dropTable('activity_sort').execute();
  await sql`alter table activity_search rename to activity_search_facets`.execute(db);
  await sql`create virtual table activity_search using fts5(
    activity_id unindexed, text, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`insert into activity_search (activity_id, text)
    select rowid, text from activity_search_facets`.execute(db);
  await sql`drop table activity_search_facets`.execute(db);
}

export async function up(db: AnyDb): Promise<void> {
  await (isPostgres(db) ? upPostgres(db) : upSqlite(db));
}

export async function down(db: AnyDb): Promise<void> {
  await (isPostgres(db) ? downPostgres(db) : downSqlite(db));
}
