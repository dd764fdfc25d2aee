import { sql, type Kysely } from 'kysely';
import { AppError } from '../errors.ts';
import type { Database, Store } from './database.ts';
import { migrateToLatest, migrationStatus } from './migrate.ts';
import { isPostgres } from './schema-helpers.ts';

/**
 * Tables derived from the stored activities: the search index, which each engine builds its
 * own way (SQLite's FTS5, PostgreSQL's tsvectors), and the allocations and rollup it is built
 * with. Not copied, but rebuilt on the target by the portfolio's own code.
 */
export const REBUILT_TABLES = new Set([
  'activity_search',
  'activity_sort',
  'activity_search_by_title',
  'activity_search_by_start',
  'activity_search_by_commitments',
  'allocation',
  'portfolio_rollup',
]);

const BATCH = 500;

/** Tables that hold an installation's own data: a target with rows in any of them is in use. */
const DATA_TABLES = ['activity', 'app_user', 'audit_log', 'facility_proposal', 'facility_ledger'];

type AnyDb = Kysely<Database>;

interface TableInfo {
  name: string;
  columns: string[];
  /** Columns that order the rows: the primary key, else every column. */
  order: string[];
}

/** The tables Caravan owns, in the order they were created (which references respect). */
async function tablesOf(db: AnyDb): Promise<TableInfo[]> {
  const names = isPostgres(db)
    ? (
        await sql<{ name: string }>`select c.relname as name from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
          order by c.oid`.execute(db)
      ).rows.map((r) => r.name)
    : (
        await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
          where type = 'table' and name not like 'sqlite_%' order by rowid`.execute(db)
      ).rows
        // FTS5 keeps a virtual table and shadow tables (name_data, name_idx, …): all rebuilt.
        .filter(
          (r, _, all) =>
            !all.some((v) => /virtual table/i.test(v.sql) && r.name.startsWith(`${v.name}_`)),
        )
        .map((r) => r.name);
  const tables: TableInfo[] = [];
  for (const name of names) {
    if (name.startsWith('kysely_migration') || REBUILT_TABLES.has(name)) continue;
    tables.push(await tableInfo(db, name));
  }
  return tables;
}

async function tableInfo(db: AnyDb, name: string): Promise<TableInfo> {
  if (isPostgres(db)) {
    const columns = (
      await sql<{ name: string; key: boolean }>`select a.attname as name,
          coalesce(a.attnum = any(i.indkey), false) as key
        from pg_attribute a
        left join pg_index i on i.indrelid = a.attrelid and i.indisprimary
        where a.attrelid = ${name}::regclass and a.attnum > 0 and not a.attisdropped
          and a.attgenerated = ''
        order by a.attnum`.execute(db)
    ).rows;
    const keys = columns.filter((c) => c.key).map((c) => c.name);
    return {
      name,
      columns: columns.map((c) => c.name),
      order: keys.length ? keys : columns.map((c) => c.name),
    };
  }
  const columns = (
    await sql<{
      name: string;
      pk: number;
    }>`select name, pk from pragma_table_xinfo(${name}) where hidden = 0`.execute(db)
  ).rows;
  const keys = columns
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  return {
    name,
    columns: columns.map((c) => c.name),
    order: keys.length ? keys : columns.map((c) => c.name),
  };
}

async function count(db: AnyDb, table: string): Promise<number> {
  const { rows } = await sql<{
    n: number | string;
  }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}

export interface MoveReport {
  tables: { name: string; rows: number }[];
  rebuilt: string[];
}

/**
 * Moves a whole installation between stores (SQLite ⇄ PostgreSQL): the target is migrated to
 * this code's schema and must hold no data; every table is copied in one transaction, in
 * batches, then the engine-specific search index is rebuilt and each table's rows counted on
 * both sides. The source is only read.
 */
export async function moveStore(
  source: Store,
  target: Store,
  rebuild: (db: Kysely<Database>) => Promise<void>,
  onTable: (name: string, rows: number) => void = () => {},
): Promise<MoveReport> {
  const pending = (await migrationStatus(source.db)).filter((m) => m.executedAt === null);
  if (pending.length) {
    throw new AppError(
      'conflict',
      `the source is ${pending.length} migrations behind: run caravan db migrate on it first`,
    );
  }
  await migrateToLatest(target.db);
  const sourceTables = new Map((await tablesOf(source.db)).map((t) => [t.name, t]));
  const targetTables = await tablesOf(target.db);
  for (const table of DATA_TABLES) {
    if ((await count(target.db, table)) > 0) {
      throw new AppError(
        'conflict',
        `the target already holds data (table ${table}): move into an empty database`,
      );
    }
  }

  const report: MoveReport = { tables: [], rebuilt: [...REBUILT_TABLES] };
  await target.db.transaction().execute(async (trx) => {
    // What the migrations seeded (reference rows, the fund) gives way to the source's rows.
    for (const table of [...targetTables].reverse())
      await trx.deleteFrom(table.name as never).execute();
    for (const table of targetTables) {
      const from = sourceTables.get(table.name);
      if (!from) continue;
      const columns = table.columns.filter((c) => from.columns.includes(c));
      let copied = 0;
      for (let offset = 0; ; offset += BATCH) {
        const { rows } = await sql<
          Record<string, unknown>
        >`select ${sql.join(columns.map((c) => sql.ref(c)))}
          from ${sql.table(table.name)} order by ${sql.join(from.order.map((c) => sql.ref(c)))}
          limit ${BATCH} offset ${offset}`.execute(source.db);
        if (rows.length === 0) break;
        await trx
          .insertInto(table.name as never)
          .values(rows)
          .execute();
        copied += rows.length;
        if (rows.length < BATCH) break;
      }
      if (isPostgres(trx) && table.columns.includes('id')) {
        // Explicit ids leave a serial's sequence behind: the next insert must not collide.
        const { rows } = await sql<{ sequence: string | null }>`select
          pg_get_serial_sequence(${table.name}, 'id') as sequence`.execute(trx);
        const sequence = rows[0]?.sequence;
        if (sequence) {
          await sql`select setval(${sequence}, coalesce((select max(id) from ${sql.table(table.name)}), 0) + 1, false)`.execute(
            trx,
          );
        }
      }
      report.tables.push({ name: table.name, rows: copied });
      onTable(table.name, copied);
    }
    await rebuild(trx);
  });

  for (const { name, rows } of report.tables) {
    const [there, here] = [await count(source.db, name), await count(target.db, name)];
    if (there !== rows || here !== rows) {
      throw new AppError(
        'internal',
        `table ${name}: ${there} rows in the source, ${here} in the target after the move`,
      );
    }
  }
  return report;
}
