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
 * Replaces activities' entries. SQLite's activity_search is an FTS5 table whose rowid is the
 * activity's id (FTS5 has no upsert); PostgreSQL's keeps the facets as their own tsvector.
 */
export async function writeSearchEntries(db: Db, entries: readonly SearchEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (isPostgres(db)) {
    const values = entries.map(
      (e) => sql`(${e.activityId}, ${e.text}, array_to_tsvector(${[...e.facets]}::text[]))`,
    );
    await sql`insert into activity_search (activity_id, text, facets) values ${sql.join(values)}
      on conflict (activity_id) do update set text = excluded.text, facets = excluded.facets`.execute(
      db,
    );
  } else {
    await deleteSearchRows(
      db,
      entries.map((e) => e.activityId),
    );
    const values = entries.map((e) => sql`(${e.activityId}, ${e.text}, ${e.facets.join(' ')})`);
    await sql`insert into activity_search (rowid, text, facets) values ${sql.join(values)}`.execute(
      db,
    );
  }
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

/** Removes activities' full-text rows (their sort keys go with the activity, by cascade). */
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
  title: 'activity_sort.title',
  start: 'activity_sort.start',
  commitments: 'activity_sort.commitments_cents',
};

/**
 * One page of the activities that have the words and a token of every facet group, in sort
 * order: the index finds them all at once, and only their narrow sort keys are read to order them.
 */
export async function searchPage(
  db: Db,
  page: SearchPageQuery,
): Promise<{ id: number; sort_key: string | number }[]> {
  const key = sql.ref(SORT_COLUMN[page.key]);
  const id = sql.ref('activity_sort.activity_id');
  const direction = page.descending ? sql`desc` : sql`asc`;
  const where: RawBuilder<SqlBool>[] = [];
  let from;
  if (isPostgres(db)) {
    from = sql`activity_search join activity_sort on activity_sort.activity_id = activity_search.activity_id`;
    if (page.words) {
      where.push(sql`activity_search.document @@ plainto_tsquery('simple', ${page.words})`);
    }
    if (page.groups.length) {
      where.push(sql`activity_search.facets @@ ${facetTsQuery(page.groups)}::tsquery`);
    }
  } else {
    // The full-text table drives: CROSS JOIN keeps SQLite from scanning the sort keys instead.
    from = sql`activity_search cross join activity_sort on activity_sort.activity_id = activity_search.rowid`;
    where.push(sql`activity_search match ${ftsMatch(page.words, page.groups)}`);
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
    select ${id} as id, ${key} as sort_key from ${from}
    where ${sql.join(where, sql` and `)}
    order by ${key} ${direction}, ${id} ${direction}
    limit ${page.limit}`.execute(db);
  return rows;
}
