import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { bulkTable, insertEach, insertFlat } from '../db/bulk.ts';
import type { Database, Db } from '../db/database.ts';
import { isStalePreparedStatement, PREPARED } from '../db/postgres.ts';
import { isPostgres, type AnyDb } from '../db/schema-helpers.ts';
import { facetTsQuery, ftsMatch } from './activity-search.ts';
import type { ActivitySortTable } from './portfolio.table.ts';
import { ID_BITS, readsUpwards, rowidCode } from './search-order.ts';
import { PARTITIONED_TABLE, partitionOf, partitionRanges } from './search-partitions.ts';

export const SORT_KEYS = ['title', 'start', 'commitments'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const SORT_COLUMN = { title: 'title', start: 'start', commitments: 'commitments_cents' } as const;

/** SQLite: the FTS5 table that holds the entries in a sort key's order. */
export const ORDERED_TABLE = {
  title: 'activity_search_by_title',
  start: 'activity_search_by_start',
  commitments: 'activity_search_by_commitments',
} as const satisfies Record<SortKey, keyof Database>;

// SQLite writes go through db/bulk.ts: statements of a few fixed row counts, prepared once.
const WORDS = bulkTable('activity_search', ['activity_id', 'text', 'facets']);
const KEYS = bulkTable('activity_sort', ['activity_id', 'title', 'start', 'commitments_cents']);
const ORDERED_ROWS = {
  title: bulkTable(ORDERED_TABLE.title, ['rowid', 'text', 'facets']),
  start: bulkTable(ORDERED_TABLE.start, ['rowid', 'text', 'facets']),
  commitments: bulkTable(ORDERED_TABLE.commitments, ['rowid', 'text', 'facets']),
};

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
 * Replaces activities' entries. PostgreSQL keeps words, facets and sort keys in a row of
 * activity_search, and copies them into each sort key's partitioned table (search-partitions.ts),
 * which searches read. SQLite indexes them in three contentless FTS5 tables, one per sort key,
 * whose rowids put the entries in that key's order (search-order.ts), and keeps the words and
 * facets in activity_search and the sort keys in activity_sort, apart: a search reads the keys
 * of the matches it sorts, and a narrow table of them stays in memory.
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
    const ids = entries.map((e) => e.activityId);
    await deletePartitionedRows(db, ids);
    for (const key of SORT_KEYS) await copyIntoPartitions(db, key, ids);
    return;
  }
  await deleteSearchRows(
    db,
    entries.map((e) => e.activityId),
  );
  const rows = entries.map((e) => ({
    activity_id: e.activityId,
    text: e.text,
    facets: e.facets.join(' '),
    title: e.title,
    start: e.start,
    commitments_cents: e.commitmentsCents,
  }));
  await insertFlat(
    db,
    WORDS,
    rows.flatMap((r) => [r.activity_id, r.text, r.facets]),
  );
  await insertFlat(
    db,
    KEYS,
    rows.flatMap((r) => [r.activity_id, r.title, r.start, r.commitments_cents]),
  );
  const deferred = pending.get(db);
  if (!deferred) return insertOrderedRows(db, rows);
  for (const row of rows) {
    deferred.rows.push(row);
    deferred.ids.add(row.activity_id);
    deferred.chars += row.text.length + row.facets.length;
  }
  if (deferred.rows.length >= DEFERRED_ROWS || deferred.chars >= DEFERRED_CHARS) {
    await writeDeferred(db, deferred);
  }
}

/** SQLite: entries waiting for the FTS5 tables, in a transaction that defers them. */
interface Deferred {
  rows: SqliteSearchEntry[];
  ids: Set<number>;
  chars: number;
}

const pending = new WeakMap<Db, Deferred>();
// Enough entries that FTS5 fills its in-memory hash (1 MB of terms) before it writes a segment;
// few enough to keep a few megabytes of text in memory.
const DEFERRED_ROWS = 1024;
const DEFERRED_CHARS = 2 << 20;

/**
 * Runs `work` in transaction `trx` with the FTS5 rows of its search entries held back and
 * written in large runs, the last before it returns. FTS5 writes the terms it holds out as a
 * new segment at every statement that writes several rows to any table (see insertEach), so an
 * import that wrote them with each batch of activities left a segment of a few dozen entries
 * per batch, and merging those took a sixth of its time in SQLite. A search in `trx` does not
 * see entries held back; writing or deleting a held-back entry writes them all first.
 */
export async function withDeferredSearchIndex<T>(trx: Db, work: () => Promise<T>): Promise<T> {
  if (isPostgres(trx) || pending.has(trx)) return work();
  const deferred: Deferred = { rows: [], ids: new Set(), chars: 0 };
  pending.set(trx, deferred);
  try {
    const result = await work();
    await writeDeferred(trx, deferred);
    return result;
  } finally {
    pending.delete(trx);
  }
}

async function writeDeferred(db: Db, deferred: Deferred): Promise<void> {
  const { rows } = deferred;
  deferred.rows = [];
  deferred.ids.clear();
  deferred.chars = 0;
  await insertOrderedRows(db, rows);
}

/** SQLite: an entry's words and facets (in activity_search) and sort keys (in activity_sort). */
export type SqliteSearchEntry = ActivitySortTable & { text: string; facets: string };

/** The FTS5 rowid of an entry in a sort key's table (a BigInt: it may pass 2⁵³). */
export function orderedRowid(key: SortKey, entry: ActivitySortTable): bigint {
  const code = rowidCode(key, entry[SORT_COLUMN[key]]);
  return (BigInt(code) << BigInt(ID_BITS)) | BigInt(entry.activity_id);
}

/**
 * SQLite: adds entries to the FTS5 table of each sort key, in rowid order and a statement each.
 * FTS5 writes the terms it holds in memory out as a new segment whenever a rowid is not above
 * the last one, and at every statement that writes several rows (see insertEach): in the
 * import's order and in shared statements that was about one segment per entry, and these
 * three tables took a third of an import's time in SQLite; now they take a tenth.
 */
export async function insertOrderedRows(db: Db, rows: readonly SqliteSearchEntry[]) {
  for (const key of SORT_KEYS) {
    const entries = rows.map((row) => ({ rowid: orderedRowid(key, row), row }));
    entries.sort((a, b) => (a.rowid < b.rowid ? -1 : a.rowid > b.rowid ? 1 : 0));
    const values = entries.flatMap(({ rowid, row }) => [rowid, row.text, row.facets]);
    await insertEach(db, ORDERED_ROWS[key], values);
  }
}

/** Removes activities' entries (SQLite's FTS5 rows cannot cascade, so they go here). */
export async function deleteSearchRows(db: Db, activityIds: readonly number[]): Promise<void> {
  if (activityIds.length === 0) return;
  if (isPostgres(db)) {
    await deletePartitionedRows(db, activityIds);
    await db.deleteFrom('activity_search').where('activity_id', 'in', activityIds).execute();
    return;
  }
  const stored = await db
    .selectFrom('activity_sort')
    .selectAll()
    .where('activity_id', 'in', activityIds)
    .execute();
  if (stored.length === 0) return;
  const deferred = pending.get(db);
  if (deferred && activityIds.some((id) => deferred.ids.has(id))) {
    await writeDeferred(db, deferred);
  }
  for (const key of SORT_KEYS) {
    const rowids = stored.map((entry) => orderedRowid(key, entry));
    await sql`delete from ${sql.table(ORDERED_TABLE[key])}
      where rowid in (${sql.join(rowids)})`.execute(db);
  }
  await sql`delete from activity_search where activity_id in (${sql.join(activityIds)})`.execute(
    db,
  );
  await db.deleteFrom('activity_sort').where('activity_id', 'in', activityIds).execute();
}

/**
 * PostgreSQL: copies activities' entries (all of them without `activityIds`) from
 * activity_search into a sort key's partitioned table. Positions are left out (strip):
 * searches match words, not phrases, and never rank.
 */
export async function copyIntoPartitions(
  db: AnyDb,
  key: SortKey,
  activityIds?: readonly number[],
): Promise<void> {
  const { table, column } = PARTITIONED_TABLE[key];
  await sql`insert into ${sql.table(table)} (activity_id, ${sql.ref(column)}, document, facets)
    select activity_id, ${sql.ref(column)}, strip(document), facets from activity_search
    ${activityIds ? sql`where activity_id = any(${activityIds}::integer[])` : sql``}`.execute(db);
}

/** PostgreSQL: removes activities' rows from each sort key's partitioned table. */
async function deletePartitionedRows(db: Db, activityIds: readonly number[]): Promise<void> {
  for (const key of SORT_KEYS) {
    await sql`delete from ${sql.table(PARTITIONED_TABLE[key].table)}
      where activity_id = any(${activityIds}::integer[])`.execute(db);
  }
}

/**
 * SQLite: FTS5 adds a segment to a table for every transaction that writes it and merges them
 * only now and then; a search intersects posting lists in every segment, and at a million
 * activities twenty segments took two to three times as long as one. So once they pass
 * MAX_SEGMENTS (after an import, say), the table is merged into one: 6–22 s a table at a
 * million activities, milliseconds for the demo.
 */
const MAX_SEGMENTS = 8;

export async function compactSearchIndex(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  for (const table of Object.values(ORDERED_TABLE)) {
    const { rows } = await sql<{ segments: number }>`
      select count(*) as segments from (select distinct segid from ${sql.table(`${table}_idx`)})
    `.execute(db);
    if (rows[0]!.segments <= MAX_SEGMENTS) continue;
    await sql`insert into ${sql.table(table)} (${sql.ref(table)}) values ('optimize')`.execute(db);
  }
}

export interface SearchPageQuery {
  words: string | undefined;
  groups: readonly string[][];
  key: SortKey;
  descending: boolean;
  after: { key: string | number; id: number } | null;
  limit: number;
}

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

/** How a search reads; tests vary it to compare every path, which must give the same pages. */
export interface SearchTuning {
  /**
   * PostgreSQL: how many rows of the sort order it walks, testing each (about 2 µs), before it
   * reads the matches partition by partition instead; 0 never walks. When the matches are
   * many, a short walk fills the page sooner than a large partition's matches can be sorted;
   * at a million activities, walks of 500 rows and more cost more than they saved.
   */
  walk: number;
  /**
   * PostgreSQL: about how many rows the first read of partitions covers, by the planner's
   * estimates; each further read covers twice as many (0: one partition a read).
   */
  firstRows?: number;
  /** SQLite: how many matches it reads in sort order at first (each further read takes 4×). */
  firstRead?: number;
}

const TUNING: SearchTuning = { walk: 200, firstRows: 2_000 };

/**
 * One page of the activities that have the words and a token of every facet group, in sort
 * order. PostgreSQL walks the sort order a little first, which fills the page when the matches
 * are many; otherwise it finds the matches of the first partitions in the page's order through
 * their GIN indexes and sorts them, reading partitions of some two thousand rows, then twice as
 * many, and so on, until it has a page (search-partitions.ts). The reads are the code's, not the
 * planner's: it assumes matches spread evenly, and once walked a quarter of a million rows for
 * a search whose matches all lay at the end.
 */
export async function searchPage(db: Db, page: SearchPageQuery, tuning = TUNING): Promise<Row[]> {
  if (!isPostgres(db)) return sqliteSearchPage(db, page, tuning.firstRead ?? page.limit * 2);
  const rowsIn = await partitionRows(db, PARTITIONED_TABLE[page.key].table);
  if (db.isTransaction) return postgresSearchPage(db, page, tuning, rowsIn, sql``);
  // The reads of a page see one snapshot: an activity whose key changed between two of them
  // would be read twice, or not at all. At a million activities planning a read took 0.2 ms for
  // one partition and 0.95 ms for nineteen, while most reads run in well under a millisecond;
  // prepared once per connection with one plan for any bounds, whose partitions are chosen as
  // the read starts (0.05 ms), each is only run.
  const read = () =>
    db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        await sql`set local plan_cache_mode = force_generic_plan`.execute(trx);
        return postgresSearchPage(trx, page, tuning, rowsIn, sql.raw(PREPARED));
      });
  try {
    return await read();
  } catch (error) {
    // Prepared before a migration changed a column's type: prepared again under a new name.
    if (isStalePreparedStatement(error)) return read();
    throw error;
  }
}

async function postgresSearchPage(
  db: Db,
  page: SearchPageQuery,
  tuning: SearchTuning,
  rowsIn: readonly number[],
  prepared: RawBuilder<unknown>,
): Promise<Row[]> {
  const { table, column } = PARTITIONED_TABLE[page.key];
  const key = sql.ref(column);
  const id = sql.ref('activity_id');
  const direction = page.descending ? sql`desc` : sql`asc`;
  const match: RawBuilder<SqlBool>[] = [];
  if (page.words) match.push(sql`document @@ plainto_tsquery('simple', ${page.words})`);
  if (page.groups.length) match.push(sql`facets @@ ${facetTsQuery(page.groups)}::tsquery`);
  const matching = sql.join(match, sql` and `);
  const ranges = partitionRanges(page.key);
  const order = ranges.map((_, i) => (page.descending ? ranges.length - 1 - i : i));
  const start = page.after ? order.indexOf(partitionOf(page.key, page.after.key)) : 0;
  /** The partitions from the `from`th in the page's order that hold about `target` rows. */
  const partitions = (from: number, target: number) => {
    let to = from + 1;
    let rows = rowsIn[order[from]!] ?? 0;
    for (; rows < target && to < order.length; to++) rows += rowsIn[order[to]!] ?? 0;
    const read = order.slice(from, to);
    const lower = ranges[Math.min(...read)]!.lower;
    const upper = ranges[Math.max(...read)]!.upper;
    const range = [
      ...(lower === null ? [] : [sql<SqlBool>`${key} >= ${lower}`]),
      ...(upper === null ? [] : [sql<SqlBool>`${key} < ${upper}`]),
    ];
    return { to, range };
  };
  // A walk shorter than the page (an export's 500 rows) could never fill it.
  if (tuning.walk >= page.limit) {
    // Over the first partitions only, so that it reads those alone.
    const { range } = partitions(start, tuning.walk);
    const walked = [...range, afterCursor(page, key, id) ?? sql<SqlBool>`true`];
    const { rows } = await sql<Row>`${prepared}
      select id, sort_key from (
        select ${id} as id, ${key} as sort_key, document, facets from ${sql.table(table)}
        where ${sql.join(walked, sql` and `)}
        order by ${key} ${direction}, ${id} ${direction} limit ${tuning.walk}
      ) w where ${matching}
      limit ${page.limit}`.execute(db);
    if (rows.length === page.limit) return rows;
  }
  const after = afterCursor(page, sql.ref('sort_key'), sql.ref('id'));
  const found: Row[] = [];
  for (let next = start, target = tuning.firstRows ?? 0; next < order.length; target *= 2) {
    const { to, range } = partitions(next, target);
    next = to;
    const { rows } = await sql<Row>`${prepared}
      with m as materialized (
        select ${id} as id, ${key} as sort_key from ${sql.table(table)}
        where ${sql.join([...range, matching], sql` and `)})
      select id, sort_key from m ${after ? sql`where ${after}` : sql``}
      order by sort_key ${direction}, id ${direction}
      limit ${page.limit - found.length}`.execute(db);
    found.push(...rows);
    if (found.length === page.limit) break;
  }
  return found;
}

const ESTIMATES_TTL_MS = 60_000;
const estimates = new WeakMap<Db, Map<string, { at: number; rows: number[] }>>();

/**
 * PostgreSQL: the planner's estimate of each partition's rows (0 before it has any), by the
 * partition's number, kept for a minute: partitions of a few hundred activities and of a
 * hundred thousand lie side by side, and a search reads them in groups of rising size.
 */
async function partitionRows(db: Db, table: string): Promise<number[]> {
  const cache = estimates.get(db) ?? new Map<string, { at: number; rows: number[] }>();
  estimates.set(db, cache);
  const cached = cache.get(table);
  if (cached && Date.now() - cached.at < ESTIMATES_TTL_MS) return cached.rows;
  const { rows } = await sql<{ name: string; estimate: number }>`
    select c.relname as name, greatest(c.reltuples, 0)::float8 as estimate
    from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = ${table}::regclass`.execute(db);
  const counts: number[] = [];
  for (const row of rows) counts[Number(row.name.slice(table.length + 1))] = row.estimate;
  cache.set(table, { at: Date.now(), rows: counts });
  return counts;
}

/**
 * SQLite: reads the first matches in the sort key's FTS5 table, in rowid order (FTS5 stops at
 * the LIMIT), with their keys, in exact order. Every match of a code before the last one read
 * has been read, and sorts before any match not read; those after the cursor make the page
 * when they are enough. Otherwise it reads four times as many, from the start again:
 * seeking a rowid in FTS5 costs as much as finding every match, reading a few more does not.
 */
async function sqliteSearchPage(db: Db, page: SearchPageQuery, firstRead: number) {
  const table = sql.table(ORDERED_TABLE[page.key]);
  const key = sql.ref(`s.${SORT_COLUMN[page.key]}`);
  const direction = page.descending ? sql`desc` : sql`asc`;
  const upwards = readsUpwards(page.key, page.descending);
  const after = afterCursor(page, key, sql.ref('s.activity_id')) ?? sql`1`;
  for (let read = Math.max(1, firstRead); ; read *= 4) {
    const { rows } = await sql<Row & { code: number; after: number }>`
      select m.code, s.activity_id as id, ${key} as sort_key, ${after} as after
      from (
        select rowid >> ${sql.lit(ID_BITS)} as code, rowid & ${sql.lit(2 ** ID_BITS - 1)} as id
        from ${table}
        where ${table} match ${ftsMatch(page.words, page.groups)}
        order by rowid ${upwards ? sql`asc` : sql`desc`} limit ${read}
      ) m join activity_sort s on s.activity_id = m.id
      order by sort_key ${direction}, id ${direction}`.execute(db);
    const everyMatch = rows.length < read;
    let edge = rows[0]?.code ?? 0;
    for (const { code } of rows) edge = upwards ? Math.max(edge, code) : Math.min(edge, code);
    const complete = rows.filter((r) => r.after === 1 && (everyMatch || r.code !== edge));
    if (everyMatch || complete.length >= page.limit) {
      return complete.slice(0, page.limit).map(({ id, sort_key }) => ({ id, sort_key }));
    }
  }
}
