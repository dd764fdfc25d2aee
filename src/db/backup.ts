import { spawn } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync, renameSync, rmSync } from 'node:fs';
import { backup as sqliteBackup, DatabaseSync } from 'node:sqlite';
import { AppError } from '../errors.ts';
import { dialectOf, sqlitePath } from './database.ts';

export interface BackupReport {
  file: string;
  format: 'sqlite' | 'pg_dump';
  tables: number;
  /** Rows per table, as the backup holds them (SQLite), or the tables it lists (PostgreSQL). */
  rows: Record<string, number> | null;
}

/** Runs a PostgreSQL client tool; its own error output becomes the error's message. */
function run(tool: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) =>
      reject(
        new AppError('unavailable', `${tool}: ${error.message} (is postgresql-client installed?)`),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new AppError('internal', `${tool} failed: ${stderr.trim() || `exit ${code}`}`)),
    );
  });
}

/** Tables of a SQLite database and their row counts (FTS shadow tables included in the file). */
function sqliteCounts(db: DatabaseSync): Record<string, number> {
  const tables = db
    .prepare(
      `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      Number((db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n),
    ]),
  );
}

/** Checks a SQLite backup file opens, passes its integrity check and holds a migrated schema. */
function verifySqlite(file: string): Record<string, number> {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const check = db.prepare('pragma integrity_check').get() as { integrity_check: string };
    if (check.integrity_check !== 'ok')
      throw new AppError('internal', `${file}: integrity check failed: ${check.integrity_check}`);
    const counts = sqliteCounts(db);
    if (!('kysely_migration' in counts))
      throw new AppError('internal', `${file}: holds no Caravan schema`);
    return counts;
  } finally {
    db.close();
  }
}

/**
 * Writes a consistent copy of the database to a file while it stays in use: SQLite's online
 * backup, or pg_dump's custom format. Then reads the copy back to check it.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupReport> {
  if (dialectOf(url) === 'sqlite') {
    const source = new DatabaseSync(sqlitePath(url));
    const partial = `${file}.partial`;
    try {
      await sqliteBackup(source, partial);
    } finally {
      source.close();
    }
    const rows = verifySqlite(partial);
    renameSync(partial, file);
    return { file, format: 'sqlite', tables: Object.keys(rows).length, rows };
  }
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, url]);
  const listing = await run('pg_restore', ['--list', file]);
  const tables = listing.split('\n').filter((line) => / TABLE DATA /.test(line)).length;
  if (!/ TABLE DATA \S+ kysely_migration /.test(listing)) {
    throw new AppError('internal', `${file}: the dump holds no Caravan schema`);
  }
  return { file, format: 'pg_dump', tables, rows: null };
}

function formatOf(file: string): 'sqlite' | 'pg_dump' | null {
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'pg_dump';
  return null;
}

async function hasTables(url: string): Promise<boolean> {
  if (dialectOf(url) === 'sqlite') {
    const path = sqlitePath(url);
    if (!existsSync(path)) return false;
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      return Object.keys(sqliteCounts(db)).length > 0;
    } finally {
      db.close();
    }
  }
  const out = await run('psql', [
    '--no-psqlrc',
    '--tuples-only',
    '--command',
    `select count(*) from pg_tables where schemaname = 'public'`,
    url,
  ]);
  return Number(out.trim()) > 0;
}

/**
 * Replaces the database with a backup of the same engine. A database that holds tables is
 * replaced only when `force` says so; nothing is touched when the file is not a backup.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  { force = false } = {},
): Promise<BackupReport> {
  if (!existsSync(file)) throw new AppError('bad_request', `${file}: no such file`);
  const format = formatOf(file);
  const dialect = dialectOf(url);
  if (format === null)
    throw new AppError('bad_request', `${file}: neither a SQLite backup nor a pg_dump archive`);
  if ((format === 'sqlite') !== (dialect === 'sqlite')) {
    throw new AppError(
      'bad_request',
      `${file} is a ${format} backup and the target is ${dialect}: use caravan migrate-store to move between engines`,
    );
  }
  if (!force && (await hasTables(url))) {
    throw new AppError(
      'conflict',
      `the target database already holds tables; pass --force to replace them with ${file}`,
    );
  }
  if (format === 'sqlite') {
    const rows = verifySqlite(file);
    const target = sqlitePath(url);
    const partial = `${target}.restoring`;
    const source = new DatabaseSync(file, { readOnly: true });
    try {
      await sqliteBackup(source, partial);
    } finally {
      source.close();
    }
    // The old database's write-ahead log belongs to the old file: it must not be replayed.
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(partial, target);
    return { file, format, tables: Object.keys(rows).length, rows };
  }
  await run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    `--dbname=${url}`,
    file,
  ]);
  const listing = await run('pg_restore', ['--list', file]);
  return {
    file,
    format,
    tables: listing.split('\n').filter((line) => / TABLE DATA /.test(line)).length,
    rows: null,
  };
}
