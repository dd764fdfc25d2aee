import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { importIati, type ImportSummary } from '../src/iati/import.service.ts';
import type { ImportSource } from '../src/iati/sources.ts';
import { priceUnpricedValues, saveRates } from '../src/reference/fx.service.ts';
import { DIALECTS, newTestStore, type TestStore } from './support/stores.ts';
import { activityXml, iatiDocument, textSource } from './support/iati-fixtures.ts';

for (const dialect of DIALECTS) {
  describe(`IATI import on ${dialect}`, () => {
    let store: TestStore;
    beforeEach(async () => {
      store = await newTestStore(dialect);
    });
    afterEach(() => store.dispose());

    const run = (files: ImportSource[], dryRun = false): Promise<ImportSummary> =>
      importIati(store.db, files, { dryRun, label: 'test', actor: 'test', origin: 'test' });
    const count = async (table: 'activity' | 'activity_transaction') =>
      Number(
        (
          await store.db
            .selectFrom(table)
            .select(sql<number>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('stores the good activities of a file and accounts for every one', async () => {
      const file = iatiDocument([
        activityXml({ id: 'XM-DAC-46004-A1' }),
        activityXml({ id: 'XM-DAC-46004-A2', value: '1e6' }),
        activityXml({ id: 'XM-DAC-46004-A3' }),
      ]);
      const summary = await run([textSource('three.xml', file)]);
      expect(summary.files[0]).toMatchObject({
        activities: 3,
        imported: 2,
        rejected: 1,
        refused: false,
      });
      expect(summary.files[0]!.errors.join()).toMatch(/XM-DAC-46004-A2 \(line \d+\).*1e6/);
      expect(await count('activity')).toBe(2);
    });

    it('reads any xs:decimal amount, and rejects only an activity whose amount cents cannot hold', async () => {
      const file = iatiDocument([
        activityXml({ id: 'XM-DAC-46004-D1', value: '.5' }),
        activityXml({ id: 'XM-DAC-46004-D2', value: '100000000000000000' }),
        // Exact in euro cents, but not once in US dollar cents.
        activityXml({ id: 'XM-DAC-46004-D3', value: '90000000000000', currency: 'EUR' }),
        activityXml({ id: 'XM-DAC-46004-D4', value: '5.' }),
      ]);
      await saveRates(store.db, [
        { currency: 'EUR', period: '2020', perUsd: '0.9', source: 'test rate' },
      ]);
      const summary = await run([textSource('amounts.xml', file)]);
      expect(summary.files[0]).toMatchObject({ imported: 2, rejected: 2, refused: false });
      const errors = summary.files[0]!.errors.join('\n');
      expect(errors).toMatch(
        /XM-DAC-46004-D2 \(line \d+\): line \d+: transaction\/value: 100000000000000000 is more than can be stored exactly/,
      );
      expect(errors).toMatch(
        /XM-DAC-46004-D3 \(line \d+\): line \d+: a value is out of range in US dollars/,
      );
      const values = await store.db
        .selectFrom('activity_transaction as t')
        .innerJoin('activity as a', 'a.id', 't.activity_id')
        .select(['a.iati_identifier', 't.value'])
        .orderBy('a.iati_identifier')
        .execute();
      expect(values).toEqual([
        { iati_identifier: 'XM-DAC-46004-D1', value: '0.5' },
        { iati_identifier: 'XM-DAC-46004-D4', value: '5' },
      ]);
    });

    it('changes nothing on a second import, and replaces a changed activity whole', async () => {
      const first = iatiDocument([activityXml({ id: 'A1' }), activityXml({ id: 'A2' })]);
      await run([textSource('a.xml', first)]);
      const again = await run([textSource('a.xml', first)]);
      expect(again.totals).toMatchObject({ unchanged: 2, imported: 0, replaced: 0 });

      const changed = iatiDocument([
        activityXml({ id: 'A1', value: '5.00' }),
        activityXml({ id: 'A2' }),
      ]);
      const third = await run([textSource('a.xml', changed)]);
      expect(third.totals).toMatchObject({ unchanged: 1, replaced: 1 });
      const values = await store.db
        .selectFrom('activity_transaction')
        .innerJoin('activity', 'activity.id', 'activity_transaction.activity_id')
        .select(['value', 'usd_cents'])
        .where('iati_identifier', '=', 'A1')
        .execute();
      expect(values).toEqual([{ value: '5.00', usd_cents: 500 }]);
      expect(await count('activity_transaction')).toBe(2);
    });

    it('refuses a file that is not well-formed and keeps what was stored', async () => {
      await run([textSource('good.xml', iatiDocument([activityXml({ id: 'KEEP' })]))]);
      const broken = iatiDocument([activityXml({ id: 'B1' }), activityXml({ id: 'B2' })]).replace(
        '</title>',
        '',
      );
      const summary = await run([textSource('broken.xml', broken)]);
      expect(summary.files[0]!.refused).toBe(true);
      expect(summary.files[0]!.errors[0]).toMatch(/broken\.xml:\d+:\d+/);
      const ids = await store.db.selectFrom('activity').select('iati_identifier').execute();
      expect(ids).toEqual([{ iati_identifier: 'KEEP' }]);
    });

    it('stores nothing on a dry run but counts as a real run would', async () => {
      const summary = await run(
        [textSource('d.xml', iatiDocument([activityXml({ id: 'D1' })]))],
        true,
      );
      expect(summary.totals).toMatchObject({ activities: 1, imported: 1 });
      expect(summary.run).toBeNull();
      expect(await count('activity')).toBe(0);
    });

    it('keeps a value whose currency has no rate, flagged, and prices it once a rate arrives', async () => {
      const file = iatiDocument([activityXml({ id: 'E1', currency: 'EUR', value: '900.00' })]);
      const summary = await run([textSource('eur.xml', file)]);
      expect(summary.files[0]!.unpriced).toBeGreaterThanOrEqual(1);
      const before = await store.db
        .selectFrom('activity_transaction')
        .select(['value', 'currency', 'usd_cents', 'fx_source'])
        .execute();
      expect(before).toEqual([
        { value: '900.00', currency: 'EUR', usd_cents: null, fx_source: null },
      ]);

      await saveRates(store.db, [
        { currency: 'EUR', period: '2020', perUsd: '0.9', source: 'test rate' },
      ]);
      expect((await priceUnpricedValues(store.db)).priced).toBeGreaterThanOrEqual(1);
      const after = await store.db
        .selectFrom('activity_transaction')
        .select(['usd_cents', 'fx_source'])
        .execute();
      expect(after).toEqual([{ usd_cents: 100_000, fx_source: 'test rate (2020: 0.9 EUR/USD)' }]);
    });

    it('records the import run with its counts', async () => {
      const summary = await run([textSource('r.xml', iatiDocument([activityXml({ id: 'R1' })]))]);
      const row = await store.db
        .selectFrom('import_run')
        .selectAll()
        .where('id', '=', summary.run)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        status: 'completed',
        activities: 1,
        imported: 1,
        source: 'test',
      });
      const activity = await store.db
        .selectFrom('activity')
        .select('import_run_id')
        .executeTakeFirstOrThrow();
      expect(activity.import_run_id).toBe(summary.run);
    });
  });
}
