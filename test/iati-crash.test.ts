import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '../src/db/database.ts';
import { CARAVAN, runCaravan } from './support/cli.ts';
import { activityXml, iatiDocument } from './support/iati-fixtures.ts';
import { DIALECTS, newTestDatabase } from './support/stores.ts';

const ACTIVITIES = 4000;

for (const dialect of DIALECTS) {
  describe(`an import killed mid-file on ${dialect}`, () => {
    it('leaves no half-stored activity, and running it again completes the job', async () => {
      const database = await newTestDatabase(dialect);
      const env = { DATABASE_URL: database.url };
      const store = openStore(database.url);
      try {
        expect((await runCaravan(['db', 'migrate'], env)).code).toBe(0);
        const file = join(mkdtempSync(join(tmpdir(), 'caravan-crash-')), 'big.xml');
        writeFileSync(
          file,
          iatiDocument(
            Array.from({ length: ACTIVITIES }, (_, i) => activityXml({ id: `CRASH-${i}` })),
          ),
        );

        const child = spawn(process.execPath, [CARAVAN, 'import', 'iati', file], {
          env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
          stdio: 'ignore',
        });
        // Kill it once the run has started reading, well before the file's transaction ends.
        for (let i = 0; i < 200; i++) {
          const run = await store.db.selectFrom('import_run').select('id').executeTakeFirst();
          if (run) break;
          await sleep(25);
        }
        await sleep(300);
        child.kill('SIGKILL');
        await new Promise((resolve) => child.on('exit', resolve));

        const count = async () =>
          (await store.db.selectFrom('activity').select('id').execute()).length;
        const partial = await count();
        expect([0, ACTIVITIES]).toContain(partial);
        const orphans = await store.db
          .selectFrom('activity_transaction')
          .leftJoin('activity', 'activity.id', 'activity_transaction.activity_id')
          .select('activity_transaction.id')
          .where('activity.id', 'is', null)
          .execute();
        expect(orphans).toEqual([]);

        const rerun = await runCaravan(['import', 'iati', file], env);
        expect(rerun.code).toBe(0);
        expect(await count()).toBe(ACTIVITIES);
      } finally {
        await store.close();
        await database.drop();
      }
      // Two imports of 4,000 activities: on a loaded two-core machine PostgreSQL needs minutes.
    }, 240_000);
  });
}
