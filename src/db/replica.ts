import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { isDatabaseUnavailable } from './unavailable.ts';

const readsFromReplica = new AsyncLocalStorage<boolean>();

/**
 * Runs work whose queries may be answered by the streaming replica: reads that need not see
 * the caller's own latest writes. Everything else, and every transaction, uses the primary.
 */
export function onReplica<T>(work: () => T): T {
  return readsFromReplica.run(true, work);
}

/** How long the primary answers for a replica that failed to connect before it is tried again. */
const REPLICA_RETRY_MS = 5000;

/**
 * A pool that hands out replica connections inside onReplica() and primary connections
 * elsewhere. A replica that cannot be reached is skipped for a few seconds: its reads fall
 * back to the primary, so losing the replica costs freshness of nothing and availability of
 * nothing.
 */
export class RoutingPool implements PostgresPool {
  readonly #primary: pg.Pool;
  readonly #replica: pg.Pool;
  #replicaDownUntil = 0;

  constructor(primary: pg.Pool, replica: pg.Pool) {
    this.#primary = primary;
    this.#replica = replica;
  }

  /** Kysely reads the pool's options (as pg.Pool has them): the primary's stand for both. */
  get options(): object {
    return this.#primary.options;
  }

  async connect(): Promise<PostgresPoolClient> {
    if (readsFromReplica.getStore() !== true || Date.now() < this.#replicaDownUntil) {
      return this.#primary.connect();
    }
    try {
      return await this.#replica.connect();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      this.#replicaDownUntil = Date.now() + REPLICA_RETRY_MS;
      return this.#primary.connect();
    }
  }

  async end(): Promise<void> {
    await Promise.all([this.#primary.end(), this.#replica.end()]);
  }
}
