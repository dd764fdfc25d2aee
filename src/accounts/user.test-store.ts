import type { Kysely } from 'kysely';
import type { Database, DialectName } from '../db/database.ts';
import { newTestStore, type TestStore } from '../../test/support/stores.ts';

export interface UsersTestStore extends TestStore {
  users: Kysely<Database>;
}

/** A migrated test store; `users` is the same connection, kept for the tests' readability. */
export async function newUsersTestStore(dialect: DialectName): Promise<UsersTestStore> {
  const store = await newTestStore(dialect);
  return { ...store, users: store.db };
}
