import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import {
  SqliteAdapter,
  SqliteDialect,
  type DialectAdapter,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';

/**
 * Kysely's SqliteDialect over Node's built-in `node:sqlite`: no native add-on to compile.
 * SQLite does run DDL inside transactions, which Kysely's stock adapter does not assume; saying
 * so lets the migrator apply pending migrations atomically, as it does on PostgreSQL.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class NodeSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

function toSqlValue(value: unknown): SQLInputValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value as SQLInputValue;
}

class Statement implements SqliteStatement {
  readonly reader: boolean;
  readonly #statement: StatementSync;

  constructor(statement: StatementSync) {
    this.#statement = statement;
    this.reader = statement.columns().length > 0;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.#statement.all(...parameters.map(toSqlValue));
  }

  run(parameters: ReadonlyArray<unknown>) {
    return this.#statement.run(...parameters.map(toSqlValue));
  }

  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.#statement.iterate(...parameters.map(toSqlValue));
  }
}

/**
 * SQLite ends a transaction itself on some errors (a full disk, an I/O error); Kysely's
 * rollback would then fail with "no transaction is active" and hide the error that matters.
 */
const NO_ROLLBACK_NEEDED: SqliteStatement = {
  reader: false,
  all: () => [],
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
  iterate: () => [][Symbol.iterator](),
};

const STATEMENT_CACHE_SIZE = 500;
// Multi-row inserts differ by row count and can be 100 kB of SQL each: caching every one would
// hold megabytes for statements that rarely recur. Longer statements get a small cache of their
// own, which db/bulk.ts fills with the few shapes it reuses over and over; the longest, which a
// prepared program of thousands of parameters would make costly to keep, are not cached.
const SHORT_SQL_LENGTH = 2048;
const LONG_SQL_LENGTH = 32_768;
const LONG_STATEMENT_CACHE_SIZE = 64;

/** A least-recently-used cache of prepared statements, by SQL text. */
class StatementCache {
  readonly #statements = new Map<string, Statement>();
  readonly #size: number;

  constructor(size: number) {
    this.#size = size;
  }

  get(sql: string, prepare: () => Statement): Statement {
    let statement = this.#statements.get(sql);
    if (statement) {
      this.#statements.delete(sql);
    } else {
      statement = prepare();
      if (this.#statements.size >= this.#size) {
        const oldest = this.#statements.keys().next().value;
        if (oldest !== undefined) this.#statements.delete(oldest);
      }
    }
    this.#statements.set(sql, statement);
    return statement;
  }

  clear(): void {
    this.#statements.clear();
  }
}

/** Kysely holds a single SQLite connection, so prepared statements can be reused safely. */
class Database implements SqliteDatabase {
  readonly #db: DatabaseSync;
  readonly #short = new StatementCache(STATEMENT_CACHE_SIZE);
  readonly #long = new StatementCache(LONG_STATEMENT_CACHE_SIZE);

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  prepare(sql: string): SqliteStatement {
    if (sql === 'rollback' && !this.#db.isTransaction) return NO_ROLLBACK_NEEDED;
    const prepare = () => new Statement(this.#db.prepare(sql));
    if (sql.length > LONG_SQL_LENGTH) return prepare();
    return (sql.length > SHORT_SQL_LENGTH ? this.#long : this.#short).get(sql, prepare);
  }

  close(): void {
    this.#short.clear();
    this.#long.clear();
    if (this.#db.isOpen) this.#db.close();
  }
}

/** Opens (creating if needed) a SQLite file in WAL mode with foreign keys enforced. */
export function createSqliteDialect(path: string): SqliteDialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path, { enableForeignKeyConstraints: true, timeout: 5000 });
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  return new NodeSqliteDialect({ database: new Database(db) });
}
