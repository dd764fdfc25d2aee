import { createHash } from 'node:crypto';
import pg from 'pg';
import { PostgresDialect, type PostgresPool } from 'kysely';

const INT8_OID = 20;

/** 64-bit integers hold cents and counts here; they fit a double as long as they are below 2^53. */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`integer ${text} exceeds 2^53`);
  return value;
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === INT8_OID && format !== 'binary') return parseInt8;
    return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
  },
};

/**
 * Statements whose text begins with this comment are prepared once per connection, under a name
 * drawn from their text, and then only bound and run. Meant for statements that run often in a
 * few shapes and cost more to plan than to run: with `plan_cache_mode = force_generic_plan` set
 * for the transaction they run in, their plan is made once per connection too (see searchPage).
 */
export const PREPARED = '/* prepared */';

/**
 * PostgreSQL refuses to run a prepared statement whose result columns changed type since it was
 * prepared (a migration run under a running server, say). The statement is not prepared again
 * by itself: the failure bumps a generation that every prepared name carries, so each later run
 * prepares it afresh; the caller may run its transaction again.
 */
export function isStalePreparedStatement(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: unknown }).code === '0A000' &&
    error.message.includes('cached plan must not change result type')
  );
}

let generation = 0;

/** A pg client that runs statements marked PREPARED by name (see above). */
class PreparingClient extends pg.Client {
  // Kysely calls query(text, values); every other form is pg's own.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && text.startsWith(PREPARED) && args.length === 2) {
      const hash = createHash('sha1').update(text).digest('hex').slice(0, 20);
      const name = `caravan_${generation}_${hash}`;
      const run = super.query({ name, text, values: values as unknown[] }) as Promise<unknown>;
      return run.catch((error: unknown) => {
        if (isStalePreparedStatement(error) && name.startsWith(`caravan_${generation}_`)) {
          generation++;
        }
        throw error;
      }) as never;
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

export function createPostgresPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    types,
  });
  // An idle client losing its server (a restart, a failover) must not crash the process;
  // the next query gets a fresh connection or a clear error.
  pool.on('error', () => {});
  return pool;
}

export function createPostgresDialect(pool: PostgresPool): PostgresDialect {
  return new PostgresDialect({ pool });
}
