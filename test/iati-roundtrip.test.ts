import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { iatiDocument } from '../src/iati/export/index.ts';
import { schemaErrors, schemaUnavailable } from '../src/iati/export/xmllint.ts';
import { storedActivities } from '../src/iati/export.service.ts';
import { importIati } from '../src/iati/import.service.ts';
import { expandSources, type ImportSource } from '../src/iati/sources.ts';
import { generateDemoPortfolio } from '../src/portfolio/demo/generate.ts';
import { loadDemoPortfolio } from '../src/portfolio/demo.service.ts';
import { syncReferenceData } from '../src/reference/reference.repository.ts';
import { PROJECT_ROOT } from './support/cli.ts';
import { textSource } from './support/iati-fixtures.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';

const REAL = join(PROJECT_ROOT, '../shared/data/iati/activities');
const REAL_FILES = [
  'dportal/dportal_005_afdb-adb.xml',
  'dportal/dportal_117_iom-cgiar-unesco-adb.xml',
  'dportal/dportal_004_worldbank.xml',
  'edge-cases/jsval_iati-act-no-errors_v2.03-annotated-example.xml',
  'small/hdx_foodsecurity-fixture_dportal_v2.03.xml',
].map((file) => join(REAL, file));

async function exportAll(db: Kysely<Database>): Promise<{ xml: string; skipped: number }> {
  let xml = '';
  let skipped = 0;
  const document = iatiDocument(storedActivities(db, {}), {
    generatedAt: '2026-01-01T00:00:00Z',
    onSkip: () => (skipped += 1),
  });
  for await (const chunk of document) xml += chunk;
  return { xml, skipped };
}

async function commitmentCents(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ cents: number }>`
    select sum(usd_cents) as cents from activity_transaction where type = '2'`.execute(db);
  return Number(rows[0]!.cents);
}

for (const dialect of DIALECTS) {
  describe(`IATI round trip on ${dialect}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await newTestStore(dialect);
    });
    afterAll(() => store.dispose());

    it.runIf(existsSync(REAL))(
      'exports real activities as valid IATI 2.03 that imports back unchanged',
      async () => {
        const sources: ImportSource[] = [];
        for await (const source of expandSources(REAL_FILES)) sources.push(source);
        const first = await importIati(store.db, sources, {
          dryRun: false,
          label: 'real',
          actor: 'test',
          origin: 'test',
        });
        const stored = first.totals.imported;
        expect(stored).toBeGreaterThan(100);

        const { xml, skipped } = await exportAll(store.db);
        expect(skipped).toBeLessThan(stored / 10);
        if (schemaUnavailable === null) expect(await schemaErrors(xml)).toEqual([]);

        const again = await importIati(store.db, [textSource('export.xml', xml)], {
          dryRun: false,
          label: 'round trip',
          actor: 'test',
          origin: 'test',
        });
        expect(again.totals.rejected).toBe(0);
        expect(again.totals.unchanged).toBe(stored - skipped);
        expect(again.totals.imported + again.totals.replaced).toBe(0);
      },
    );
  });

  describe(`the demo portfolio as IATI on ${dialect}`, () => {
    let loaded: TestStore;
    let imported: TestStore;
    beforeAll(async () => {
      [loaded, imported] = await Promise.all([newTestStore(dialect), newTestStore(dialect)]);
      await syncReferenceData(loaded.db);
      await loadDemoPortfolio(loaded.db);
    });
    afterAll(async () => {
      await loaded.dispose();
      await imported.dispose();
    });

    it('imports to the same totals as `caravan demo`', async () => {
      let xml = '';
      for await (const chunk of iatiDocument(generateDemoPortfolio(), {
        generatedAt: '2025-06-30T00:00:00Z',
      })) {
        xml += chunk;
      }
      const summary = await importIati(imported.db, [textSource('demo.xml', xml)], {
        dryRun: false,
        label: 'demo as IATI',
        actor: 'test',
        origin: 'test',
      });
      expect(summary.totals).toMatchObject({
        rejected: 0,
        imported: generateDemoPortfolio().length,
      });
      expect(await commitmentCents(imported.db)).toBe(await commitmentCents(loaded.db));
    });
  });
}
