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
// Multi-row inserts differ by row count and can be 100 kB of SQL each: caching those would hold
// megabytes for statements that rarely recur, so only short statements are kept.
const CACHEABLE_SQL_LENGTH = 2048;

/** Kysely holds a single SQLite connection, so prepared statements can be reused safely. */
class Database implements SqliteDatabase {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, Statement>();

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  prepare(sql: string): SqliteStatement {
    if (sql === 'rollback' && !this.#db.isTransaction) return NO_ROLLBACK_NEEDED;
    if (sql.length > CACHEABLE_SQL_LENGTH) return new Statement(this.#db.prepare(sql));
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = new Statement(this.#db.prepare(sql));
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.#statements.keys().next().value;
        if (oldest !== undefined) this.#statements.delete(oldest);
      }
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  close(): void {
    this.#statements.clear();
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
