import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/accounts/audit.service.ts';
import { openStore, type Store } from '../src/db/database.ts';
import { fund } from '../src/facility/facility.test-support.ts';
import { fundStatement } from '../src/facility/fund.service.ts';
import { runCaravan } from './support/cli.ts';
import { DIALECTS, newTestDatabase, newTestStore, type TestDatabase } from './support/stores.ts';

async function counts(store: Store): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of [
    'activity',
    'activity_transaction',
    'facility_ledger',
    'audit_log',
    'app_user',
  ] as const) {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    result[table] = Number(row.n);
  }
  return result;
}

const dir = mkdtempSync(join(tmpdir(), 'caravan-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const dialect of DIALECTS) {
  describe(`caravan backup and restore on ${dialect}`, () => {
    const dropped: TestDatabase[] = [];
    afterAll(async () => {
      for (const database of dropped) await database.drop();
    });

    it('round-trips a live database, and refuses to overwrite one by accident', async () => {
      const source = await newTestStore(dialect);
      const env = { DATABASE_URL: source.url, CARAVAN_DEMO_PASSWORD: 'Long caravan route 2026' };
      expect((await runCaravan(['demo'], env)).code).toBe(0);
      await fund(source.db, '12345.67');
      const before = await counts(source);
      const statement = await fundStatement(source.db);

      const file = join(dir, `${dialect}.backup`);
      const backup = await runCaravan(['backup', '--out', file], env);
      expect(backup.stderr).toBe('');
      expect(backup.stdout).toMatch(/checked/);
      await source.dispose();

      const target = await newTestDatabase(dialect);
      dropped.push(target);
      const restored = await runCaravan(['restore', file], { DATABASE_URL: target.url });
      expect(restored.stderr).toBe('');
      const store = openStore(target.url);
      try {
        expect(await counts(store)).toEqual(before);
        expect(before.activity).toBeGreaterThan(250);
        expect(await fundStatement(store.db)).toEqual(statement);
        expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
      } finally {
        await store.close();
      }

      const again = await runCaravan(['restore', file], { DATABASE_URL: target.url });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already holds tables; pass --force/);
      expect(
        (await runCaravan(['restore', '--force', file], { DATABASE_URL: target.url })).code,
      ).toBe(0);

      const other =
        dialect === 'sqlite' ? await newTestDatabase('postgres') : await newTestDatabase('sqlite');
      dropped.push(other);
      const crossed = await runCaravan(['restore', file], { DATABASE_URL: other.url });
      expect(crossed.stderr).toMatch(/use caravan migrate-store to move between engines/);
      const junk = join(dir, 'junk.bin');
      writeFileSync(junk, 'not a backup');
      expect((await runCaravan(['restore', junk], { DATABASE_URL: other.url })).stderr).toMatch(
        /neither a SQLite backup nor a pg_dump archive/,
      );
    }, 120_000);
  });
}
