import { sql } from 'kysely';
import { copyIntoPartitions, SORT_KEYS } from '../../portfolio/activity-search.repository.ts';
import { PARTITIONED_TABLE, partitionRanges } from '../../portfolio/search-partitions.ts';
import { isPostgres, type AnyDb } from '../schema-helpers.ts';

const bound = (value: string | number | null, open: string) =>
  value === null ? sql.raw(open) : sql.lit(value);

/**
 * PostgreSQL: the search index is kept once per sort key, in a table partitioned by ranges of
 * that key (portfolio/search-partitions.ts), so that a search reads the first partitions in
 * its order instead of every match. activity_search keeps the words, facets and sort keys from
 * which the partitions are filled; its GIN and sort key indexes, which searches no longer read,
 * are dropped.
 */
export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  for (const key of SORT_KEYS) {
    const { table, column, type } = PARTITIONED_TABLE[key];
    await sql`create table ${sql.table(table)} (
      activity_id integer not null references activity(id) on delete cascade,
      ${sql.ref(column)} ${sql.raw(type)} not null,
      document tsvector not null,
      facets tsvector not null
    ) partition by range (${sql.ref(column)})`.execute(db);
    for (const [i, range] of partitionRanges(key).entries()) {
      await sql`create table ${sql.table(`${table}_${String(i).padStart(2, '0')}`)}
        partition of ${sql.table(table)} for values
        from (${bound(range.lower, 'minvalue')}) to (${bound(range.upper, 'maxvalue')})`.execute(
        db,
      );
    }
    await copyIntoPartitions(db, key);
    await sql`create index ${sql.id(`${table}_match`)} on ${sql.table(table)}
      using gin (document, facets)`.execute(db);
    await sql`create index ${sql.id(`${table}_order`)}
      on ${sql.table(table)} (${sql.ref(column)}, activity_id)`.execute(db);
    await sql`create index ${sql.id(`${table}_activity`)}
      on ${sql.table(table)} (activity_id)`.execute(db);
    // Searches size their reads by the planner's row estimates of each partition.
    await sql`analyze ${sql.table(table)}`.execute(db);
  }
  await sql`drop index activity_search_match`.execute(db);
  for (const key of ['title', 'start', 'commitments_cents']) {
    await sql`drop index ${sql.id(`activity_search_${key}`)}`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create index activity_search_match on activity_search using gin (document, facets)`.execute(
    db,
  );
  for (const key of ['title', 'start', 'commitments_cents']) {
    await sql`create index ${sql.id(`activity_search_${key}`)}
      on activity_search (${sql.ref(key)}, activity_id)`.execute(db);
  }
  for (const key of SORT_KEYS) {
    await sql`drop table ${sql.table(PARTITIONED_TABLE[key].table)}`.execute(db);
  }
}
