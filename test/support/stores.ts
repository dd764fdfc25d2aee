import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type DialectName, type Store } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/** Every store test runs once per dialect: `for (const dialect of DIALECTS) describe(dialect, …)`. */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** An empty database of its own: a temporary SQLite file, or a new database in the test server. */
export async function newTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'caravan-test-'));
    return {
      url: `sqlite:${join(dir, 'caravan.db')}`,
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const name = `caravan_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const base = new URL(inject('postgresUrl'));
  base.pathname = `/${name}`;
  return {
    url: base.toString(),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

export interface TestStore extends Store {
  url: string;
  /** Closes the store and removes its database. */
  dispose(): Promise<void>;
}

export async function newTestStore(
  dialect: DialectName,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<TestStore> {
  const database = await newTestDatabase(dialect);
  const store = openStore(database.url);
  if (migrate) await migrateToLatest(store.db);
  return {
    ...store,
    url: database.url,
    dispose: async () => {
      await store.close();
      await database.drop();
    },
  };
}
