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

type Row = { id: number; sort_key: string | number };

/**
 * The keyset condition: rows after the cursor in the page's order, as a row value, which both
 * engines turn into a range of the sort key's index (an `or` of the same they would scan).
 */
function afterCursor(
  page: SearchPageQuery,
  key: RawBuilder<unknown>,
  id: RawBuilder<unknown>,
): RawBuilder<SqlBool> | null {
  if (!page.after) return null;
  const comparison = page.descending ? sql`<` : sql`>`;
  return sql`(${key}, ${id}) ${comparison} (${page.after.key}, ${page.after.id})`;
}

/**
 * How far a search walks the sort key's B-tree, keeping the matches, before it finds every
 * match and sorts them instead: SQLite walks index entries (a hundred thousand take about
 * 20 ms), PostgreSQL rows, whose words and facets it reads to test them (about 2 µs each).
 */
export interface WalkTuning {
  budget: number;
}

const WALK = { sqlite: { budget: 100_000 }, postgres: { budget: 20_000 } } as const;

/**
 * One page of the activities that have the words and a token of every facet group, in sort
 * order. When the matches are many, a walk of the sort order fills the page within a few
 * thousand rows; when they are few or lie far along it, they are found through the full-text
 * index and sorted. Both engines try the first, bounded, and fall back to the second (left to
 * itself, PostgreSQL's planner assumes matches spread evenly, and walked a quarter of a
 * million rows for a search whose matches all lay at the end).
 */
export async function searchPage(db: Db, page: SearchPageQuery, walk?: WalkTuning): Promise<Row[]> {
  if (!isPostgres(db)) return sqliteSearchPage(db, page, walk ?? WALK.sqlite);
  const { budget } = walk ?? WALK.postgres;
  const key = sql.ref(SORT_COLUMN[page.key]);
  const id = sql.ref('activity_id');
  const direction = page.descending ? sql`desc` : sql`asc`;
  const match: RawBuilder<SqlBool>[] = [];
  if (page.words) match.push(sql`document @@ plainto_tsquery('simple', ${page.words})`);
  if (page.groups.length) match.push(sql`facets @@ ${facetTsQuery(page.groups)}::tsquery`);
  const matching = sql.join(match, sql` and `);
  if (budget > 0) {
    const walked = afterCursor(page, key, id);
    const { rows } = await sql<Row>`
      select id, sort_key from (
        select ${id} as id, ${key} as sort_key, document, facets from activity_search
        ${walked ? sql`where ${walked}` : sql``}
        order by ${key} ${direction}, ${id} ${direction} limit ${budget}
      ) w where ${matching}
      limit ${page.limit}`.execute(db);
    if (rows.length === page.limit) return rows;
  }
  const after = afterCursor(page, sql.ref('sort_key'), sql.ref('id'));
  const { rows } = await sql<Row>`
    with m as materialized (
      select ${id} as id, ${key} as sort_key from activity_search where ${matching})
    select id, sort_key from m ${after ? sql`where ${after}` : sql``}
    order by sort_key ${direction}, id ${direction}
    limit ${page.limit}`.execute(db);
  return rows;
}

/**
 * SQLite: FTS5 finds every match at once (testing activities one by one would cost a
 * millisecond each). First the sort key's index is walked in order, at most `budget` entries,
 * keeping the matches: when matches are many, the page fills within the first few thousand.
 * When it does not fill, the matches' keys are read from activity_sort and sorted, which costs
 * about 2 µs a match against 0.2 µs an entry walked.
 */
async function sqliteSearchPage(db: Db, page: SearchPageQuery, walk: WalkTuning): Promise<Row[]> {
  const column = SORT_COLUMN[page.key];
  const key = sql.ref(column);
  const id = sql.ref('activity_id');
  const direction = page.descending ? sql`desc` : sql`asc`;
  const order = sql`order by ${key} ${direction}, ${id} ${direction}`;
  const matches = sql`select rowid from activity_search
    where activity_search match ${ftsMatch(page.words, page.groups)}`;
  const after = afterCursor(page, key, id);
  const where = (...conditions: (RawBuilder<unknown> | null)[]) => {
    const present = conditions.filter((c) => c !== null);
    return present.length ? sql`where ${sql.join(present, sql` and `)}` : sql``;
  };
  if (walk.budget > 0) {
    const { rows } = await sql<Row>`
      select id, sort_key from (
        select activity_id as id, ${key} as sort_key
        from activity_sort indexed by ${sql.id(`activity_sort_${column}`)}
        ${where(after)} ${order} limit ${walk.budget}
      ) where id in (${matches})
      limit ${page.limit}`.execute(db);
    if (rows.length === page.limit) return rows;
  }
  const { rows } = await sql<Row>`
    select activity_id as id, ${key} as sort_key from activity_sort
    ${where(sql`activity_id in (${matches})`, after)} ${order}
    limit ${page.limit}`.execute(db);
  return rows;
}
