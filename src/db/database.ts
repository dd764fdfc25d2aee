import { Kysely, sql, type Transaction } from 'kysely';
import type { AuditTables } from '../accounts/audit.table.ts';
import type { PasswordResetTables } from '../accounts/password-reset.ts';
import type { SessionTables } from '../accounts/session.table.ts';
import type { TokenTables } from '../accounts/token.table.ts';
import type { UserTables } from '../accounts/user.table.ts';
import type { ClimateTables } from '../climate/climate.table.ts';
import type { FacilityTables } from '../facility/facility.table.ts';
import type { ResultsTables } from '../results/results.table.ts';
import type { ReportTables } from '../reports/report.table.ts';
import type { IatiTables } from '../iati/import-run.table.ts';
import type { AllocationTables } from '../portfolio/allocation.table.ts';
import type { PortfolioTables } from '../portfolio/portfolio.table.ts';
import type { ReferenceTables } from '../reference/reference.table.ts';
import { createPostgresDialect, createPostgresPool } from './postgres.ts';
import { createSqliteDialect } from './sqlite.ts';
import { RoutingPool } from './replica.ts';

export interface Database
  extends
    ReferenceTables,
    PortfolioTables,
    AllocationTables,
    IatiTables,
    AuditTables,
    UserTables,
    SessionTables,
    TokenTables,
    PasswordResetTables,
    FacilityTables,
    ClimateTables,
    ResultsTables,
    ReportTables {}

/** A connection or a transaction: repositories take either, so callers own the transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

/** Runs body in the caller's transaction when there is one, else in a new one. */
export function inTransaction<T>(
  db: Db,
  body: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? body(db as Transaction<Database>) : db.transaction().execute(body);
}

export type DialectName = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, without credentials, for messages. */
  location: string;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** The connection pool's state, where there is a pool (PostgreSQL). */
  poolStats?: () => { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export function dialectOf(url: string): DialectName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new Error(
    `Unsupported DATABASE_URL ${JSON.stringify(url)}: use sqlite:PATH or postgres://…`,
  );
}

/** `sqlite:./data/caravan.db`, `sqlite:///abs/path.db` or `sqlite::memory:` → a file path. */
export function sqlitePath(url: string): string {
  const rest = url.slice('sqlite:'.length);
  return rest.startsWith('//') ? rest.slice(2) : rest;
}

export interface StoreOptions {
  /** A PostgreSQL streaming replica that answers reads run inside onReplica(). */
  replicaUrl?: string | null;
}

export function openStore(url: string, { replicaUrl = null }: StoreOptions = {}): Store {
  const dialect = dialectOf(url);
  if (replicaUrl !== null && (dialect !== 'postgres' || dialectOf(replicaUrl) !== 'postgres')) {
    throw new Error(
      'DATABASE_REPLICA_URL: a replica is a PostgreSQL server beside a PostgreSQL DATABASE_URL',
    );
  }
  if (dialect === 'sqlite') {
    const path = sqlitePath(url);
    const db = new Kysely<Database>({ dialect: createSqliteDialect(path) });
    return {
      db,
      dialect,
      location: path,
      ping: () => sql`select 1`.execute(db).then(() => undefined),
      close: () => db.destroy(),
    };
  }
  const pool = createPostgresPool(url);
  const routed = replicaUrl === null ? pool : new RoutingPool(pool, createPostgresPool(replicaUrl));
  const db = new Kysely<Database>({ dialect: createPostgresDialect(routed) });
  const parsed = new URL(url);
  return {
    db,
    dialect,
    location: `${parsed.host || parsed.searchParams.get('host') || 'localhost'}${parsed.pathname}`,
    ping: () => sql`select 1`.execute(db).then(() => undefined),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    close: () => db.destroy(),
  };
}
