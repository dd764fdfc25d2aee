import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newTestStore, type TestStore } from '../../test/support/stores.ts';
import { PREPARED } from './postgres.ts';

describe('PostgreSQL statements marked PREPARED', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await newTestStore('postgres');
  });
  afterAll(() => store.dispose());

  it('are prepared once per connection and run by name; others are not kept', async () => {
    const statements = await store.db.transaction().execute(async (trx) => {
      const marked = (n: number) =>
        sql<{ n: number }>`${sql.raw(PREPARED)} select ${n}::integer + 1 as n`.execute(trx);
      expect((await marked(1)).rows).toEqual([{ n: 2 }]);
      expect((await marked(41)).rows).toEqual([{ n: 42 }]);
      await sql`select ${1}::integer as plain`.execute(trx);
      const { rows } = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(trx);
      return rows;
    });
    expect(statements).toHaveLength(1);
    expect(statements[0]!.name).toMatch(/^caravan_\d+_[0-9a-f]{20}$/);
    expect(statements[0]!.statement).toContain('select $1::integer + 1 as n');
  });
});
