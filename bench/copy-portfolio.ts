/**
 * Fills a PostgreSQL database with the rows of a SQLite one that bench/gen-portfolio.ts loaded
 * through the importer: every table, ids included, by COPY through psql. Importing a million
 * activities into PostgreSQL takes the importer many hours on a shared two-core machine; the
 * copy gives PostgreSQL the very rows the importer wrote, in minutes.
 * Usage: DATABASE_URL=postgres://… node bench/copy-portfolio.ts SQLITE_FILE PSQL
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { DatabaseSync } from 'node:sqlite';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

const [sqliteFile, psqlArg] = process.argv.slice(2);
if (!sqliteFile || !psqlArg) throw new Error('usage: copy-portfolio.ts SQLITE_FILE PSQL');
const psql: string = psqlArg;
const started = Date.now();

const source = openStore(`sqlite:${sqliteFile}`);
const target = openStore(loadConfig().databaseUrl);
if (target.dialect !== 'postgres')
  throw new Error('copy-portfolio: DATABASE_URL must be PostgreSQL');
await migrateToLatest(source.db);
await migrateToLatest(target.db);
await source.close();

const { rows: tables } = await sql<{ table_name: string }>`
  select table_name from information_schema.tables
  where table_schema = 'public' and table_type = 'BASE TABLE'
    and table_name not like 'kysely_migration%'
  order by table_name`.execute(target.db);
const names = tables.map((t) => t.table_name);
await sql`truncate ${sql.join(names.map((n) => sql.id(n)))} cascade`.execute(target.db);

/** SQLite gives numbers, text and nulls here (no table holds blobs). */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
  throw new Error(`copy-portfolio: cannot copy a value of type ${typeof value}`);
}

/** Streams one table's rows as CSV into `\copy` (foreign keys unchecked: the rows are whole). */
async function copyTable(reader: DatabaseSync, table: string): Promise<number> {
  const { rows } = await sql<{ column_name: string; is_generated: string }>`
    select column_name, is_generated from information_schema.columns
    where table_schema = 'public' and table_name = ${table} order by ordinal_position`.execute(
    target.db,
  );
  const columns = rows.filter((c) => c.is_generated !== 'ALWAYS').map((c) => c.column_name);
  // SQLite's full-text table keeps the activity's id as its rowid, and its sort keys apart.
  const from =
    table === 'activity_search'
      ? `(select s.rowid as activity_id, s.text, s.facets, o.title, o.start, o.commitments_cents
          from activity_search s join activity_sort o on o.activity_id = s.rowid)`
      : `"${table}"`;
  const copy = spawn(
    psql,
    [
      loadConfig().databaseUrl,
      '-v',
      'ON_ERROR_STOP=1',
      '-q',
      '-c',
      'set session_replication_role = replica',
      '-c',
      `\\copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin with (format csv)`,
    ],
    { stdio: ['pipe', 'inherit', 'inherit'] },
  );
  let count = 0;
  for (const row of reader
    .prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from ${from}`)
    .iterate() as Iterable<Record<string, unknown>>) {
    const line = `${Object.values(row).map(csvField).join(',')}\n`;
    if (!copy.stdin.write(line)) await once(copy.stdin, 'drain');
    count += 1;
  }
  copy.stdin.end();
  const [code] = (await once(copy, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`copy-portfolio: copying ${table} failed (psql exit ${code})`);
  return count;
}

const reader = new DatabaseSync(sqliteFile, { readOnly: true });
try {
  for (const table of names) {
    const count = await copyTable(reader, table);
    console.log(`${table}: ${count} rows (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  const { rows: serials } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and column_default like 'nextval(%'`.execute(target.db);
  for (const { table_name, column_name } of serials) {
    await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}),
      coalesce((select max(${sql.ref(column_name)}) from ${sql.table(table_name)}), 0) + 1, false)`.execute(
      target.db,
    );
  }
  console.log(
    `copied ${sqliteFile} into PostgreSQL in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  reader.close();
  await target.close();
}
