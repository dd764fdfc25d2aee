import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.ts';
import { isPostgres } from '../db/schema-helpers.ts';
import { facetTsQuery, ftsMatch } from './activity-search.ts';

/** One activity's entry in the search index and its sort keys. */
export interface SearchEntry {
  activityId: number;
  text: string;
  facets: readonly string[];
  title: string;
  start: string;
  commitmentsCents: number;
}

/**
 * Replaces activities' entries. PostgreSQL keeps words, facets and sort keys in one row;
 * SQLite's activity_search is an FTS5 table whose rowid is the activity's id (FTS5 has no
 * upsert), with the sort keys beside it in activity_sort.
 */
export async function writeSearchEntries(db: Db, entries: readonly SearchEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (isPostgres(db)) {
    const values = entries.map(
      (e) => sql`(${e.activityId}, ${e.text}, array_to_tsvector(${[...e.facets]}::text[]),
        ${e.title}, ${e.start}, ${e.commitmentsCents})`,
    );
    await sql`insert into activity_search
        (activity_id, text, facets, title, start, commitments_cents)
      values ${sql.join(values)}
      on conflict (activity_id) do update set text = excluded.text, facets = excluded.facets,
        title = excluded.title, start = excluded.start,
        commitments_cents = excluded.commitments_cents`.execute(db);
    return;
  }
  await deleteSearchRows(
    db,
    entries.map((e) => e.activityId),
  );
  const values = entries.map((e) => sql`(${e.activityId}, ${e.text}, ${e.facets.join(' ')})`);
  await sql`insert into activity_search (rowid, text, facets) values ${sql.join(values)}`.execute(
    db,
  );
  await db
    .insertInto('activity_sort')
    .values(
      entries.map((e) => ({
        activity_id: e.activityId,
        title: e.title,
        start: e.start,
        commitments_cents: e.commitmentsCents,
      })),
    )
    .onConflict((oc) =>
      oc.column('activity_id').doUpdateSet((eb) => ({
        title: eb.ref('excluded.title'),
        start: eb.ref('excluded.start'),
        commitments_cents: eb.ref('excluded.commitments_cents'),
      })),
    )
    .execute();
}

/** Removes activities' full-text rows (SQLite's sort keys go with the activity, by cascade). */
export async function deleteSearchRows(db: Db, activityIds: readonly number[]): Promise<void> {
  if (activityIds.length === 0) return;
  const column = isPostgres(db) ? sql`activity_id` : sql`rowid`;
  await sql`delete from activity_search where ${column} in (${sql.join(activityIds)})`.execute(db);
}

export const SORT_KEYS = ['title', 'start', 'commitments'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface SearchPageQuery {
  words: string | undefined;
  groups: readonly string[][];
  key: SortKey;
  descending: boolean;
  after: { key: string | number; id: number } | null;
  limit: number;
}

const SORT_COLUMN: Readonly<Record<SortKey, string>> = {
  title: 'title',
  start: 'start',
  commitments: 'commitments_cents',
};

/**
 * One page of the activities that have the words and a token of every facet group, in sort
 * order. PostgreSQL's planner either intersects words and facets in the GIN index and sorts
 * the matches, or, when they are many, walks the sort key's B-tree until the page is full.
 * SQLite's FTS5 finds every match at once (testing rows one by one costs a millisecond each),
 * and only their narrow sort keys are read to order them.
 */
export async function searchPage(
  db: Db,
  page: SearchPageQuery,
): Promise<{ id: number; sort_key: string | number }[]> {
  const postgres = isPostgres(db);
  const table = postgres ? 'activity_search' : 'activity_sort';
  const key = sql.ref(`${table}.${SORT_COLUMN[page.key]}`);
  const id = sql.ref(`${table}.activity_id`);
  const direction = page.descending ? sql`desc` : sql`asc`;
  const where: RawBuilder<SqlBool>[] = [];
  if (postgres) {
    if (page.words) where.push(sql`document @@ plainto_tsquery('simple', ${page.words})`);
    if (page.groups.length) where.push(sql`facets @@ ${facetTsQuery(page.groups)}::tsquery`);
  } else {
    // Collecting the rowids first is three times faster than joining FTS5 row by row.
    where.push(sql`${id} in (select rowid from activity_search
      where activity_search match ${ftsMatch(page.words, page.groups)})`);
  }
  if (page.after) {
    const { key: after, id: afterId } = page.after;
    where.push(
      page.descending
        ? sql`(${key} < ${after} or (${key} = ${after} and ${id} < ${afterId}))`
        : sql`(${key} > ${after} or (${key} = ${after} and ${id} > ${afterId}))`,
    );
  }
  const { rows } = await sql<{ id: number; sort_key: string | number }>`
    select ${id} as id, ${key} as sort_key from ${sql.table(table)}
    where ${sql.join(where, sql` and `)}
    order by ${key} ${direction}, ${id} ${direction}
    limit ${page.limit}`.execute(db);
  return rows;
}
