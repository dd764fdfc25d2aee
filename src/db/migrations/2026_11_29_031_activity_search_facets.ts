import { sql, type RawBuilder } from 'kysely';
import { isPostgres, type AnyDb } from '../schema-helpers.ts';

/**
 * Activity lists filter and search through one index (see portfolio/activity-search.ts): the
 * full-text table gains each activity's facet tokens (on SQLite its rowid becomes the activity's
 * id), and a narrow activity_sort table holds what lists sort by. Both are filled here from the
 * stored activities and allocations, as the refresh after an import writes them.
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

async function createSortKeys(db: AnyDb): Promise<void> {
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
    select id, title, coalesce(actual_start, planned_start, ''), commitments_cents
    from activity`.execute(db);
}

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table activity_search add column facets tsvector not null default ''`.execute(
      db,
    );
    await sql`update activity_search s set facets = coalesce((
        select array_to_tsvector(array_agg(token)) from (${facetTokens(db)}) tokens
      ), '') from activity a where a.id = s.activity_id`.execute(db);
    await sql`create index activity_search_facets on activity_search using gin (facets)`.execute(
      db,
    );
  } else {
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
  }
  await createSortKeys(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('activity_sort').execute();
  if (isPostgres(db)) {
    await sql`drop index activity_search_facets`.execute(db);
    await sql`alter table activity_search drop column facets`.execute(db);
  } else {
    await sql`alter table activity_search rename to activity_search_facets`.execute(db);
    await sql`create virtual table activity_search using fts5(
      activity_id unindexed, text, tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
    await sql`insert into activity_search (activity_id, text)
      select rowid, text from activity_search_facets`.execute(db);
    await sql`drop table activity_search_facets`.execute(db);
  }
}
