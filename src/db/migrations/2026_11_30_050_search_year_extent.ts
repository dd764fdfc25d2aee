import { sql } from 'kysely';
import {
  compactSearchIndex,
  copyIntoPartitions,
  insertOrderedRows,
  ORDERED_TABLE,
  SORT_KEYS,
  type SqliteSearchEntry,
} from '../../portfolio/activity-search.repository.ts';
import { yearExtentFacets, yearOfToken } from '../../portfolio/activity-search.ts';
import { PARTITIONED_TABLE } from '../../portfolio/search-partitions.ts';
import { isPostgres, type AnyDb } from '../schema-helpers.ts';

/**
 * Each search entry gains tokens of its first and last years and decades, which open year
 * ranges ask for (portfolio/activity-search.ts), derived from its year tokens. The indexes
 * built from the entries are rebuilt: PostgreSQL's partitioned tables, SQLite's FTS5 tables.
 */
export async function up(db: AnyDb): Promise<void> {
  await rewriteFacets(db, (tokens) => {
    const years = tokens.map(yearOfToken).filter((year) => year !== null);
    if (years.length === 0) return tokens;
    const extent = yearExtentFacets(Math.min(...years), Math.max(...years));
    return [...new Set([...tokens, ...extent])].sort();
  });
}

const EXTENT = /^[fhab]/;

export async function down(db: AnyDb): Promise<void> {
  await rewriteFacets(db, (tokens) => tokens.filter((token) => !EXTENT.test(token)));
}

const BATCH = 5000;

async function rewriteFacets(db: AnyDb, next: (tokens: string[]) => string[]): Promise<void> {
  const postgres = isPostgres(db);
  for (let after = 0; ;) {
    const { rows } = await (
      postgres
        ? sql<{ id: number; tokens: string[] }>`select activity_id as id,
          tsvector_to_array(facets) as tokens from activity_search
          where activity_id > ${after} order by activity_id limit ${BATCH}`
        : sql<{ id: number; facets: string }>`select activity_id as id, facets from activity_search
          where activity_id > ${after} order by activity_id limit ${BATCH}`
    ).execute(db);
    if (rows.length === 0) break;
    const ids: number[] = [];
    const rewritten: string[] = [];
    for (const row of rows) {
      const tokens = 'tokens' in row ? row.tokens : row.facets.split(' ').filter(Boolean);
      ids.push(row.id);
      rewritten.push(next(tokens).join(' '));
    }
    if (postgres) {
      await sql`update activity_search s set facets = array_to_tsvector(string_to_array(v.tokens, ' '))
        from unnest(${ids}::integer[], ${rewritten}::text[]) as v(id, tokens)
        where s.activity_id = v.id`.execute(db);
    } else {
      for (const [i, id] of ids.entries()) {
        await sql`update activity_search set facets = ${rewritten[i]}
          where activity_id = ${id}`.execute(db);
      }
    }
    after = rows.at(-1)!.id;
  }
  await (postgres ? refillPartitions(db) : refillOrderedTables(db));
}

/** PostgreSQL: each sort key's partitions again, their GIN indexes built after (faster). */
async function refillPartitions(db: AnyDb): Promise<void> {
  for (const key of SORT_KEYS) {
    const { table } = PARTITIONED_TABLE[key];
    await sql`drop index ${sql.id(`${table}_match`)}`.execute(db);
    await sql`truncate ${sql.table(table)}`.execute(db);
    await copyIntoPartitions(db, key);
    await sql`create index ${sql.id(`${table}_match`)} on ${sql.table(table)}
      using gin (document, facets)`.execute(db);
    // Searches size their reads by the planner's row estimates, which a truncate resets.
    await sql`analyze ${sql.table(table)}`.execute(db);
  }
}

/** SQLite: each sort key's FTS5 table again, from the entries. */
async function refillOrderedTables(db: AnyDb): Promise<void> {
  for (const table of Object.values(ORDERED_TABLE)) {
    await sql`insert into ${sql.table(table)} (${sql.ref(table)}) values ('delete-all')`.execute(
      db,
    );
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
