import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { DIALECTS, newTestStore, type TestStore } from '../../test/support/stores.ts';
import { migrateToLatest, migrationStatus } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { AnyDb } from './schema-helpers.ts';

const failing: Migration = {
  async up(db: AnyDb) {
    await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
    await sql`select * from no_such_table`.execute(db);
  },
};

for (const dialect of DIALECTS) {
  describe(`migrations on ${dialect}`, () => {
    let store: TestStore;
    afterEach(() => store.dispose());

    it('applies every migration once, and a second run is a no-op', async () => {
      store = await newTestStore(dialect, { migrate: false });
      expect(await migrateToLatest(store.db)).toEqual(Object.keys(MIGRATIONS));
      expect(await migrateToLatest(store.db)).toEqual([]);
      const status = await migrationStatus(store.db);
      expect(status.map((m) => m.name)).toEqual(Object.keys(MIGRATIONS));
      expect(status.every((m) => m.executedAt !== null)).toBe(true);
    });

    it('leaves the database at the previous version when a migration fails', async () => {
      store = await newTestStore(dialect);
      const withFailure = { ...MIGRATIONS, '9999_01_01_001_failing': failing };
      await expect(migrateToLatest(store.db, withFailure)).rejects.toThrow(
        /9999_01_01_001_failing failed/,
      );
      const status = await migrationStatus(store.db, withFailure);
      expect(status.at(-1)).toEqual({ name: '9999_01_01_001_failing', executedAt: null });
      const tables = await store.db.introspection.getTables();
      expect(tables.map((t) => t.name)).not.toContain('half_done');
    });

    it('rolls back every pending migration of a run when one of them fails', async () => {
      store = await newTestStore(dialect, { migrate: false });
      const withFailure = { ...MIGRATIONS, '9999_01_01_001_failing': failing };
      await expect(migrateToLatest(store.db, withFailure)).rejects.toThrow();
      const status = await migrationStatus(store.db, withFailure);
      expect(status.every((m) => m.executedAt === null)).toBe(true);
      const tables = await store.db.introspection.getTables();
      expect(tables.map((t) => t.name)).not.toContain('activity');
    });
  });
}
