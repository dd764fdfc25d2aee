import type { DialectName } from '../db/database.ts';
import { newTestStore, type TestStore } from '../../test/support/stores.ts';
import type { Db } from '../db/database.ts';

export interface TokensTestStore extends TestStore {
  tokens: Db;
}

/** A migrated test store; `tokens` is the same connection, kept for the tests' readability. */
export async function newTokensTestStore(dialect: DialectName): Promise<TokensTestStore> {
  const store = await newTestStore(dialect);
  return { ...store, tokens: store.db };
}
