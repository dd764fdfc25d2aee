import { CompiledQuery, sql } from 'kysely';
import type { Db } from './database.ts';
import type { BulkTable, SqlValue } from './flat-rows.ts';
import { isPostgres } from './schema-helpers.ts';

export { bulkTable, type BulkTable, type SqlValue } from './flat-rows.ts';

/**
 * Many-row writes on either dialect without Kysely's query builder. The importer writes hundreds
 * of thousands of rows a minute, and building and compiling one statement per activity and
 * table cost more than storing the rows did. Rows arrive flat (see flat-rows.ts) and go out
 * in chunks of a few fixed sizes, so that the text of each
 * statement recurs and SQLite's prepared-statement cache (db/sqlite.ts) reuses it.
 */

// Rows per statement, largest first: a remainder is sent in the smaller sizes, so a table needs
// at most four statement texts. 64 rows of the widest table (26 columns) stay far below
// SQLite's 32,766 bound parameters and PostgreSQL's 65,535.
const CHUNK_ROWS = [64, 16, 4, 1] as const;

const texts = new Map<string, string>();

/** `rows` tuples of placeholders, each value cast to its type when `types` are given. */
function tuples(postgres: boolean, width: number, rows: number, types?: readonly string[]) {
  const list: string[] = [];
  for (let row = 0; row < rows; row++) {
    const marks: string[] = [];
    for (let column = 0; column < width; column++) {
      const mark = postgres ? `$${row * width + column + 1}` : '?';
      const type = types?.[column];
      marks.push(type ? `cast(${mark} as ${type})` : mark);
    }
    list.push(`(${marks.join(', ')})`);
  }
  return list.join(', ');
}

/** A statement text for `rows` rows, made once. */
function text(key: string, make: () => string): string {
  let found = texts.get(key);
  if (found === undefined) {
    found = make();
    texts.set(key, found);
  }
  return found;
}

function quote(identifier: string): string {
  return `"${identifier}"`;
}

export interface InsertOptions {
  /** Columns to return of every row, in no particular order: match them by a key. */
  returning?: readonly string[];
  /** An `on conflict …` clause, the same on both dialects. */
  onConflict?: string;
}

/** Rows of `width` values in chunks of the given sizes (by default, those above). */
async function inChunks(
  width: number,
  values: readonly SqlValue[],
  run: (rows: number, chunk: SqlValue[]) => Promise<void>,
  sizes: readonly number[] = CHUNK_ROWS,
): Promise<void> {
  if (values.length % width !== 0) {
    throw new Error(`${values.length} values do not make rows of ${width}`);
  }
  const total = values.length / width;
  let row = 0;
  for (const size of sizes) {
    while (total - row >= size) {
      await run(size, values.slice(row * width, (row + size) * width));
      row += size;
    }
  }
}

function insertText(postgres: boolean, table: BulkTable, rows: number, options: InsertOptions) {
  const returning = options.returning ?? [];
  const key = `insert ${postgres} ${table.name} ${rows} ${returning.join()} ${options.onConflict}`;
  return text(key, () => {
    const columns = table.columns.map(quote).join(', ');
    const conflict = options.onConflict ? ` ${options.onConflict}` : '';
    const tail = returning.length > 0 ? ` returning ${returning.map(quote).join(', ')}` : '';
    const list = tuples(postgres, table.columns.length, rows);
    return `insert into ${quote(table.name)} (${columns}) values ${list}${conflict}${tail}`;
  });
}

/** Inserts flat rows (their count is `values.length / columns.length`). */
export async function insertFlat<R = never>(
  db: Db,
  table: BulkTable,
  values: readonly SqlValue[],
  options: InsertOptions = {},
): Promise<R[]> {
  const postgres = isPostgres(db);
  const out: R[] = [];
  await inChunks(table.columns.length, values, async (rows, chunk) => {
    const sql = insertText(postgres, table, rows, options);
    const result = await db.executeQuery<R>(CompiledQuery.raw(sql, chunk));
    for (const row of result.rows) out.push(row);
  });
  return out;
}

/**
 * Inserts flat rows one statement each. SQLite opens a savepoint for a statement that writes
 * several rows inside a transaction, and FTS5 writes the terms it holds out as a new segment at
 * every savepoint; rows given one at a time, in rowid order, make one segment a transaction.
 */
export async function insertEach(
  db: Db,
  table: BulkTable,
  values: readonly SqlValue[],
): Promise<void> {
  const sql = insertText(isPostgres(db), table, 1, {});
  await inChunks(
    table.columns.length,
    values,
    (_rows, row) => db.executeQuery(CompiledQuery.raw(sql, row)).then(() => undefined),
    [1],
  );
}

/**
 * Sets columns of rows by their id: `values` holds, per row, the table's columns then the id;
 * `types` are the columns' SQL types (PostgreSQL does not infer them in a VALUES list).
 */
export async function updateFlatById(
  db: Db,
  table: BulkTable,
  types: readonly string[],
  values: readonly SqlValue[],
): Promise<void> {
  const postgres = isPostgres(db);
  const width = table.columns.length + 1;
  await inChunks(width, values, async (rows, chunk) => {
    const sql = text(`update ${postgres} ${table.name} ${rows}`, () => {
      const sets = table.columns.map((c, i) => `${quote(c)} = v.column${i + 1}`);
      const list = tuples(postgres, width, rows, [...types, 'integer']);
      const name = quote(table.name);
      return `update ${name} set ${sets.join(', ')} from (values ${list}) as v where ${name}."id" = v.column${width}`;
    });
    await db.executeQuery(CompiledQuery.raw(sql, chunk));
  });
}

/** Imports running with journals in memory, per SQLite database, and the setting before them. */
const inMemory = new WeakMap<Db, { running: number; previous: number }>();

/**
 * Runs `work` (an import: long transactions of statements that write many rows each) with
 * SQLite's statement journals in memory. SQLite keeps the original of every page such a
 * statement changes, to undo the statement alone if it fails, and past 64 KiB writes them to a
 * temporary file: a 200 MB import made some 800,000 writes to one. Its statements change at
 * most a batch's pages, a few megabytes. Temporary tables and sorts of other statements run
 * meanwhile stay in memory too, so the first of overlapping imports sets it and the last puts
 * the setting back. It cannot change inside a transaction: `db` must not be in one.
 */
export async function withJournalsInMemory<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (isPostgres(db)) return work();
  let state = inMemory.get(db);
  if (!state) {
    const { rows } = await sql<{ temp_store: number }>`pragma temp_store`.execute(db);
    state = inMemory.get(db) ?? { running: 0, previous: rows[0]?.temp_store ?? 0 };
    inMemory.set(db, state);
  }
  if (state.running++ === 0) await sql`pragma temp_store = memory`.execute(db);
  try {
    return await work();
  } finally {
    if (--state.running === 0) {
      inMemory.delete(db);
      await sql`pragma temp_store = ${sql.lit(state.previous)}`.execute(db);
    }
  }
}
