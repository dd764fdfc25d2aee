import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, newTestStore, type TestStore } from '../../test/support/stores.ts';
import { sql } from 'kysely';
import {
  bulkTable,
  insertFlat,
  updateFlatById,
  withJournalsInMemory,
  type SqlValue,
} from './bulk.ts';

const RUNS = bulkTable('import_run', ['source', 'started_at', 'status', 'activities']);
const COUNTS = bulkTable('import_run', ['imported', 'rejected']);

for (const dialect of DIALECTS) {
  describe(`many-row statements on ${dialect}`, () => {
    let store: TestStore;
    beforeEach(async () => {
      store = await newTestStore(dialect);
    });
    afterEach(() => store.dispose());

    /** SQLite's temp_store (2 is MEMORY); PostgreSQL has no such setting. */
    const tempStore = async () => {
      if (dialect === 'postgres') return null;
      const { rows } = await sql<{ temp_store: number }>`pragma temp_store`.execute(store.db);
      return rows[0]!.temp_store;
    };

    // Around the chunk sizes (64, 16, 4, 1), so that every combination of them is used.
    it.each([0, 1, 3, 17, 64, 85, 130])('stores %i rows and returns each', async (rows) => {
      const values: SqlValue[] = [];
      for (let i = 0; i < rows; i++) values.push(`run ${i}`, '2026-01-01', 'completed', i);
      const returned = await insertFlat<{ id: number; source: string }>(store.db, RUNS, values, {
        returning: ['id', 'source'],
      });
      expect(returned.map((r) => r.source).sort()).toEqual(
        Array.from({ length: rows }, (_, i) => `run ${i}`).sort(),
      );

      const updates: SqlValue[] = [];
      for (const { id, source } of returned) updates.push(id * 2, Number(source.slice(4)), id);
      await updateFlatById(store.db, COUNTS, ['integer', 'integer'], updates);
      const stored = await store.db
        .selectFrom('import_run')
        .select(['id', 'activities', 'imported', 'rejected'])
        .orderBy('id')
        .execute();
      expect(stored).toHaveLength(rows);
      // Each row got its own values: imported from its id, rejected from its number.
      expect(stored.map((row) => row.imported)).toEqual(stored.map((row) => row.id * 2));
      expect(stored.map((row) => row.rejected)).toEqual(stored.map((row) => row.activities));
    });

    it('refuses values that do not make whole rows', async () => {
      await expect(insertFlat(store.db, RUNS, ['only', 'three', 'values'])).rejects.toThrow(
        /3 values do not make rows of 4/,
      );
    });

    it('keeps statement journals in memory while an import runs, and only then', async () => {
      const before = await tempStore();
      const during = await withJournalsInMemory(store.db, async () => {
        await insertFlat(store.db, RUNS, ['during', '2026-01-01', 'completed', 1]);
        return tempStore();
      });
      // 2 is MEMORY; PostgreSQL has no such setting and is left alone.
      expect(during).toBe(dialect === 'postgres' ? null : 2);
      expect(await tempStore()).toBe(before);
      await expect(
        withJournalsInMemory(store.db, () => Promise.reject(new Error('import failed'))),
      ).rejects.toThrow('import failed');
      expect(await tempStore()).toBe(before);
      expect(await store.db.selectFrom('import_run').select('source').execute()).toEqual([
        { source: 'during' },
      ]);
    });

    it('keeps them in memory until the last of overlapping imports ends', async () => {
      const before = await tempStore();
      let endFirst = () => {};
      const firstMayEnd = new Promise<void>((resolve) => (endFirst = resolve));
      const first = withJournalsInMemory(store.db, () => firstMayEnd);
      // The second starts while the first runs, and outlives it.
      const second = withJournalsInMemory(store.db, async () => {
        endFirst();
        await first;
        return tempStore();
      });
      expect(await second).toBe(dialect === 'postgres' ? null : 2);
      expect(await tempStore()).toBe(before);
    });
  });
}
